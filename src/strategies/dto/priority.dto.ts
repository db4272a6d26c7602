import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsId, IsIdList, IsOptionalNonNull, IsText } from '../../common/validators';
import { PRIORITY_KINDS, type PriorityKind } from '../priority.entity';

export class CreatePriorityDto {
  /** @example "Reduce inequalities between communities" */
  @IsText(300)
  title: string;

  @ApiProperty({ enum: PRIORITY_KINDS, example: 'cross-cutting' })
  @IsIn(PRIORITY_KINDS)
  kind: PriorityKind;

  /** Required for a `local` priority: the partnership (usually a district LSP) whose priority it is. */
  @IsOptional()
  @IsId()
  partnershipId?: string | null;

  /** Themes of the same strategy this priority runs through. */
  @IsOptionalNonNull()
  @IsIdList(100)
  themeIds?: string[];
}

export class UpdatePriorityDto extends PartialType(CreatePriorityDto, { skipNullProperties: false }) {}

export class ListPrioritiesQuery extends PaginationQuery {
  @ApiProperty({ enum: PRIORITY_KINDS, required: false })
  @IsOptional()
  @IsIn(PRIORITY_KINDS)
  kind?: PriorityKind;

  @IsOptional()
  @IsId()
  partnershipId?: string;

  /** Only priorities that run through this theme. */
  @IsOptional()
  @IsId()
  themeId?: string;
}

export class PriorityDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  strategyId: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ enum: PRIORITY_KINDS })
  kind: PriorityKind;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  partnershipId: string | null;
  @ApiProperty({ maxItems: 100, items: { type: 'string', format: 'uuid', maxLength: 36 } })
  themeIds: string[];
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}
