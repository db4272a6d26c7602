import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AssignmentsService } from '../assignments/assignments.service';
import type { PlannedActionDto } from '../assignments/dto/assignment.dto';
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
    private readonly assignments: AssignmentsService,
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
    const [approved, history, assignments] = await Promise.all([
      this.progress.list(id, { page: 1, pageSize: 200, status: 'approved', to: period }),
      this.targets.history(id, { page: 1, pageSize: 200 }),
      this.assignments.listForTarget(id, { page: 1, pageSize: 100 }),
    ]);
    const lang = res.locals.lang as Language;
    const missing = scoped.missingReturns.find((m) => m.targetId === id);
    const late = scoped.lateReturns.find((l) => l.targetId === id);
    const active = assignments.items.find((a) => a.status === 'active');
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
      actions: (active?.actions ?? []).map((a) => actionView(a, lang, t)),
      chartTitle: t('target.chart'),
    });
  }
}

const DUE_DATE: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  cy: new Intl.DateTimeFormat('cy', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** The tag's colour repeats its word, never replaces it. */
const TAG_CLASSES: Record<PlannedActionDto['status'], string> = {
  'not-started': 'govuk-tag--grey',
  'in-progress': 'govuk-tag--blue',
  done: 'govuk-tag--green',
  overdue: 'govuk-tag--red',
};

/** One action of the plan as the page shows it: the due date in words, the status as a word. */
function actionView(action: PlannedActionDto, lang: Language, t: Translate) {
  return {
    description: action.description,
    owner: action.owner,
    due: action.dueDate ? DUE_DATE[lang].format(new Date(`${action.dueDate}T00:00:00Z`)) : t('actionPlan.noDate'),
    statusLabel: t(`actionPlan.statuses.${action.status}`),
    tagClass: TAG_CLASSES[action.status],
  };
}
