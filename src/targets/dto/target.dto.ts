import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsFiniteNumber, IsId, IsIdList, IsOptionalNonNull, IsOptionalText, IsPeriod, IsText, QueryBoolean } from '../../common/validators';
import { DIRECTIONS, FREQUENCIES, type Direction, type Frequency } from '../../domain/status';

export class MilestoneDto {
  /** @example "2024-25-Q4" */
  @IsPeriod()
  period: string;

  /** @example 120 */
  @IsFiniteNumber()
  value: number;
}

export class CreateTargetDto {
  /** Unique within the strategy. @example "NI 154" */
  @IsText(40)
  code: string;

  /** @example "Net additional homes provided" */
  @IsText(300)
  title: string;

  @IsOptional()
  @IsOptionalText(10_000)
  description?: string | null;

  /** A theme or population group of the same strategy. */
  @IsId()
  themeId: string;

  /** Priorities of the same strategy this target serves. */
  @IsOptionalNonNull()
  @IsIdList(50)
  priorityIds?: string[];

  /** Free text: `%`, `homes`, `£`, `crimes per 1,000 population`… @example "homes" */
  @IsText(60)
  unit: string;

  /** Whether more (`increase`) or less (`decrease`) is better. */
  @ApiProperty({ enum: DIRECTIONS, example: 'increase' })
  @IsIn(DIRECTIONS)
  direction: Direction;

  /** @example 100 */
  @IsFiniteNumber()
  baselineValue: number;

  /** @example "2024-25-Q4" */
  @IsPeriod()
  baselinePeriod: string;

  /** @example 140 */
  @IsFiniteNumber()
  targetValue: number;

  /** After the baseline period. @example "2025-26-Q4" */
  @IsPeriod()
  targetPeriod: string;

  /** Interim points strictly between the baseline and target periods, at most one per period. */
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];

  /** How far behind the trajectory (as % of the expected value) still counts as amber. @example 5 */
  @IsOptionalNonNull()
  @IsFiniteNumber()
  @Min(0)
  @Max(100)
  tolerancePercent?: number;

  /** `annual` targets report in Q4 only, and their baseline and target periods are Q4. */
  @ApiProperty({ enum: FREQUENCIES, default: 'quarterly', required: false })
  @IsOptionalNonNull()
  @IsIn(FREQUENCIES)
  frequency?: Frequency;
}

export class UpdateTargetDto extends PartialType(CreateTargetDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409 and nothing is written. */
  @IsInt()
  @Min(1)
  version: number;

  /** Archive (or restore) the target: archived targets leave lists and reports but keep their history. */
  @IsOptionalNonNull()
  @IsBoolean()
  archived?: boolean;
}

export class ListTargetsQuery extends PaginationQuery {
  @IsOptional()
  @IsId()
  themeId?: string;

  @IsOptional()
  @IsId()
  priorityId?: string;

  /** Targets whose active lead assignment is this partnership. */
  @IsOptional()
  @IsId()
  leadPartnershipId?: string;

  @ApiProperty({ enum: DIRECTIONS, required: false })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;

  @ApiProperty({ enum: FREQUENCIES, required: false })
  @IsOptional()
  @IsIn(FREQUENCIES)
  frequency?: Frequency;

  /** Archived targets are left out unless `archived=true`. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  archived?: boolean;

  /** Case-insensitive search in code and title. */
  @IsOptional()
  @IsText(200)
  q?: string;
}

export class TargetDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  strategyId: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  themeId: string;
  @ApiProperty({ maxItems: 50, items: { type: 'string', format: 'uuid', maxLength: 36 } })
  priorityIds: string[];
  @ApiProperty({ maxLength: 40 })
  code: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ maxLength: 10000 })
  description: string | null;
  @ApiProperty({ maxLength: 60 })
  unit: string;
  @ApiProperty({ enum: DIRECTIONS })
  direction: Direction;
  baselineValue: number;
  @ApiProperty({ maxLength: 10 })
  baselinePeriod: string;
  targetValue: number;
  @ApiProperty({ maxLength: 10 })
  targetPeriod: string;
  @ApiProperty({ type: () => [MilestoneDto], maxItems: 200 })
  milestones: MilestoneDto[];
  tolerancePercent: number;
  @ApiProperty({ enum: FREQUENCIES })
  frequency: Frequency;
  archived: boolean;
  version: number;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}
