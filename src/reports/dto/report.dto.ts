import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { SummaryQuery } from '../../summary/dto/summary-query.dto';
import { IsId, IsPeriod } from '../../common/validators';
import { SECTION_IDS } from '../templates/report-template';

/** The summary's period and scope, and a template to lay it out with. */
export class QuarterlyReportQuery extends SummaryQuery {
  /** A template in templates/ (default `quarterly-board`; also `partnership-summary`). @example "quarterly-board" */
  @IsOptional()
  @MaxLength(60)
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'template must be a template name such as quarterly-board' })
  template?: string;
}

export class ListReportsQuery extends PaginationQuery {
  @IsOptional()
  @IsId()
  strategyId?: string;

  @IsOptional()
  @IsPeriod()
  period?: string;
}

export class StoredReportDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  strategyId: string;
  /** @example "2025-26-Q2" */
  @ApiProperty({ maxLength: 10 })
  period: string;
  /** @example "quarterly-board" */
  @ApiProperty({ maxLength: 60 })
  template: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  themeId: string | null;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  partnershipId: string | null;
  @ApiProperty({ maxLength: 300 })
  scopeLabel: string | null;
  /** @example "pride-of-place-2025-26-Q2.pdf" */
  @ApiProperty({ maxLength: 400 })
  filename: string;
  /** SHA-256 of the PDF, hex. */
  @ApiProperty({ minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' })
  sha256: string;
  sizeBytes: number;
  pageCount: number;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  createdById: string | null;
  @ApiProperty({ format: 'email', maxLength: 320 })
  createdByEmail: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: string;
  /** Where to download it again. @example "/api/v1/reports/3f2c…" */
  @ApiProperty({ maxLength: 100 })
  downloadUrl: string;
}

export class ReportTemplateDto {
  /** @example "quarterly-board" */
  @ApiProperty({ maxLength: 60 })
  name: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ enum: SECTION_IDS, isArray: true, maxItems: SECTION_IDS.length, uniqueItems: true })
  sections: string[];
}
