import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsFiniteNumber, IsId, IsOptionalNonNull, IsOptionalText, IsPeriod, IsText } from '../../common/validators';
import { UPDATE_STATUSES, type UpdateStatus } from '../../domain/progress-returns';

const RAG_VALUES = ['green', 'amber', 'red'] as const;
const TRAVEL = ['improving', 'worsening', 'unchanged'] as const;

export class CreateProgressDto {
  /** The quarter the figure is for: after the baseline, not after the target period, and not in the future. @example "2025-26-Q2" */
  @IsPeriod()
  period: string;

  /** @example 121 */
  @IsFiniteNumber()
  value: number;

  /** What lies behind the figure. */
  @IsOptional()
  @IsOptionalText(10_000)
  commentary?: string | null;

  @IsOptional()
  @IsOptionalText(10_000)
  risks?: string | null;

  @IsOptional()
  @IsOptionalText(10_000)
  nextActions?: string | null;
}

/** The figure and text of an update; its period is fixed once created. */
export class UpdateProgressDto extends PartialType(OmitType(CreateProgressDto, ['period'] as const), { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409 and nothing is written. */
  @IsInt()
  @Min(1)
  version: number;
}

export class WorkflowStepDto {
  /** Optional: the version you read, to be sure nobody changed the update since. */
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  version?: number;
}

/** One update to approve in a batch. */
export class BatchApprovalDto {
  /** The update's id. @example "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f" */
  @IsId()
  id: string;

  /** Optional: the version you read; if the update changed since, nothing in the batch is approved (409). */
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  version?: number;
}

/** A batch of submitted updates of one strategy to approve together. */
export class ApproveManyDto {
  /** The updates, each at most once. */
  @ApiProperty({ type: [BatchApprovalDto], minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => BatchApprovalDto)
  updates: BatchApprovalDto[];
}

export class ReturnProgressDto extends WorkflowStepDto {
  /** Why the update goes back to the partnership; required. @example "Figure does not match the police return; please check." */
  @IsText(2000)
  reason: string;
}

export class ListProgressQuery extends PaginationQuery {
  @ApiProperty({ enum: UPDATE_STATUSES, required: false })
  @IsOptional()
  @IsIn(UPDATE_STATUSES)
  status?: UpdateStatus;

  /** From this period on. @example "2024-25-Q1" */
  @IsOptional()
  @IsPeriod()
  from?: string;

  /** Up to this period. @example "2025-26-Q4" */
  @IsOptional()
  @IsPeriod()
  to?: string;
}

export class ProgressUpdateDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  targetId: string;
  /** @example "2025-26-Q2" */
  @ApiProperty({ maxLength: 10 })
  period: string;
  /** @example "2025/26 Q2 (Jul–Sep 2025)" */
  @ApiProperty({ maxLength: 40 })
  periodLabel: string;
  value: number;
  @ApiProperty({ maxLength: 10000 })
  commentary: string | null;
  @ApiProperty({ maxLength: 10000 })
  risks: string | null;
  @ApiProperty({ maxLength: 10000 })
  nextActions: string | null;
  @ApiProperty({ enum: UPDATE_STATUSES })
  status: UpdateStatus;
  /** The reason given when it was last returned. */
  @ApiProperty({ maxLength: 2000 })
  returnReason: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  submittedAt: string | null;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  submittedById: string | null;
  /** When it was last approved or returned. */
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  decidedAt: string | null;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  decidedById: string | null;
  version: number;
  /** Expected value on the target's trajectory for this period. */
  expected: number;
  /** What this figure scores against the trajectory. It counts in summaries and reports only once approved. */
  @ApiProperty({ enum: RAG_VALUES })
  rag: 'green' | 'amber' | 'red';
  /** Against the latest approved figure before this period; null when there is none. */
  @ApiProperty({ enum: TRAVEL, nullable: true })
  directionOfTravel: 'improving' | 'worsening' | 'unchanged' | null;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  createdById: string | null;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  updatedById: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}

/** The approvals inbox: a strategy's updates for one quarter. */
export class StrategyProgressQuery extends PaginationQuery {
  /** The quarter. @example "2025-26-Q2" */
  @IsPeriod()
  period: string;

  /** `submitted` for what waits for a decision; every status when left out. */
  @ApiProperty({ enum: UPDATE_STATUSES, required: false })
  @IsOptional()
  @IsIn(UPDATE_STATUSES)
  status?: UpdateStatus;

  /** Only targets of this theme. */
  @IsOptional()
  @IsId()
  themeId?: string;

  /** Only targets this partnership leads (its active lead assignment): whose return it is. */
  @IsOptional()
  @IsId()
  partnershipId?: string;
}

export class InboxTargetDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  /** @example "NI 154" */
  @ApiProperty({ maxLength: 40 })
  code: string;
  /** @example "Net additional homes provided" */
  @ApiProperty({ maxLength: 300 })
  title: string;
  /** @example "homes" */
  @ApiProperty({ maxLength: 60 })
  unit: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  themeId: string;
}

export class InboxPartnershipDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  /** @example "Safer Wealden Partnership" */
  @ApiProperty({ maxLength: 200 })
  name: string;
}

/** An update in the approvals inbox: the update with its figure, expected value, RAG and commentary, and whose target it is. */
export class StrategyProgressItemDto extends ProgressUpdateDto {
  target: InboxTargetDto;
  /** The partnership leading the target now (null when the target has no active lead assignment). */
  @ApiProperty({ type: InboxPartnershipDto, nullable: true })
  leadPartnership: InboxPartnershipDto | null;
}

/** What a batch approval did: every update in it, approved. */
export class ApproveManyResultDto {
  /** How many were approved (all of those sent). @example 3 */
  @ApiProperty({ minimum: 1, maximum: 1000 })
  approved: number;

  @ApiProperty({ type: [ProgressUpdateDto], maxItems: 1000 })
  items: ProgressUpdateDto[];
}
