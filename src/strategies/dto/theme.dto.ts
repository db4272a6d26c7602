import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsOptionalNonNull, IsOptionalText, IsText } from '../../common/validators';
import { THEME_KINDS, type ThemeKind } from '../theme.entity';

export class CreateThemeDto {
  /** @example "Community safety" */
  @IsText(200)
  title: string;

  @ApiProperty({ enum: THEME_KINDS, default: 'theme', required: false })
  @IsOptionalNonNull()
  @IsIn(THEME_KINDS)
  kind?: ThemeKind;

  @IsOptional()
  @IsOptionalText(10_000)
  description?: string | null;

  /** Order in reports; defaults to after the existing themes. */
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(10_000)
  position?: number;
}

export class UpdateThemeDto extends PartialType(CreateThemeDto, { skipNullProperties: false }) {}

export class ListThemesQuery extends PaginationQuery {
  @ApiProperty({ enum: THEME_KINDS, required: false })
  @IsOptional()
  @IsIn(THEME_KINDS)
  kind?: ThemeKind;
}

export class ThemeDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  strategyId: string;
  @ApiProperty({ maxLength: 200 })
  title: string;
  @ApiProperty({ enum: THEME_KINDS })
  kind: ThemeKind;
  @ApiProperty({ maxLength: 10000 })
  description: string | null;
  position: number;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}
