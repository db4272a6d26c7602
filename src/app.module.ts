import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE, RouterModule } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { createValidationPipe } from './common/validation';
import { validateEnv } from './config/env.validation';
import { DatabaseModule } from './database/database.module';
import { AppLoggerModule } from './common/logging';
import { HealthModule } from './health/health.module';
import { RedisModule } from './redis/redis.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { StrategiesModule } from './strategies/strategies.module';
import { UsersModule } from './users/users.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { ProgressModule } from './progress/progress.module';
import { ReportsModule } from './reports/reports.module';
import { ReturnsModule } from './returns/returns.module';
import { SummaryModule } from './summary/summary.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { TargetsModule } from './targets/targets.module';
import { WebExceptionsFilter } from './web/web-exceptions.filter';
import { WebModule } from './web/web.module';
import { NotificationsModule } from './notifications/notifications.module';
import { API_PREFIX } from './api-prefix';

/**
 * The modules whose controllers make up the JSON API, all served under `/api/v1`. The prefix is
 * given to these modules (RouterModule) rather than set globally with the web pages and health
 * checks excluded from it: every exclusion made Nest mount the request logger again on that path,
 * and Express walks its layers one by one for every request, so the API's routes sat behind
 * about 250 layers of page routes and logger copies (issue 11, docs/PERFORMANCE.md).
 */
const API_MODULES = [
  UsersModule,
  AuthModule,
  PartnershipsModule,
  StrategiesModule,
  TargetsModule,
  AssignmentsModule,
  ProgressModule,
  DeadlinesModule,
  SummaryModule,
  ReturnsModule,
  ReportsModule,
  NotificationsModule,
];

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv }),
    AppLoggerModule,
    CommonModule,
    DatabaseModule,
    RedisModule,
    HealthModule,
    ...API_MODULES,
    WebModule,
    RouterModule.register(API_MODULES.map((module) => ({ path: API_PREFIX, module }))),
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: WebExceptionsFilter },
  ],
})
export class AppModule {}
