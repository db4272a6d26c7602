import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes } from '@nestjs/swagger';
import { ApiRequestBodyContent } from '../common/openapi';
import { XLSX_TYPE } from './upload';

/** A multipart upload's largest file. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** BODY_LIMIT's default (config/env.validation.ts), for the document. */
const BODY_LIMIT_DEFAULT_BYTES = 5 * 1024 * 1024;

/**
 * A spreadsheet import's body, for every import route alike: a CSV or .xlsx body, or a multipart
 * `file` (read with `requireUpload`), and how the OpenAPI document describes them.
 */
export function SpreadsheetUpload(csvExample: string, description: string): MethodDecorator {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })),
    ApiConsumes('text/csv', XLSX_TYPE, 'multipart/form-data'),
    ApiRequestBodyContent(
      {
        'text/csv': {
          schema: { type: 'string', maxLength: BODY_LIMIT_DEFAULT_BYTES, description: 'The CSV itself; at most BODY_LIMIT (5 MB by default)' },
          example: csvExample,
        },
        [XLSX_TYPE]: {
          schema: { type: 'string', format: 'binary', maxLength: BODY_LIMIT_DEFAULT_BYTES, description: 'An .xlsx workbook; at most BODY_LIMIT (5 MB by default)' },
        },
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            additionalProperties: false,
            properties: {
              file: { type: 'string', format: 'binary', maxLength: MAX_UPLOAD_BYTES, description: 'The CSV or .xlsx file (at most 10 MB; a name ending .xlsx is read as a workbook)' },
            },
          },
        },
      },
      description,
    ),
  );
}
