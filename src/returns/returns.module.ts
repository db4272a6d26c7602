import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { ProgressModule } from '../progress/progress.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { TargetsModule } from '../targets/targets.module';
import { ReturnsController } from './returns.controller';
import { ReturnsService } from './returns.service';
import { TargetImportController } from './target-import.controller';
import { TargetImportService } from './target-import.service';

@Module({
  imports: [StrategiesModule, PartnershipsModule, TargetsModule, ProgressModule, AssignmentsModule],
  controllers: [ReturnsController, TargetImportController],
  providers: [ReturnsService, TargetImportService],
  exports: [ReturnsService, TargetImportService],
})
export class ReturnsModule {}
