import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsId, IsOptionalNonNull, IsOptionalText, IsText, QueryBoolean } from '../../common/validators';
import { PARTNERSHIP_KINDS, type PartnershipKind } from '../partnership.entity';

export class CreatePartnershipDto {
  /** @example "Safer Wealden Partnership" */
  @IsText(200)
  name: string;

  @ApiProperty({ enum: PARTNERSHIP_KINDS, example: 'thematic' })
  @IsIn(PARTNERSHIP_KINDS)
  kind: PartnershipKind;

  /** Geographic area covered. @example "Wealden" */
  @IsOptional()
  @IsOptionalText(200)
  area?: string | null;

  /** The partnership this one reports to (e.g. a district LSP under the county LSP). */
  @IsOptional()
  @IsId()
  parentId?: string | null;

  /** Whether the partnership is required by law (e.g. Community Safety Partnerships). */
  @IsOptionalNonNull()
  @IsBoolean()
  statutory?: boolean;

  /** @example "Cllr Ann Newton" */
  @IsOptional()
  @IsOptionalText(200)
  chair?: string | null;

  /** @example 4 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  meetingsPerYear?: number | null;
}

export class UpdatePartnershipDto extends PartialType(CreatePartnershipDto, { skipNullProperties: false }) {}

export class ListPartnershipsQuery extends PaginationQuery {
  @ApiProperty({ enum: PARTNERSHIP_KINDS, required: false })
  @IsOptional()
  @IsIn(PARTNERSHIP_KINDS)
  kind?: PartnershipKind;

  /** Only the direct children of this partnership. */
  @IsOptional()
  @IsId()
  parentId?: string;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  statutory?: boolean;

  /** Case-insensitive search in the name. */
  @IsOptional()
  @IsText(200)
  q?: string;
}

export class PartnershipDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ maxLength: 200 })
  name: string;
  @ApiProperty({ enum: PARTNERSHIP_KINDS })
  kind: PartnershipKind;
  @ApiProperty({ maxLength: 200 })
  area: string | null;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  parentId: string | null;
  statutory: boolean;
  @ApiProperty({ maxLength: 200 })
  chair: string | null;
  meetingsPerYear: number | null;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}
