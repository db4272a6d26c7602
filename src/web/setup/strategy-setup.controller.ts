import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AssignmentsService } from '../../assignments/assignments.service';
import type { Actor } from '../../auth/roles';
import { LANGUAGES } from '../../domain/language';
import { directoryOrder } from '../../partnerships/directory';
import { PartnershipsService } from '../../partnerships/partnerships.service';
import { CreatePriorityDto, type PriorityDto } from '../../strategies/dto/priority.dto';
import { CreateStrategyDto, type StrategyDto } from '../../strategies/dto/strategy.dto';
import { CreateThemeDto, type ThemeDto } from '../../strategies/dto/theme.dto';
import { PrioritiesService } from '../../strategies/priorities.service';
import { StrategiesService } from '../../strategies/strategies.service';
import { ThemesService } from '../../strategies/themes.service';
import { checkDto, dateOf, dateParts, fields, list, numberOrText, orNull, serviceProblems } from '../forms/dto-form';
import { FormProblems, NO_PROBLEMS } from '../forms/form-errors';
import type { Translate } from '../i18n/i18n';
import { SignedIn, WebActor } from '../session.guard';
import { WEB_PATHS } from '../web-routes';
import { PRIORITY_KINDS, STRATEGY_STATUSES, THEME_KINDS } from '../../strategies/kinds';

const STRATEGY_FIELDS = ['title', 'area', 'vision', 'startDate', 'endDate', 'status', 'leadPartnershipId', 'language', 'returnDeadlineDays'] as const;
const DATE_PARTS = ['startDate-day', 'startDate-month', 'startDate-year', 'endDate-day', 'endDate-month', 'endDate-year'];
const THEME_FIELDS = ['title', 'kind', 'description', 'position'] as const;
const PRIORITY_FIELDS = ['title', 'kind', 'partnershipId', 'themeIds'] as const;
const ALL = { page: 1, pageSize: 200 } as const;

/**
 * A coordinator sets a strategy up in the browser: the strategy itself (with its board pack's
 * language and return deadline), its themes and priorities, and from its overview the targets
 * and who answers for them (SetupTargetsController). Every write goes through the API's services
 * and is checked against the API's DTOs.
 */
@ApiExcludeController()
@SignedIn('coordinator')
@Controller(WEB_PATHS.setUp)
export class StrategySetupController {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly priorities: PrioritiesService,
    private readonly partnerships: PartnershipsService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    res.render('setup/index.njk', { title: t('setUp.title'), strategies: (await this.strategies.list(ALL)).items });
  }

  @Get('new')
  async newStrategy(@Res() res: Response): Promise<void> {
    await this.renderStrategyForm(res, null, { status: 'draft', language: 'en', returnDeadlineDays: '30' }, NO_PROBLEMS);
  }

  @Post('new')
  @HttpCode(200)
  async createStrategy(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.saveStrategy(null, actor, req, res);
  }

  @Get(':strategyId')
  async overview(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    const [themes, priorities, accountability, lead] = await Promise.all([
      this.themesOf(strategyId),
      this.priorities.list(strategyId, ALL),
      this.assignments.accountability(strategyId),
      this.partnerships.get(strategy.leadPartnershipId),
    ]);
    const themeTitle = new Map(themes.map((th) => [th.id, th.title]));
    res.render('setup/overview.njk', {
      title: strategy.title,
      width: 'full',
      backLink: WEB_PATHS.setUp,
      strategy,
      lead,
      themes,
      priorities: priorities.items.map((p) => ({ ...p, themes: p.themeIds.map((id) => themeTitle.get(id)).filter(Boolean).join(', ') })),
      targets: accountability.rows,
      saved: typeof req.query.saved === 'string' ? req.query.saved : null,
    });
  }

  @Get(':strategyId/edit')
  async editStrategy(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Res() res: Response): Promise<void> {
    const s = await this.strategies.get(strategyId);
    const start = dateParts(s.startDate);
    const end = dateParts(s.endDate);
    await this.renderStrategyForm(res, s, {
      title: s.title,
      area: s.area,
      vision: s.vision ?? '',
      status: s.status,
      leadPartnershipId: s.leadPartnershipId,
      language: s.language,
      returnDeadlineDays: String(s.returnDeadlineDays),
      'startDate-day': start.day,
      'startDate-month': start.month,
      'startDate-year': start.year,
      'endDate-day': end.day,
      'endDate-month': end.month,
      'endDate-year': end.year,
    }, NO_PROBLEMS);
  }

  @Post(':strategyId/edit')
  @HttpCode(200)
  async updateStrategy(@Param('strategyId', ParseUUIDPipe) strategyId: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.saveStrategy(await this.strategies.get(strategyId), actor, req, res);
  }

  @Get(':strategyId/themes/new')
  async newTheme(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Res() res: Response): Promise<void> {
    this.renderThemeForm(res, await this.strategies.get(strategyId), null, { kind: 'theme' }, NO_PROBLEMS);
  }

  @Post(':strategyId/themes/new')
  @HttpCode(200)
  async createTheme(@Param('strategyId', ParseUUIDPipe) strategyId: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.saveTheme(await this.strategies.get(strategyId), null, actor, req, res);
  }

  @Get(':strategyId/themes/:themeId/edit')
  async editTheme(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Param('themeId', ParseUUIDPipe) themeId: string, @Res() res: Response): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    const theme = await this.themeOf(strategyId, themeId);
    this.renderThemeForm(res, strategy, theme, { title: theme.title, kind: theme.kind, description: theme.description ?? '', position: String(theme.position) }, NO_PROBLEMS);
  }

  @Post(':strategyId/themes/:themeId/edit')
  @HttpCode(200)
  async updateTheme(
    @Param('strategyId', ParseUUIDPipe) strategyId: string,
    @Param('themeId', ParseUUIDPipe) themeId: string,
    @WebActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    await this.saveTheme(strategy, await this.themeOf(strategyId, themeId), actor, req, res);
  }

  @Get(':strategyId/priorities/new')
  async newPriority(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Res() res: Response): Promise<void> {
    await this.renderPriorityForm(res, await this.strategies.get(strategyId), { kind: 'cross-cutting' }, [], NO_PROBLEMS);
  }

  @Post(':strategyId/priorities/new')
  @HttpCode(200)
  async createPriority(@Param('strategyId', ParseUUIDPipe) strategyId: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.savePriority(await this.strategies.get(strategyId), null, actor, req, res);
  }

  @Get(':strategyId/priorities/:priorityId/edit')
  async editPriority(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Param('priorityId', ParseUUIDPipe) priorityId: string, @Res() res: Response): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    const priority = await this.priorityOf(strategyId, priorityId);
    await this.renderPriorityForm(res, strategy, { title: priority.title, kind: priority.kind, partnershipId: priority.partnershipId ?? '' }, priority.themeIds, NO_PROBLEMS, priority);
  }

  @Post(':strategyId/priorities/:priorityId/edit')
  @HttpCode(200)
  async updatePriority(
    @Param('strategyId', ParseUUIDPipe) strategyId: string,
    @Param('priorityId', ParseUUIDPipe) priorityId: string,
    @WebActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    await this.savePriority(strategy, await this.priorityOf(strategyId, priorityId), actor, req, res);
  }

  private async savePriority(strategy: StrategyDto, existing: PriorityDto | null, actor: Actor, req: Request, res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const values = fields(req.body, ['title', 'kind', 'partnershipId']);
    const themeIds = list((req.body as Record<string, unknown> | undefined)?.themeIds);
    const input = { title: values.title, kind: values.kind, partnershipId: orNull(values.partnershipId), themeIds };
    const { dto, problems } = checkDto(CreatePriorityDto, input, 'priorities.errors', t, PRIORITY_FIELDS);
    if (problems.errors.length) return this.renderPriorityForm(res, strategy, values, themeIds, problems, existing);
    try {
      if (existing) await this.priorities.update(existing.id, dto, actor);
      else await this.priorities.create(strategy.id, dto, actor);
    } catch (error) {
      const refused = serviceProblems(error, t, PRIORITY_FIELDS);
      if (!refused) throw error;
      return this.renderPriorityForm(res, strategy, values, themeIds, refused, existing);
    }
    res.redirect(303, `${WEB_PATHS.setUp}/${strategy.id}?saved=priority#priorities`);
  }

  /** The priority, only as part of this strategy. */
  private async priorityOf(strategyId: string, priorityId: string): Promise<PriorityDto> {
    const priority = await this.priorities.get(priorityId);
    if (priority.strategyId !== strategyId) throw new NotFoundException(`Priority ${priorityId} is not part of strategy ${strategyId}`);
    return priority;
  }

  private async saveStrategy(existing: StrategyDto | null, actor: Actor, req: Request, res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const values = fields(req.body, [...STRATEGY_FIELDS, ...DATE_PARTS]);
    const input = {
      title: values.title,
      area: values.area,
      vision: orNull(values.vision),
      startDate: dateOf(req.body, 'startDate'),
      endDate: dateOf(req.body, 'endDate'),
      status: values.status || undefined,
      leadPartnershipId: values.leadPartnershipId,
      language: values.language || undefined,
      returnDeadlineDays: numberOrText(values.returnDeadlineDays) ?? undefined,
    };
    const { dto, problems } = checkDto(CreateStrategyDto, input, 'strategies.errors', t, STRATEGY_FIELDS);
    if (problems.errors.length) return this.renderStrategyForm(res, existing, values, problems);
    let id: string;
    try {
      id = existing ? (await this.strategies.update(existing.id, dto, actor)).id : (await this.strategies.create(dto, actor)).id;
    } catch (error) {
      const refused = serviceProblems(error, t, STRATEGY_FIELDS);
      if (!refused) throw error;
      return this.renderStrategyForm(res, existing, values, refused);
    }
    res.redirect(303, `${WEB_PATHS.setUp}/${id}?saved=strategy`);
  }

  private async saveTheme(strategy: StrategyDto, existing: ThemeDto | null, actor: Actor, req: Request, res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const values = fields(req.body, THEME_FIELDS);
    const input = { title: values.title, kind: values.kind || undefined, description: orNull(values.description), position: numberOrText(values.position) ?? undefined };
    const { dto, problems } = checkDto(CreateThemeDto, input, 'themes.errors', t, THEME_FIELDS);
    if (problems.errors.length) return this.renderThemeForm(res, strategy, existing, values, problems);
    try {
      if (existing) await this.themes.update(existing.id, dto, actor);
      else await this.themes.create(strategy.id, dto, actor);
    } catch (error) {
      const refused = serviceProblems(error, t, THEME_FIELDS);
      if (!refused) throw error;
      return this.renderThemeForm(res, strategy, existing, values, refused);
    }
    res.redirect(303, `${WEB_PATHS.setUp}/${strategy.id}?saved=theme#themes`);
  }

  private async renderStrategyForm(res: Response, existing: StrategyDto | null, values: Record<string, string>, problems: FormProblems): Promise<void> {
    const t = res.locals.t as Translate;
    const lsps = directoryOrder((await this.partnerships.list({ ...ALL, kind: 'lsp' })).items);
    res.render('setup/strategy-form.njk', {
      title: existing ? t('strategies.editTitle', { title: existing.title }) : t('strategies.newTitle'),
      backLink: existing ? `${WEB_PATHS.setUp}/${existing.id}` : WEB_PATHS.setUp,
      action: existing ? `${WEB_PATHS.setUp}/${existing.id}/edit` : `${WEB_PATHS.setUp}/new`,
      lsps: lsps.map((n) => ({ value: n.partnership.id, text: n.partnership.name, selected: n.partnership.id === values.leadPartnershipId })),
      statuses: STRATEGY_STATUSES,
      languages: LANGUAGES,
      values,
      ...problems,
    });
  }

  private renderThemeForm(res: Response, strategy: StrategyDto, existing: ThemeDto | null, values: Record<string, string>, problems: FormProblems): void {
    const t = res.locals.t as Translate;
    const base = `${WEB_PATHS.setUp}/${strategy.id}/themes`;
    res.render('setup/theme-form.njk', {
      title: existing ? t('themes.editTitle', { title: existing.title }) : t('themes.newTitle'),
      caption: strategy.title,
      backLink: `${WEB_PATHS.setUp}/${strategy.id}#themes`,
      action: existing ? `${base}/${existing.id}/edit` : `${base}/new`,
      kinds: THEME_KINDS,
      values,
      ...problems,
    });
  }

  private async renderPriorityForm(res: Response, strategy: StrategyDto, values: Record<string, string>, themeIds: string[], problems: FormProblems, existing: PriorityDto | null = null): Promise<void> {
    const t = res.locals.t as Translate;
    const [themes, partnerships] = await Promise.all([this.themesOf(strategy.id), this.partnerships.list(ALL)]);
    res.render('setup/priority-form.njk', {
      title: existing ? t('priorities.editTitle', { title: existing.title }) : t('priorities.newTitle'),
      caption: strategy.title,
      backLink: `${WEB_PATHS.setUp}/${strategy.id}#priorities`,
      action: existing ? `${WEB_PATHS.setUp}/${strategy.id}/priorities/${existing.id}/edit` : `${WEB_PATHS.setUp}/${strategy.id}/priorities/new`,
      kinds: PRIORITY_KINDS,
      themes: themes.map((th) => ({ value: th.id, text: th.title, checked: themeIds.includes(th.id) })),
      partnerships: directoryOrder(partnerships.items).map((n) => ({ value: n.partnership.id, text: n.partnership.name, selected: n.partnership.id === values.partnershipId })),
      values,
      ...problems,
    });
  }

  private async themesOf(strategyId: string): Promise<ThemeDto[]> {
    return (await this.themes.list(strategyId, ALL)).items;
  }

  /** The theme, only as part of this strategy (a theme of another strategy is not found here). */
  private async themeOf(strategyId: string, themeId: string): Promise<ThemeDto> {
    const theme = await this.themes.get(themeId);
    if (theme.strategyId !== strategyId) throw new NotFoundException(`Theme ${themeId} is not part of strategy ${strategyId}`);
    return theme;
  }
}
