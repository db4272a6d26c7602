import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { GeneratedReport, ReportsService } from '../reports/reports.service';
import { StrategiesService } from '../strategies/strategies.service';
import type { Translate } from './i18n/i18n';
import { chosenQuarter, quarterChoices } from './quarters';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

/** The quarter's board pack (generated and kept, as through the API) and the list of packs kept so far. */
@ApiExcludeController()
@SignedIn()
@Controller()
export class BoardPacksController {
  constructor(
    private readonly reports: ReportsService,
    private readonly strategies: StrategiesService,
    private readonly clock: Clock,
  ) {}

  @Get(WEB_PATHS.boardPacks)
  async list(@Query('period') asked: unknown, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const strategy = (await this.strategies.list({ page: 1, pageSize: 200 })).items.sort((a, b) => a.title.localeCompare(b.title))[0];
    const quarters = strategy ? quarterChoices(strategy, this.clock) : [];
    const packs = await this.reports.list({ page: 1, pageSize: 100 });
    res.render('board-packs.njk', {
      title: t('boardPacks.title'),
      width: 'full',
      strategy,
      quarters,
      period: strategy ? chosenQuarter(asked, quarters) : null,
      packs: packs.items,
    });
  }

  /** Generates the pack for the quarter, keeps it, and downloads it. */
  @Get(`${WEB_PATHS.boardPacks}/quarterly/:strategyId`)
  async quarterly(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Query('period') asked: unknown, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    const period = chosenQuarter(asked, quarterChoices(strategy, this.clock));
    sendPdf(res, await this.reports.generate(strategyId, { period }, actor));
  }

  @Get(`${WEB_PATHS.boardPacks}/:id`)
  async download(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.reports.download(id));
  }
}

function sendPdf(res: Response, { report, pdf }: GeneratedReport): void {
  res
    .status(200)
    .type('application/pdf')
    .set({ 'Content-Disposition': `attachment; filename="${report.filename}"`, 'Content-Length': String(pdf.length) })
    .end(pdf);
}
