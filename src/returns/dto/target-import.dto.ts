import { ApiProperty } from '@nestjs/swagger';

export class TargetImportRowDto {
  /** The row of the file (the header is row 1). */
  row: number;
  /** @example "NI 154" */
  @ApiProperty({ maxLength: 40 })
  code: string;
  /** @example "Net additional homes provided" */
  @ApiProperty({ maxLength: 300 })
  title: string;
  /** A new target, a changed one (target or lead assignment), or one left as it was. */
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] })
  outcome: 'created' | 'updated' | 'unchanged';
}

export class TargetImportResultDto {
  /** True when nothing was stored (`?dryRun=true`): the counts say what would happen. */
  dryRun: boolean;
  /** Data rows read. */
  rows: number;
  /** New targets. */
  created: number;
  /** Existing targets (by code) whose row differs, in the target or in its lead assignment. */
  updated: number;
  /** Rows identical to what is on record: nothing written. */
  unchanged: number;
  /** What became of each row, in file order. */
  @ApiProperty({ type: [TargetImportRowDto], maxItems: 100000 })
  targets: TargetImportRowDto[];
}
