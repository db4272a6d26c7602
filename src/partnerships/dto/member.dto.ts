import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsOptionalText, IsText } from '../../common/validators';
import { SECTORS, type Sector } from '../member.entity';

export class CreateMemberDto {
  /** @example "Sussex Police" */
  @IsText(200)
  organisation: string;

  @ApiProperty({ enum: SECTORS, example: 'public' })
  @IsIn(SECTORS)
  sector: Sector;

  /** The organisation's role in the partnership. @example "Vice-chair" */
  @IsOptional()
  @IsOptionalText(200)
  role?: string | null;
}

export class UpdateMemberDto extends PartialType(CreateMemberDto, { skipNullProperties: false }) {}

export class ListMembersQuery extends PaginationQuery {
  @ApiProperty({ enum: SECTORS, required: false })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  partnershipId: string;
  @ApiProperty({ maxLength: 200 })
  organisation: string;
  @ApiProperty({ enum: SECTORS })
  sector: Sector;
  @ApiProperty({ maxLength: 200 })
  role: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}
