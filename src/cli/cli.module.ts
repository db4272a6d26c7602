import { RedisModule } from '../redis/redis.module';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CommonModule } from '../common/common.module';
import { validateEnv } from '../config/env.validation';
import { DatabaseModule } from '../database/database.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { UsersModule } from '../users/users.module';
import { CreateUserCommand } from './create-user.command';
import { ReportCommand } from './report.command';
import { SeedDemoCommand } from './seed-demo.command';
import { ImportProgressCommand } from './import-progress.command';
import { DemoModule } from '../demo/demo.module';
import { ReturnsModule } from '../returns/returns.module';
import { ReportsModule } from '../reports/reports.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersCommand } from './reminders.command';

/** The command line: the application's own modules and services, without HTTP. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv }),
    CommonModule,
    DatabaseModule,
    // Summary cache invalidation (through Redis when REDIS_URL is set) after the CLI's writes.
    RedisModule,
    PartnershipsModule,
    UsersModule,
    ReportsModule,
    ReturnsModule,
    DemoModule,
    StrategiesModule,
    NotificationsModule,
  ],
  providers: [CreateUserCommand, ReportCommand, SeedDemoCommand, ImportProgressCommand, RemindersCommand],
})
export class CliModule {}
