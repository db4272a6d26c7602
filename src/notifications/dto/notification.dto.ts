import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/reminders';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '../notification.entity';

export class ListNotificationsQuery extends PaginationQuery {
  /** Only messages in this state: `failed` for what did not go, `pending` for what waits or is being sent. */
  @ApiProperty({ enum: NOTIFICATION_STATUSES, required: false })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  /** Only messages of this kind. */
  @ApiProperty({ enum: NOTIFICATION_KINDS, required: false })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;
}

/** One email the service owed someone, and what became of it. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;
  /** The address it goes to. */
  @ApiProperty({ format: 'email', maxLength: 320 })
  recipient: string;
  /** The target it is about; null for a digest. */
  @ApiProperty({ format: 'uuid', maxLength: 36, nullable: true, type: String })
  targetId: string | null;
  /** The quarter (2025-26-Q4), or for a digest the ISO week (2026-W17). */
  @ApiProperty({ maxLength: 10 })
  period: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: NotificationStatus;
  /** Tries so far. */
  attempts: number;
  /** Why the last try failed; null when none has. */
  @ApiProperty({ maxLength: 2000, nullable: true, type: String })
  lastError: string | null;
  /** When it will be tried again; null once sent, or when the tries are used up. */
  @ApiProperty({ format: 'date-time', maxLength: 24, nullable: true, type: String })
  nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 24, nullable: true, type: String })
  sentAt: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
}
