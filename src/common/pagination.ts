import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { MAX_PAGE_SIZE, PaginationQuery } from './pagination.dto';

/** The list envelope of API.md. */
export class Page<T> {
  @ApiProperty({ type: 'array', items: { type: 'object' }, maxItems: MAX_PAGE_SIZE })
  items: T[];

  @ApiProperty({ example: 1 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 50 })
  pageSize: number;
}

export function toPage<T>(items: T[], total: number, query: PaginationQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export function skipTake(query: PaginationQuery): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}

/** Documents a paginated list response of `model` in the OpenAPI document. */
export function ApiPageResponse(model: ClassType<unknown>) {
  return applyDecorators(
    ApiExtraModels(Page, model),
    ApiOkResponse({
      schema: {
        allOf: [
          { $ref: getSchemaPath(Page) },
          { properties: { items: { type: 'array', maxItems: MAX_PAGE_SIZE, items: { $ref: getSchemaPath(model) } } } },
        ],
      },
    }),
  );
}
