import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/** Far beyond any real list; bounds `skip` so a huge page number is a 400, not a database error. */
export const MAX_PAGE = 100_000;

/** Only plain digit strings become numbers: `1e20`, `0x10`, `1.5` and `` stay strings and fail @IsInt. */
const digitsToNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value);

export class PaginationQuery {
  /** Page number, from 1. */
  // Optional in the document although the property has a default (the plugin reads `?` only).
  @ApiPropertyOptional({ type: 'integer', format: 'int32', default: 1 })
  @IsOptional()
  @Transform(digitsToNumber)
  @IsInt({ message: ({ property }) => `${property} must be a whole number from 1 to ${MAX_PAGE}` })
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  /** Items per page, at most 200. */
  @ApiPropertyOptional({ type: 'integer', format: 'int32', default: 50 })
  @IsOptional()
  @Transform(digitsToNumber)
  @IsInt({ message: ({ property }) => `${property} must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 50;
}
