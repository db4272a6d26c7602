import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, ReadAccess, Roles } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiCsvResponse } from '../common/openapi';
import { UuidParam } from '../common/params';
import { ImportQuery, ImportResultDto, ProgressExportQuery, ReturnTemplateQuery } from './dto/returns.dto';
import { ReturnsService } from './returns.service';
import { requireUpload, SheetFile, XLSX_TYPE } from './upload';
import { MAX_UPLOAD_BYTES, SpreadsheetUpload } from './upload.decorators';

@ApiTags('returns (CSV)')
@ReadAccess()
@Controller()
export class ReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  /**
   * A partnership's return for a quarter as a spreadsheet: one row per target it leads that is
   * due a return, with the expected and last approved values; fill in `value` (and commentary,
   * risks, next actions) and import it.
   */
  @ApiOperation({ summary: "Download a partnership's return template (CSV)" })
  @Get('partnerships/:id/returns/template.csv')
  @ApiCsvResponse(
    'CSV: code, title, unit, period, expected, last_value, value, commentary, risks, next_actions',
    'code,title,unit,period,expected,last_value,value,commentary,risks,next_actions\nNI 154,Net additional homes provided,homes,2025-26-Q2,120,110,,,,\n',
  )
  @ApiErrors(400, 404)
  async template(@UuidParam('id') partnershipId: string, @Query() query: ReturnTemplateQuery, @CurrentUser() actor: Actor, @Res() res: Response): Promise<void> {
    sendSheet(res, await this.returns.template(partnershipId, query, actor));
  }

  /** The same return template as an Excel workbook (.xlsx), to fill in and upload as it is. */
  @ApiOperation({ summary: "Download a partnership's return template (.xlsx)" })
  @Get('partnerships/:id/returns/template.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'An .xlsx workbook with one sheet, "Return", in the columns of template.csv', schema: { type: 'string', format: 'binary', maxLength: MAX_UPLOAD_BYTES } })
  @ApiErrors(400, 404)
  async templateXlsx(@UuidParam('id') partnershipId: string, @Query() query: ReturnTemplateQuery, @CurrentUser() actor: Actor, @Res() res: Response): Promise<void> {
    sendSheet(res, await this.returns.template(partnershipId, query, actor, 'xlsx'));
  }

  /**
   * Import a CSV or .xlsx of returns (the template, or the progress export): columns `code`,
   * `period` (`2025-26-Q2` or `2025/26 Q2`), `value`, and optionally `commentary`, `risks`,
   * `next_actions`. Every row is checked; then all rows are stored as submitted updates in one
   * transaction, or nothing is stored and the answer lists every bad row (row, column, problem).
   * Rows identical to what is on record change nothing. Send the file as `text/csv`, as the .xlsx
   * media type, or as `file` in `multipart/form-data` (a name ending `.xlsx` is read as a workbook).
   * A CSV may be UTF-8 (with or without byte-order mark) or Windows-1252.
   */
  @ApiOperation({ summary: 'Import quarterly returns (CSV)' })
  @Post('strategies/:id/progress/import')
  @Roles('partnership-officer', 'coordinator')
  @HttpCode(200)
  @SpreadsheetUpload(
    'code,period,value,commentary\nNI 154,2025-26-Q2,121,Two schemes completed early\n',
    'The returns, as a CSV or .xlsx body or as a file upload',
  )
  @ApiErrors(400, 404, 413, 422)
  importReturns(
    @UuidParam('id') strategyId: string,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @UploadedFile() file: { buffer: Buffer; mimetype?: string; originalname?: string } | undefined,
    @Headers('content-type') contentType: string | undefined,
    @CurrentUser() actor: Actor,
  ): Promise<ImportResultDto> {
    const upload = requireUpload(body, contentType, file);
    return this.returns.importReturns(strategyId, upload, query.dryRun ?? false, actor);
  }

  /** Every target of the strategy with its trajectory, lead partnership and officer, as CSV. */
  @ApiOperation({ summary: "Export a strategy's targets (CSV)" })
  @Get('strategies/:id/targets.csv')
  @ApiCsvResponse(
    'CSV: one row per target with its trajectory, lead partnership, accountable officer and supporters',
    'code,title,theme,unit,direction,frequency,baseline_value,baseline_period,target_value,target_period,milestones,tolerance_percent,lead_partnership,accountable_officer,officer_email,supporting_partnerships,archived\n' +
      'NI 154,Net additional homes provided,Housing,homes,increase,quarterly,100,2024-25-Q4,140,2025-26-Q4,,5,Wealden LSP,Priya Shah,priya.shah@wealden.gov.example,,false\n',
  )
  @ApiErrors(400, 404)
  async targets(@UuidParam('id') strategyId: string, @Res() res: Response): Promise<void> {
    send(res, await this.returns.exportTargets(strategyId));
  }

  /** A quarter's updates as CSV, in the columns the import reads (re-importing it changes nothing). */
  @ApiOperation({ summary: "Export a quarter's updates (CSV)" })
  @Get('strategies/:id/progress.csv')
  @ApiCsvResponse(
    'CSV: code, title, unit, period, value, status, expected, rag, commentary, risks, next_actions',
    'code,title,unit,period,value,status,expected,rag,commentary,risks,next_actions\nNI 154,Net additional homes provided,homes,2025-26-Q2,121,approved,120,green,Two schemes completed early,,\n',
  )
  @ApiErrors(400, 404)
  async progress(@UuidParam('id') strategyId: string, @Query() query: ProgressExportQuery, @Res() res: Response): Promise<void> {
    send(res, await this.returns.exportProgress(strategyId, query));
  }
}

function send(res: Response, file: { filename: string; csv: string }): void {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="${file.filename}"`)
    .send(file.csv);
}

function sendSheet(res: Response, file: SheetFile): void {
  res.status(200).type(file.contentType).set('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.body);
}
