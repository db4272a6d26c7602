import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../common/clock';
import { ProgressService } from '../progress/progress.service';
import { exceptionTargets } from '../reports/layout/targets';
import { StrategiesService } from '../strategies/strategies.service';
import { SummaryService } from '../summary/summary.service';
import type { Translate } from './i18n/i18n';
import { chosenQuarter, quarterChoices } from './quarters';
import { SignedIn } from './session.guard';
import { WEB_PATHS } from './web-routes';
import type { Language } from '../domain/language';
import { dayLabel, deadlineWords, lateWords } from './deadline-words';

/** The strategy at a glance: the board's view of a quarter, from the same summary as the API and the board pack. */
@ApiExcludeController()
@SignedIn()
@Controller()
export class DashboardController {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly summary: SummaryService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
  ) {}

  @Get(WEB_PATHS.dashboard)
  async dashboard(@Query('period') asked: unknown, @Query('strategy') askedStrategy: unknown, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const all = (await this.strategies.list({ page: 1, pageSize: 200 })).items.sort((a, b) => a.title.localeCompare(b.title));
    const strategy = all.find((s) => s.id === askedStrategy) ?? all[0];
    if (!strategy) {
      res.render('dashboard.njk', { title: t('dashboard.title'), strategy: null });
      return;
    }
    const quarters = quarterChoices(strategy, this.clock);
    const period = chosenQuarter(asked, quarters);
    const summary = await this.summary.summarise(strategy.id, { period });
    const targets = summary.themes.flatMap((theme) => theme.targets);
    // Figures sent in and not yet decided: what the coordinator still has to approve or return.
    const awaiting = (
      await Promise.all(
        targets.map(async (target) =>
          (await this.progress.list(target.id, { page: 1, pageSize: 200, status: 'submitted', to: period })).items.map((update) => ({ target, update })),
        ),
      )
    ).flat();
    const lang = res.locals.lang as Language;
    res.render('dashboard.njk', {
      title: t('dashboard.title'),
      width: 'full',
      dueBy: dayLabel(lang, summary.returnDeadline.deadline),
      missingDeadlines: summary.missingReturns.map((m) => deadlineWords(t, lang, m)),
      lateWords: summary.lateReturns.map((l) => lateWords(t, l.daysLate)),
      strategy,
      strategies: all,
      quarters,
      period,
      summary,
      exceptions: exceptionTargets(targets),
      awaiting,
    });
  }
}
