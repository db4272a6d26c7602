import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { UsersModule } from '../users/users.module';
import { EmailTemplates } from './email-templates';
import { Mailer } from './mailer';
import { NotificationOutbox } from './notification-outbox';

/**
 * The notifications table and the mail transport, apart from the scheduler so that the progress
 * workflow can record "sent back" and "approved" notices without depending on the summary.
 */
@Module({
  imports: [UsersModule, AssignmentsModule, StrategiesModule],
  providers: [Mailer, { provide: EmailTemplates, useFactory: () => new EmailTemplates() }, NotificationOutbox],
  exports: [NotificationOutbox, Mailer],
})
export class NotificationOutboxModule {}
