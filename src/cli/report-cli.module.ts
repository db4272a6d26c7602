import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CommonModule } from '../common/common.module';
import { validateEnv } from '../config/env.validation';
import { DatabaseModule } from '../database/database.module';
import { RedisModule } from '../redis/redis.module';
import { ReportsModule } from '../reports/reports.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { ReportCommand } from './report.command';

/**
 * `npm run report` alone: the modules a board pack needs (configuration, database, strategies,
 * summary, reports), not the users, returns, demo and notification modules of the other commands
 * (CliModule), whose loading was a good part of a one-shot report's time (bench/report-fresh.ts).
 */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv }),
    CommonModule,
    DatabaseModule,
    // The summary module reads its cache's invalidations through it (Redis when REDIS_URL is set).
    RedisModule,
    ReportsModule,
    StrategiesModule,
  ],
  providers: [ReportCommand],
})
export class ReportCliModule {}
