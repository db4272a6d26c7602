import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { ProgressModule } from '../progress/progress.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { TargetsModule } from '../targets/targets.module';
import { UsersModule } from '../users/users.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [UsersModule, PartnershipsModule, StrategiesModule, TargetsModule, AssignmentsModule, ProgressModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
