import { IsOptional } from 'class-validator';
import { IsId, IsPeriod } from '../../common/validators';

export class SummaryQuery {
  /** The quarter to report on; defaults to the latest completed quarter. @example "2025-26-Q2" */
  @IsOptional()
  @IsPeriod()
  period?: string;

  /** Only this theme (or population group). */
  @IsOptional()
  @IsId()
  themeId?: string;

  /** Only the targets this partnership leads. */
  @IsOptional()
  @IsId()
  partnershipId?: string;
}
