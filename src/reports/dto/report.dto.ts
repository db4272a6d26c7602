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

/** What to publish: the quarter, and optionally a template and one theme or one partnership. */
export class PublishReportDto {
  /** The quarter whose pack to publish. @example "2025-26-Q2" */
  @IsPeriod()
  period: string;

  /** A template in templates/ (default `quarterly-board`). @example "quarterly-board" */
  @IsOptional()
  @MaxLength(60)
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'template must be a template name such as quarterly-board' })
  template?: string;

  /** Publish the pack of this theme (or population group) only. */
  @IsOptional()
  @IsId()
  themeId?: string;

  /** Publish the pack of the targets this partnership leads only. */
  @IsOptional()
  @IsId()
  partnershipId?: string;
}

export class ListPublishedReportsQuery extends PaginationQuery {
  /** Only this quarter's publications. @example "2025-26-Q2" */
  @IsOptional()
  @IsPeriod()
  period?: string;
}

/** A published board pack: the frozen stored pack, who published it and when. */
export class PublishedReportDto {
  /** The publication. */
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  /** The stored pack that was published (download it at `downloadUrl`). */
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  reportId: string;
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
  /** @example "Safer Wealden Partnership only" */
  @ApiProperty({ maxLength: 300 })
  scopeLabel: string | null;
  /** 1 for the first publication of this quarter, template and scope, then 2, 3… @example 1 */
  revision: number;
  /** True for the newest publication of its quarter, template and scope: the pack board members see. @example true */
  current: boolean;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  publishedById: string;
  /** @example "Cara Jones" */
  @ApiProperty({ maxLength: 200 })
  publishedByName: string;
  @ApiProperty({ format: 'email', maxLength: 320 })
  publishedByEmail: string;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  publishedAt: string;
  /** When the pack was generated: the date printed in it. */
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  generatedAt: string;
  /** @example "pride-of-place-2025-26-Q2.pdf" */
  @ApiProperty({ maxLength: 400 })
  filename: string;
  /** SHA-256 of the PDF, hex. */
  @ApiProperty({ minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' })
  sha256: string;
  sizeBytes: number;
  pageCount: number;
  /** Where to download the pack, byte for byte. @example "/api/v1/reports/3f2c…" */
  @ApiProperty({ maxLength: 100 })
  downloadUrl: string;
}
