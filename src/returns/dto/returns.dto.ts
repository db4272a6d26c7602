import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsId, IsPeriod, QueryBoolean } from '../../common/validators';
import { UPDATE_STATUSES, type UpdateStatus } from '../../domain/progress-returns';

export class ReturnTemplateQuery {
  /** The quarter the return is for. @example "2025-26-Q2" */
  @IsPeriod()
  period: string;

  /** Only targets of this strategy (default: every strategy the partnership has targets in). */
  @IsOptional()
  @IsId()
  strategyId?: string;
}

export class ImportQuery {
  /** Validate only: report what would be stored, store nothing. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

export class ProgressExportQuery {
  /** @example "2025-26-Q2" */
  @IsPeriod()
  period: string;

  /** Which updates to export; by default the returns on record (submitted and approved). */
  @ApiProperty({ enum: [...UPDATE_STATUSES, 'all'], required: false })
  @IsOptional()
  @IsIn([...UPDATE_STATUSES, 'all'])
  status?: UpdateStatus | 'all';
}

export class ImportRowErrorDto {
  /** `row 12, value` */
  field: string;
  /** The row of the file (the header is row 1). */
  row: number;
  /** @example "value" */
  column: string;
  /** @example "must be a number, got \"twelve\"" */
  message: string;
}

export class ImportResultDto {
  dryRun: boolean;
  /** Data rows read. */
  rows: number;
  /** New updates stored as submitted. */
  created: number;
  /** Unapproved updates changed and (re)submitted. */
  updated: number;
  /** Rows identical to what is already on record: nothing written. */
  unchanged: number;
  /** Rows with no value and no text: nothing to report. */
  skipped: number;
}
