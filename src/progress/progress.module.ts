import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsModule } from '../assignments/assignments.module';
import { AuditModule } from '../audit/audit.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { TargetsModule } from '../targets/targets.module';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { ProgressUpdate } from './progress-update.entity';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProgressUpdate]), StrategiesModule, TargetsModule, AssignmentsModule, AuditModule, NotificationOutboxModule],
  controllers: [ProgressController],
  providers: [ProgressService],
  exports: [ProgressService],
})
export class ProgressModule {}
