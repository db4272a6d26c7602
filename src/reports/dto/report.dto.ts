import { IsOptional, Matches, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { SummaryQuery } from '../../summary/dto/summary-query.dto';
import { IsId, IsPeriod } from '../../common/validators';

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
  id: string;
  strategyId: string;
  /** @example "2025-26-Q2" */
  period: string;
  /** @example "quarterly-board" */
  template: string;
  themeId: string | null;
  partnershipId: string | null;
  scopeLabel: string | null;
  /** @example "pride-of-place-2025-26-Q2.pdf" */
  filename: string;
  /** SHA-256 of the PDF, hex. */
  sha256: string;
  sizeBytes: number;
  pageCount: number;
  createdById: string | null;
  createdByEmail: string | null;
  createdAt: string;
  /** Where to download it again. @example "/api/v1/reports/3f2c…" */
  downloadUrl: string;
}

export class ReportTemplateDto {
  /** @example "quarterly-board" */
  name: string;
  title: string;
  sections: string[];
}
