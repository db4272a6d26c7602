import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { ListPublishedReportsQuery, ListReportsQuery, PublishedReportDto, PublishReportDto, QuarterlyReportQuery, ReportTemplateDto, StoredReportDto } from './dto/report.dto';
import { GeneratedReport, ReportsService } from './reports.service';

@ApiTags('reports')
@ReadAccess()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * The quarterly board report as a PDF: cover, executive summary, a section per theme,
   * exceptions, missing returns and accountability. Narrow it with `themeId` or
   * `partnershipId`; pick a `template`. A pack is stored once per distinct content: while the
   * figures are unchanged, asking again answers the stored pack. `X-Report-Id` names it for
   * `GET /reports/:id`.
   */
  @ApiOperation({ summary: 'Generate the quarterly board report (PDF)' })
  @Get('strategies/:id/reports/quarterly')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404, 422)
  async quarterly(@UuidParam('id') strategyId: string, @Query() query: QuarterlyReportQuery, @CurrentUser() actor: Actor, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.reports.generate(strategyId, query, actor));
  }

  /**
   * Publish the quarter's board pack: the stored pack of the current figures (generated now if
   * there is none) is frozen and becomes the pack board members see for this quarter, template
   * and scope. Publishing again later makes the newer one current; earlier ones stay listed and
   * downloadable, byte for byte. Coordinators and admins only.
   */
  @ApiOperation({ summary: 'Publish the quarterly board pack' })
  @Post('strategies/:id/reports')
  @ManageAccess()
  @ApiCreatedResponse({ type: PublishedReportDto, description: 'The publication, with the download link of the frozen pack' })
  @ApiErrors(400, 404, 422)
  publish(@UuidParam('id') strategyId: string, @Body() dto: PublishReportDto, @CurrentUser() actor: Actor): Promise<PublishedReportDto> {
    return this.reports.publish(strategyId, dto, actor);
  }

  /** Published packs of a strategy, newest quarter first, newest publication first within it; `current` marks what board members see. */
  @ApiOperation({ summary: 'List published board packs' })
  @Get('strategies/:id/reports')
  @ApiPageResponse(PublishedReportDto)
  @ApiErrors(400, 404)
  published(@UuidParam('id') strategyId: string, @Query() query: ListPublishedReportsQuery): Promise<Page<PublishedReportDto>> {
    return this.reports.listPublished(strategyId, query);
  }

  /** The report templates available. */
  @ApiOperation({ summary: 'List report templates' })
  @Get('reports/templates')
  @ApiOkResponse({ type: [ReportTemplateDto] })
  templates(): ReportTemplateDto[] {
    return this.reports.listTemplates();
  }

  /** Reports generated so far, newest first. */
  @ApiOperation({ summary: 'List generated reports' })
  @Get('reports')
  @ApiPageResponse(StoredReportDto)
  @ApiErrors(400)
  list(@Query() query: ListReportsQuery): Promise<Page<StoredReportDto>> {
    return this.reports.list(query);
  }

  /** A stored report, byte for byte as it was generated. */
  @ApiOperation({ summary: 'Download a stored report (PDF)' })
  @Get('reports/:id')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async download(@UuidParam('id') id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.reports.download(id));
  }
}

function sendPdf(res: Response, { report, pdf }: GeneratedReport): void {
  res
    .status(200)
    .type('application/pdf')
    .set({
      'Content-Disposition': `attachment; filename="${report.filename}"`,
      'Content-Length': String(pdf.length),
      'X-Report-Id': report.id,
      ETag: `"${report.sha256}"`,
    })
    .end(pdf);
}
