import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../common/clock';
import { ProgressService } from '../progress/progress.service';
import { StrategiesService } from '../strategies/strategies.service';
import { SummaryService } from '../summary/summary.service';
import { TargetsService } from '../targets/targets.service';
import { chartOf } from './chart';
import type { Translate } from './i18n/i18n';
import { chosenQuarter, quarterChoices } from './quarters';
import { SignedIn } from './session.guard';
import { WEB_PATHS } from './web-routes';
import type { Language } from '../domain/language';
import { deadlineWords, forecastMethodWords, lateWords } from './deadline-words';

/** One target: its trajectory and figures (chart and table), who is accountable, commentary and history. */
@ApiExcludeController()
@SignedIn()
@Controller()
export class TargetController {
  constructor(
    private readonly targets: TargetsService,
    private readonly strategies: StrategiesService,
    private readonly summary: SummaryService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
  ) {}

  @Get(`${WEB_PATHS.target}/:id`)
  async target(@Param('id', ParseUUIDPipe) id: string, @Query('period') asked: unknown, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const target = await this.targets.get(id);
    const strategy = await this.strategies.get(target.strategyId);
    const period = chosenQuarter(asked, quarterChoices(strategy, this.clock));
    const scoped = await this.summary.summarise(target.strategyId, { period, themeId: target.themeId });
    const judged = scoped.themes.flatMap((theme) => theme.targets).find((x) => x.id === id);
    if (!judged) throw new NotFoundException();
    const [approved, history] = await Promise.all([
      this.progress.list(id, { page: 1, pageSize: 200, status: 'approved', to: period }),
      this.targets.history(id, { page: 1, pageSize: 200 }),
    ]);
    const lang = res.locals.lang as Language;
    const missing = scoped.missingReturns.find((m) => m.targetId === id);
    const late = scoped.lateReturns.find((l) => l.targetId === id);
    res.render('target.njk', {
      forecastMethod: forecastMethodWords(t, judged.forecast),
      returnDeadline: missing ? deadlineWords(t, lang, missing) : late ? lateWords(t, late.daysLate) : null,
      title: `${target.code} ${target.title}`,
      backLink: `${WEB_PATHS.dashboard}?period=${period}`,
      width: 'full',
      target,
      judged,
      period,
      chart: chartOf(judged.trend),
      commentary: approved.items.filter((u) => u.commentary).slice(-4).reverse(),
      history: history.items.slice(-20).reverse(),
      chartTitle: t('target.chart'),
    });
  }
}
