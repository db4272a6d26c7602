import { ApiProperty, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsText } from '../../common/validators';
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
  @IsUUID()
  partnershipId?: string | null;

  /** Themes of the same strategy this priority runs through. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  themeIds?: string[];
}

export class UpdatePriorityDto extends PartialType(CreatePriorityDto, { skipNullProperties: false }) {}

export class ListPrioritiesQuery extends PaginationQuery {
  @ApiProperty({ enum: PRIORITY_KINDS, required: false })
  @IsOptional()
  @IsIn(PRIORITY_KINDS)
  kind?: PriorityKind;

  @IsOptional()
  @IsUUID()
  partnershipId?: string;

  /** Only priorities that run through this theme. */
  @IsOptional()
  @IsUUID()
  themeId?: string;
}

export class PriorityDto {
  id: string;
  strategyId: string;
  title: string;
  @ApiProperty({ enum: PRIORITY_KINDS })
  kind: PriorityKind;
  partnershipId: string | null;
  themeIds: string[];
  createdAt: Date;
  updatedAt: Date;
}
