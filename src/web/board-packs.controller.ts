import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { may } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { PartnershipsService } from '../partnerships/partnerships.service';
import type { PublishedReportDto } from '../reports/dto/report.dto';
import { GeneratedReport, ReportsService } from '../reports/reports.service';
import type { StrategyDto } from '../strategies/dto/strategy.dto';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import { FormProblems, NO_PROBLEMS, text, toProblems } from './forms/form-errors';
import type { Translate } from './i18n/i18n';
import { chosenQuarter, quarterChoices } from './quarters';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

/** What a pack covers: the whole strategy, or one theme, or one partnership's targets. */
interface PackScope {
  period: string;
  themeId?: string;
  partnershipId?: string;
}

/**
 * Board packs. Everyone sees the packs coordinators have published: the quarter's current ones and
 * every earlier one. Coordinators also preview the live pack, publish it after a check-your-answers
 * step, and make a pack for one theme or one partnership. Publishing is ReportsService.publish,
 * the same as the API, with the same access rule (policy `reports.publish`).
 */
@ApiExcludeController()
@SignedIn()
@Controller()
export class BoardPacksController {
  constructor(
    private readonly reports: ReportsService,
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly partnerships: PartnershipsService,
    private readonly clock: Clock,
  ) {}

  @Get(WEB_PATHS.boardPacks)
  async list(@Query('period') asked: unknown, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const strategy = await this.strategy();
    if (!strategy) {
      res.render('board-packs.njk', { title: (res.locals.t as Translate)('boardPacks.title'), width: 'full', strategy: null, ...NO_PROBLEMS });
      return;
    }
    await this.renderList(res, actor, strategy, chosenQuarter(asked, quarterChoices(strategy, this.clock)), {}, NO_PROBLEMS);
  }

  /** The live pack for the quarter (and scope), as the API's GET …/reports/quarterly: stored once per content. */
  @Get(`${WEB_PATHS.boardPacks}/quarterly/:strategyId`)
  async quarterly(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Query() query: Record<string, unknown>, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    const scope = await this.scopeOf(strategy, query, res.locals.t as Translate);
    if ('problems' in scope) {
      await this.renderList(res.status(200), actor, strategy, scope.period, scope.values, scope.problems);
      return;
    }
    sendPdf(res, await this.reports.generate(strategyId, scope, actor));
  }

  /**
   * Check your answers before publishing: what will be published, for which quarter, and what
   * publishing does. From the page's "Publish" button, or from the one-theme-or-partnership form
   * (whose Preview button downloads instead).
   */
  @Get(`${WEB_PATHS.boardPacks}/publish/:strategyId`)
  async confirm(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Query() query: Record<string, unknown>, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const strategy = await this.strategies.get(strategyId);
    const scope = await this.scopeOf(strategy, query, t, query.scoped === '1');
    if ('problems' in scope) {
      await this.renderList(res.status(200), actor, strategy, scope.period, scope.values, scope.problems);
      return;
    }
    if (query.action === 'preview') {
      sendPdf(res, await this.reports.generate(strategyId, scope, actor));
      return;
    }
    if (!may(actor, 'reports.publish', { strategyId })) {
      res.status(403).render('error.njk', { page: 'forbidden', status: 403 });
      return;
    }
    res.render('board-packs-publish.njk', { title: t('boardPacks.publish.title'), strategy, scope, scopeLabel: await this.scopeLabel(scope, t) });
  }

  @Post(`${WEB_PATHS.boardPacks}/publish/:strategyId`)
  @HttpCode(200)
  async publish(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Body() body: Record<string, unknown>, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const strategy = await this.strategies.get(strategyId);
    const scope = await this.scopeOf(strategy, body, t);
    if ('problems' in scope) {
      await this.renderList(res.status(200), actor, strategy, scope.period, scope.values, scope.problems);
      return;
    }
    const published = await this.reports.publish(strategyId, scope, actor);
    res.render('board-packs-published.njk', { title: t('boardPacks.published.title'), strategy, pack: this.view(published, res) });
  }

  @Get(`${WEB_PATHS.boardPacks}/:id`)
  async download(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.reports.download(id));
  }

  private async renderList(res: Response, actor: Actor, strategy: StrategyDto, period: string, values: Record<string, string>, problems: FormProblems): Promise<void> {
    const t = res.locals.t as Translate;
    const quarters = quarterChoices(strategy, this.clock);
    const published = (await this.reports.listPublished(strategy.id, { page: 1, pageSize: 200 })).items.map((p) => this.view(p, res));
    const current = published.filter((p) => p.current && p.period === period);
    const coordinator = may(actor, 'reports.publish', { strategyId: strategy.id });
    res.render('board-packs.njk', {
      title: t('boardPacks.title'),
      width: 'full',
      strategy,
      quarters,
      period,
      current: current.find((p) => !p.themeId && !p.partnershipId && p.template === 'quarterly-board') ?? null,
      currentScoped: current.filter((p) => p.themeId || p.partnershipId || p.template !== 'quarterly-board'),
      earlier: published.filter((p) => !current.includes(p)),
      coordinator,
      themes: coordinator ? await this.themes.ofStrategy(strategy.id) : [],
      partnerships: coordinator ? (await this.partnerships.list({ page: 1, pageSize: 200 })).items : [],
      values,
      ...problems,
    });
  }

  /**
   * The quarter and scope asked for. `scoped`: from the one-theme-or-partnership form, where
   * exactly one of the two must be chosen. Problems name the field, for the error summary.
   */
  private async scopeOf(strategy: StrategyDto, input: Record<string, unknown>, t: Translate, scoped = false): Promise<PackScope | { period: string; values: Record<string, string>; problems: FormProblems }> {
    const quarters = quarterChoices(strategy, this.clock);
    const values = { period: text(input.period), themeId: text(input.themeId), partnershipId: text(input.partnershipId) };
    const period = quarters.includes(values.period) ? values.period : chosenQuarter(undefined, quarters);
    const found: { field: string; key: string }[] = [];
    if (values.period && !quarters.includes(values.period)) found.push({ field: 'period', key: 'boardPacks.errors.period' });
    if (values.themeId && !(await this.themes.ofStrategy(strategy.id)).some((th) => th.id === values.themeId)) found.push({ field: 'themeId', key: 'boardPacks.errors.theme' });
    if (values.partnershipId && !(await this.partnerships.findMany([values.partnershipId].filter(isUuid))).length) found.push({ field: 'partnershipId', key: 'boardPacks.errors.partnership' });
    if (scoped && !values.themeId && !values.partnershipId) found.push({ field: 'themeId', key: 'boardPacks.errors.chooseOne' });
    if (values.themeId && values.partnershipId) found.push({ field: 'partnershipId', key: 'boardPacks.errors.notBoth' });
    if (found.length) return { period, values, problems: toProblems(found, t) };
    return { period, ...(values.themeId ? { themeId: values.themeId } : {}), ...(values.partnershipId ? { partnershipId: values.partnershipId } : {}) };
  }

  private async scopeLabel(scope: PackScope, t: Translate): Promise<string> {
    if (scope.themeId) return t('boardPacks.scope.theme', { name: (await this.themes.findMany([scope.themeId]))[0]?.title ?? '' });
    if (scope.partnershipId) return t('boardPacks.scope.partnership', { name: (await this.partnerships.findMany([scope.partnershipId]))[0]?.name ?? '' });
    return t('boardPacks.scope.whole');
  }

  private view(p: PublishedReportDto, res: Response) {
    const t = res.locals.t as Translate;
    const when = new Intl.DateTimeFormat(res.locals.lang === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(p.publishedAt));
    return { ...p, when, scopeText: p.scopeLabel ?? t('boardPacks.scope.whole'), href: `${WEB_PATHS.boardPacks}/${p.reportId}` };
  }

  /** The page's first strategy (the service runs one strategy's pages for now, as the dashboard does). */
  private async strategy(): Promise<StrategyDto | undefined> {
    return (await this.strategies.list({ page: 1, pageSize: 200 })).items.sort((a, b) => a.title.localeCompare(b.title))[0];
  }
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

function sendPdf(res: Response, { report, pdf }: GeneratedReport): void {
  res
    .status(200)
    .type('application/pdf')
    .set({ 'Content-Disposition': `attachment; filename="${report.filename}"`, 'Content-Length': String(pdf.length) })
    .end(pdf);
}
