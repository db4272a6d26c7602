import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_RETURN_DEADLINE_DAYS, MAX_RETURN_DEADLINE_DAYS } from '../../domain/deadlines';
import { LANGUAGES, type Language } from '../../domain/language';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsId, IsIsoDate, IsOptionalNonNull, IsOptionalText, IsText } from '../../common/validators';
import { STRATEGY_STATUSES, type StrategyStatus } from '../strategy.entity';

export class CreateStrategyDto {
  /** @example "Pride of Place" */
  @IsText(300)
  title: string;

  /** @example "East Sussex" */
  @IsText(200)
  area: string;

  /** @example "East Sussex will be a place where everyone can thrive…" */
  @IsOptional()
  @IsOptionalText(10_000)
  vision?: string | null;

  /** First day of the strategy (YYYY-MM-DD). @example "2008-04-01" */
  @IsIsoDate()
  startDate: string;

  /** Last day of the strategy (YYYY-MM-DD), after the start. @example "2026-03-31" */
  @IsIsoDate()
  endDate: string;

  @ApiProperty({ enum: STRATEGY_STATUSES, default: 'draft', required: false })
  @IsOptionalNonNull()
  @IsIn(STRATEGY_STATUSES)
  status?: StrategyStatus;

  /** The LSP that owns the strategy (a partnership of kind `lsp`). */
  @IsId()
  leadPartnershipId: string;

  /** The language of the strategy's board pack: English or Welsh. */
  @ApiProperty({ enum: LANGUAGES, maxLength: 2, required: false, default: 'en' })
  @IsOptionalNonNull()
  @IsIn(LANGUAGES)
  language?: Language;

  /** Days after a quarter ends by which its returns are due (a coordinator can override single quarters). @example 30 */
  @ApiProperty({ default: DEFAULT_RETURN_DEADLINE_DAYS, minimum: 0, maximum: MAX_RETURN_DEADLINE_DAYS, required: false })
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(MAX_RETURN_DEADLINE_DAYS)
  returnDeadlineDays?: number;
}

export class UpdateStrategyDto extends PartialType(CreateStrategyDto, { skipNullProperties: false }) {}

export class ListStrategiesQuery extends PaginationQuery {
  @ApiProperty({ enum: STRATEGY_STATUSES, required: false })
  @IsOptional()
  @IsIn(STRATEGY_STATUSES)
  status?: StrategyStatus;

  @IsOptional()
  @IsId()
  leadPartnershipId?: string;
}

export class StrategyDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ maxLength: 200 })
  area: string;
  @ApiProperty({ maxLength: 10000 })
  vision: string | null;
  /** @example "2008-04-01" */
  @ApiProperty({ format: 'date', maxLength: 10 })
  startDate: string;
  /** @example "2026-03-31" */
  @ApiProperty({ format: 'date', maxLength: 10 })
  endDate: string;
  @ApiProperty({ enum: STRATEGY_STATUSES })
  status: StrategyStatus;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  leadPartnershipId: string;
  /** The language of the strategy's board pack: English or Welsh. @example "en" */
  @ApiProperty({ enum: LANGUAGES, maxLength: 2 })
  language: Language;
  /** Days after a quarter ends by which its returns are due, unless the quarter has its own deadline. @example 30 */
  returnDeadlineDays: number;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}
