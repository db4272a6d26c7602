import { ApiProperty } from '@nestjs/swagger';
import { AUDITED_ENTITIES, type AuditedEntity } from '../audit-entry.entity';

export class HistoryEntryDto {
  /** Order of the entries; later changes have higher numbers. */
  sequence: number;
  /** @example "2025-10-14T09:30:00.000Z" */
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  at: string;
  @ApiProperty({ enum: AUDITED_ENTITIES })
  entityType: AuditedEntity;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  entityId: string;
  /** created, updated, archived, unarchived, deleted, submitted, approved, returned, corrected. */
  @ApiProperty({ maxLength: 40 })
  action: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  actorId: string | null;
  @ApiProperty({ format: 'email', maxLength: 320 })
  actorEmail: string | null;
  /** The resource before the change (null when created). */
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  before: Record<string, unknown> | null;
  /** The resource after the change. */
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  after: Record<string, unknown> | null;
}
