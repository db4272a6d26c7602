import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ProgressModule } from '../progress/progress.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { SummaryModule } from '../summary/summary.module';
import { UsersModule } from '../users/users.module';
import { NotificationOutboxModule } from './notification-outbox.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersScheduler } from './reminders-scheduler';

/** Email reminders, escalations and digests (docs/NOTIFICATIONS.md): the scheduler, its runner and the outbox API. */
@Module({
  imports: [NotificationOutboxModule, StrategiesModule, DeadlinesModule, SummaryModule, UsersModule, ProgressModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, RemindersScheduler],
  exports: [NotificationsService, RemindersScheduler, NotificationOutboxModule],
})
export class NotificationsModule {}
