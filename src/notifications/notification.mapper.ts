import type { NotificationDto } from './dto/notification.dto';
import type { Notification } from './notification.entity';

export function toNotificationDto(row: Notification): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    targetId: row.targetId || null,
    period: row.period,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  };
}
