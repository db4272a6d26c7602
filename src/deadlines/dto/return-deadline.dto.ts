import { ApiProperty } from '@nestjs/swagger';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsIsoDate } from '../../common/validators';

export class SetReturnDeadlineDto {
  /** The last day (YYYY-MM-DD) a return for the quarter is on time. @example "2026-05-12" */
  @IsIsoDate()
  deadline: string;
}

export class ListReturnDeadlinesQuery extends PaginationQuery {}

export class ReturnDeadlineDto {
  /** @example "2025-26-Q4" */
  @ApiProperty({ maxLength: 10 })
  period: string;
  /** The deadline in force: the override if there is one, else quarter end + returnDeadlineDays. @example "2026-05-12" */
  @ApiProperty({ format: 'date', maxLength: 10 })
  deadline: string;
  /** Quarter end + the strategy's returnDeadlineDays, what applies without an override. @example "2026-04-30" */
  @ApiProperty({ format: 'date', maxLength: 10 })
  defaultDeadline: string;
  /** Whether a coordinator set this quarter's deadline. */
  overridden: boolean;
}
