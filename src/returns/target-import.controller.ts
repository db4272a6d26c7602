import { Body, Controller, Headers, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { validationFailed } from '../common/api-errors';
import { ApiErrors } from '../common/error.dto';
import { ApiRequestBodyContent } from '../common/openapi';
import { UuidParam } from '../common/params';
import { ImportQuery } from './dto/returns.dto';
import { TargetImportResultDto } from './dto/target-import.dto';
import { TargetImportService } from './target-import.service';
import { uploadOf, XLSX_TYPE } from './upload';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** BODY_LIMIT's default (config/env.validation.ts), for the document. */
const BODY_LIMIT_DEFAULT_BYTES = 5 * 1024 * 1024;

@ApiTags('returns (CSV)')
@ReadAccess()
@Controller()
export class TargetImportController {
  constructor(private readonly imports: TargetImportService) {}

  /**
   * Create or update a strategy's targets, with their milestones and lead assignments, from a
   * CSV or .xlsx in the columns of `targets.csv` (so the export, edited, imports back; unchanged
   * rows change nothing). Required columns: `code`, `title`, `theme` (its title), `unit`,
   * `baseline_value`, `baseline_period`, `target_value`, `target_period`; optional `direction`,
   * `frequency`, `milestones` (`2025-26-Q2=120; 2025-26-Q3=130`), `tolerance_percent`,
   * `lead_partnership`, `accountable_officer`, `officer_email`, `supporting_partnerships`
   * (names, `;`-separated) and `archived` (`yes`/`no`). Partnerships are named, not given by id;
   * an empty lead leaves a target's assignments alone, a different lead withdraws the old one.
   * Every row is checked, then everything is stored in one transaction, or nothing and a 422
   * lists every problem by row and column. `?dryRun=true` checks and counts, storing nothing.
   */
  @ApiOperation({ summary: 'Import targets with milestones and assignments (CSV or .xlsx)' })
  @Post('strategies/:id/targets/import')
  @ManageAccess()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiConsumes('text/csv', XLSX_TYPE, 'multipart/form-data')
  @ApiRequestBodyContent(
    {
      'text/csv': {
        schema: { type: 'string', maxLength: BODY_LIMIT_DEFAULT_BYTES, description: 'The CSV itself; at most BODY_LIMIT (5 MB by default)' },
        example:
          'code,title,theme,unit,direction,baseline_value,baseline_period,target_value,target_period,milestones,lead_partnership,accountable_officer,officer_email\n' +
          'NI 154,Net additional homes provided,Housing,homes,increase,100,2024-25-Q4,140,2025-26-Q4,2025-26-Q2=120,Wealden Housing Partnership,Priya Shah,priya.shah@wealden.gov.example\n',
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
    'The targets, as a CSV or .xlsx body or as a file upload',
  )
  @ApiErrors(400, 404, 413, 422)
  importTargets(
    @UuidParam('id') strategyId: string,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @UploadedFile() file: { buffer: Buffer; mimetype?: string; originalname?: string } | undefined,
    @Headers('content-type') contentType: string | undefined,
    @CurrentUser() actor: Actor,
  ): Promise<TargetImportResultDto> {
    const upload = uploadOf(body, contentType, file);
    if (upload === null) {
      throw validationFailed([{ field: 'file', message: `send the file as text/csv or ${XLSX_TYPE}, or as the "file" field of multipart/form-data` }], 'No file received');
    }
    return this.imports.importTargets(strategyId, upload, query.dryRun ?? false, actor);
  }
}
