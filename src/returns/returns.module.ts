import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { ProgressModule } from '../progress/progress.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { TargetsModule } from '../targets/targets.module';
import { ReturnsController } from './returns.controller';
import { ReturnsService } from './returns.service';

@Module({
  imports: [StrategiesModule, PartnershipsModule, TargetsModule, ProgressModule, AssignmentsModule],
  controllers: [ReturnsController],
  providers: [ReturnsService],
  exports: [ReturnsService],
})
export class ReturnsModule {}
