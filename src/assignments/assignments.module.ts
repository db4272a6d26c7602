import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { TargetsModule } from '../targets/targets.module';
import { Assignment } from './assignment.entity';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { PlannedAction } from './planned-action.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Assignment, PlannedAction]), TargetsModule, StrategiesModule, PartnershipsModule, AuditModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService],
  exports: [AssignmentsService],
})
export class AssignmentsModule {}
