import { BadRequestException, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AssignmentsService } from '../../assignments/assignments.service';
import { ActionDto, type AssignmentDto, CreateAssignmentDto } from '../../assignments/dto/assignment.dto';
import { ACTION_STATUSES } from '../../assignments/kinds';
import type { Actor } from '../../auth/roles';
import { DIRECTIONS, FREQUENCIES } from '../../domain/status';
import { directoryOrder } from '../../partnerships/directory';
import { PartnershipsService } from '../../partnerships/partnerships.service';
import type { StrategyDto } from '../../strategies/dto/strategy.dto';
import { PrioritiesService } from '../../strategies/priorities.service';
import { StrategiesService } from '../../strategies/strategies.service';
import { ThemesService } from '../../strategies/themes.service';
import { CreateTargetDto, type TargetDto } from '../../targets/dto/target.dto';
import { TargetsService } from '../../targets/targets.service';
import { checkDto, dateOf, dateParts, fields, list, numberOrText, orNull, serviceProblems } from '../forms/dto-form';
import { FormProblems, NO_PROBLEMS } from '../forms/form-errors';
import type { Translate } from '../i18n/i18n';
import { SignedIn, WebActor } from '../session.guard';
import { WEB_PATHS } from '../web-routes';

const TARGET_FIELDS = ['code', 'title', 'description', 'themeId', 'priorityIds', 'unit', 'direction', 'baselineValue', 'baselinePeriod', 'targetValue', 'targetPeriod', 'milestones', 'tolerancePercent', 'frequency'] as const;
const TEXT_FIELDS = TARGET_FIELDS.filter((f) => f !== 'priorityIds');
const ASSIGNMENT_FIELDS = ['partnershipId', 'supportingPartnershipIds', 'officerName', 'officerEmail'] as const;
const OFFICER = { 'accountableOfficer.name': 'officerName', 'accountableOfficer.email': 'officerEmail', accountableOfficer: 'officerName' };
const ACTION_FIELDS = ['description', 'owner', 'dueDate', 'status'] as const;
const ALL = { page: 1, pageSize: 200 } as const;
/** The add-an-action form as it opens. */
const NO_ACTION = { status: 'not-started' } as const;

type Values = Record<string, string>;

interface TargetForm {
  values: Values;
  priorityIds: string[];
}

/**
 * Targets with their trajectory and milestones, then who answers for them: the lead and
 * supporting partnerships chosen by name, the accountable officer, and the action plan. A
 * target's trajectory matters (it decides every RAG), so each save goes through "check your
 * answers"; a save over someone else's newer version shows what they changed.
 */
@ApiExcludeController()
@SignedIn('coordinator')
@Controller(`${WEB_PATHS.setUp}/:strategyId/targets`)
export class TargetSetupController {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly priorities: PrioritiesService,
    private readonly targets: TargetsService,
    private readonly partnerships: PartnershipsService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('new')
  async newTarget(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Res() res: Response): Promise<void> {
    const strategy = await this.strategies.get(strategyId);
    await this.renderForm(res, strategy, null, { values: { direction: 'increase', frequency: 'quarterly', tolerancePercent: '5' }, priorityIds: [] }, NO_PROBLEMS);
  }

  @Post('new')
  @HttpCode(200)
  async createTarget(@Param('strategyId', ParseUUIDPipe) strategyId: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.save(await this.strategies.get(strategyId), null, actor, req, res);
  }

  @Get(':targetId/edit')
  async editTarget(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Param('targetId', ParseUUIDPipe) targetId: string, @Res() res: Response): Promise<void> {
    const { strategy, target } = await this.open(strategyId, targetId);
    await this.renderForm(res, strategy, target, formOf(target), NO_PROBLEMS);
  }

  @Post(':targetId/edit')
  @HttpCode(200)
  async updateTarget(
    @Param('strategyId', ParseUUIDPipe) strategyId: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
    @WebActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { strategy, target } = await this.open(strategyId, targetId);
    await this.save(strategy, target, actor, req, res);
  }

  @Get(':targetId/assignment')
  async assignment(@Param('strategyId', ParseUUIDPipe) strategyId: string, @Param('targetId', ParseUUIDPipe) targetId: string, @Res() res: Response): Promise<void> {
    const { strategy, target, current } = await this.openAssignment(strategyId, targetId);
    await this.renderAssignment(res, strategy, target, current, current ? officerValues(current) : {}, current?.supportingPartnershipIds ?? [], NO_ACTION, NO_PROBLEMS);
  }

  @Post(':targetId/assignment')
  @HttpCode(200)
  async assign(
    @Param('strategyId', ParseUUIDPipe) strategyId: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
    @WebActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const t = res.locals.t as Translate;
    const { strategy, target, current } = await this.openAssignment(strategyId, targetId);
    const values = fields(req.body, ['partnershipId', 'officerName', 'officerEmail']);
    const supporting = list((req.body as Record<string, unknown> | undefined)?.supportingPartnershipIds);
    const input = { partnershipId: values.partnershipId, supportingPartnershipIds: supporting, accountableOfficer: { name: values.officerName, email: values.officerEmail } };
    const { dto, problems } = checkDto(CreateAssignmentDto, input, 'assignmentSetUp.errors', t, ASSIGNMENT_FIELDS, OFFICER);
    const again = (p: FormProblems) => this.renderAssignment(res, strategy, target, current, values, supporting, NO_ACTION, p);
    if (problems.errors.length) return again(problems);
    try {
      if (current) await this.assignments.update(current.id, dto, actor);
      else await this.assignments.create(targetId, dto, actor);
    } catch (error) {
      const refused = serviceProblems(error, t, ASSIGNMENT_FIELDS, OFFICER);
      if (!refused) throw error;
      return again(refused);
    }
    res.redirect(303, `${this.base(strategyId)}/${targetId}/assignment?saved=1`);
  }

  @Post(':targetId/assignment/actions')
  @HttpCode(200)
  async addAction(
    @Param('strategyId', ParseUUIDPipe) strategyId: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
    @WebActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const t = res.locals.t as Translate;
    const { strategy, target, current } = await this.openAssignment(strategyId, targetId);
    // The action plan belongs to the assignment: there is nothing to add it to before one exists.
    if (!current) return res.redirect(303, `${this.base(strategyId)}/${targetId}/assignment`);
    const actionValues = fields(req.body, ['description', 'owner', 'status', 'dueDate-day', 'dueDate-month', 'dueDate-year']);
    const input = { description: actionValues.description, owner: actionValues.owner, dueDate: orNull(dateOf(req.body, 'dueDate')), status: actionValues.status || undefined };
    const { dto, problems } = checkDto(ActionDto, input, 'actionSetUp.errors', t, ACTION_FIELDS);
    if (problems.errors.length) return this.renderAssignment(res, strategy, target, current, officerValues(current), current.supportingPartnershipIds, actionValues, problems);
    await this.assignments.update(current.id, { actions: [...current.actions, dto] }, actor);
    res.redirect(303, `${this.base(strategyId)}/${targetId}/assignment?saved=1#actions`);
  }

  /** Change one action's status, or remove it: the API replaces the whole plan, so the rest is sent back unchanged. */
  @Post(':targetId/assignment/actions/:position')
  @HttpCode(200)
  async changeAction(
    @Param('strategyId', ParseUUIDPipe) strategyId: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
    @Param('position', ParseIntPipe) position: number,
    @WebActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { current } = await this.openAssignment(strategyId, targetId);
    if (!current || position < 0 || position >= current.actions.length) throw new NotFoundException(`No action ${position} on target ${targetId}`);
    const body = fields(req.body, ['status', 'remove']);
    const actions = current.actions.flatMap((a, i) => (i !== position ? [a] : body.remove === 'yes' ? [] : [{ ...a, status: body.status as ActionDto['status'] }]));
    // An unknown status is the API's 400, shown as the bad-request page rather than stored.
    const { problems } = checkDto(ActionDto, actions[position] ?? current.actions[0], 'actionSetUp.errors', res.locals.t as Translate, ACTION_FIELDS);
    if (problems.errors.length) throw new BadRequestException(problems.errors.map((e) => e.text).join('; '));
    await this.assignments.update(current.id, { actions }, actor);
    res.redirect(303, `${this.base(strategyId)}/${targetId}/assignment?saved=1#actions`);
  }

  private async save(strategy: StrategyDto, existing: TargetDto | null, actor: Actor, req: Request, res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form: TargetForm = { values: fields(body, [...TEXT_FIELDS, 'version']), priorityIds: list(body.priorityIds) };
    const step = typeof body.step === 'string' ? body.step : 'check';
    const { dto, problems } = checkDto(CreateTargetDto, targetInput(form), 'targetsSetUp.errors', t, TARGET_FIELDS);
    if (problems.errors.length || step === 'change') return this.renderForm(res, strategy, existing, form, problems);
    if (step !== 'confirm') return this.renderCheck(res, strategy, existing, form);
    try {
      await (existing
        ? this.targets.update(existing.id, { ...dto, version: Number(form.values.version) || 0 }, actor)
        : this.targets.create(strategy.id, dto, actor));
    } catch (error) {
      if (existing && error instanceof ConflictException && fieldsOf(error).includes('version')) {
        // Someone saved the target since this form was read: show what is stored now beside
        // what you typed, with the new version, so saving again is a decision, not an accident.
        const theirs = await this.targets.get(existing.id);
        const stored = formOf(theirs);
        const changed = await this.differences(strategy, stored, form, res);
        return this.renderForm(res, strategy, theirs, { ...form, values: { ...form.values, version: String(theirs.version) } }, NO_PROBLEMS, changed);
      }
      const refused = serviceProblems(error, t, TARGET_FIELDS);
      if (!refused) throw error;
      return this.renderForm(res, strategy, existing, form, refused);
    }
    res.redirect(303, `${WEB_PATHS.setUp}/${strategy.id}?saved=target#targets`);
  }

  private async open(strategyId: string, targetId: string): Promise<{ strategy: StrategyDto; target: TargetDto }> {
    const [strategy, target] = await Promise.all([this.strategies.get(strategyId), this.targets.get(targetId)]);
    if (target.strategyId !== strategyId) throw new NotFoundException(`Target ${targetId} is not part of strategy ${strategyId}`);
    return { strategy, target };
  }

  /** The target, as `open`, with its active assignment (null before it is assigned). */
  private async openAssignment(strategyId: string, targetId: string): Promise<{ strategy: StrategyDto; target: TargetDto; current: AssignmentDto | null }> {
    const [opened, active] = await Promise.all([this.open(strategyId, targetId), this.assignments.activeFor(targetId)]);
    return { ...opened, current: active ? await this.assignments.get(active.id) : null };
  }

  /** Where the target form posts: the new target's path, or the edited one's. */
  private formAction(strategy: StrategyDto, existing: TargetDto | null): string {
    return existing ? `${this.base(strategy.id)}/${existing.id}/edit` : `${this.base(strategy.id)}/new`;
  }

  private base(strategyId: string): string {
    return `${WEB_PATHS.setUp}/${strategyId}/targets`;
  }

  private async choices(strategyId: string) {
    const [themes, priorities] = await Promise.all([this.themes.list(strategyId, ALL), this.priorities.list(strategyId, ALL)]);
    return { themes: themes.items, priorities: priorities.items };
  }

  private async renderForm(res: Response, strategy: StrategyDto, existing: TargetDto | null, form: TargetForm, problems: FormProblems, conflict?: { label: string; theirs: string; yours: string }[]): Promise<void> {
    const t = res.locals.t as Translate;
    const { themes, priorities } = await this.choices(strategy.id);
    res.render('setup/target-form.njk', {
      title: existing ? t('targetsSetUp.editTitle', { code: existing.code }) : t('targetsSetUp.newTitle'),
      caption: strategy.title,
      backLink: `${WEB_PATHS.setUp}/${strategy.id}#targets`,
      action: this.formAction(strategy, existing),
      themes: themes.map((th) => ({ value: th.id, text: th.title, selected: th.id === form.values.themeId })),
      priorities: priorities.map((p) => ({ value: p.id, text: p.title, checked: form.priorityIds.includes(p.id) })),
      directions: DIRECTIONS,
      frequencies: FREQUENCIES,
      values: form.values,
      conflict,
      ...problems,
    });
  }

  private async renderCheck(res: Response, strategy: StrategyDto, existing: TargetDto | null, form: TargetForm): Promise<void> {
    const t = res.locals.t as Translate;
    const rows = await this.readable(strategy, form, res);
    const before = existing ? await this.readable(strategy, formOf(existing), res) : null;
    res.render('setup/target-check.njk', {
      title: t('targetsSetUp.checkTitle'),
      caption: strategy.title,
      action: this.formAction(strategy, existing),
      rows: rows.map((row, i) => ({ ...row, changed: before ? before[i].value !== row.value : false, before: before?.[i].value })),
      hidden: [...Object.entries(form.values).map(([name, value]) => ({ name, value })), ...form.priorityIds.map((value) => ({ name: 'priorityIds', value }))],
    });
  }

  /** The form's answers in words (theme and priority names, milestones a line each), in the form's order. */
  private async readable(strategy: StrategyDto, form: TargetForm, res: Response): Promise<{ field: string; label: string; value: string }[]> {
    const t = res.locals.t as Translate;
    const { themes, priorities } = await this.choices(strategy.id);
    const v = form.values;
    const words: Record<string, string> = {
      ...v,
      themeId: themes.find((th) => th.id === v.themeId)?.title ?? '',
      priorityIds: priorities.filter((p) => form.priorityIds.includes(p.id)).map((p) => p.title).join(', '),
      direction: v.direction ? t(`directions.${v.direction}`) : '',
      frequency: v.frequency ? t(`frequencies.${v.frequency}`) : '',
      milestones: v.milestones.split(/\r?\n/).map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean).join('; '),
    };
    return TARGET_FIELDS.map((field) => ({ field, label: t(`targetsSetUp.${field === 'title' ? 'titleLabel' : field}`), value: (words[field] ?? '').trim() }));
  }

  /** The fields where what is stored now differs from what you typed, in words. */
  private async differences(strategy: StrategyDto, theirs: TargetForm, yours: TargetForm, res: Response): Promise<{ label: string; theirs: string; yours: string }[]> {
    const [stored, typed] = [formWords(theirs), formWords(yours)];
    const [storedWords, typedWords] = await Promise.all([this.readable(strategy, theirs, res), this.readable(strategy, yours, res)]);
    return TARGET_FIELDS.flatMap((field, i) => (stored[field] !== typed[field] ? [{ label: storedWords[i].label, theirs: storedWords[i].value, yours: typedWords[i].value }] : []));
  }

  private async renderAssignment(
    res: Response,
    strategy: StrategyDto,
    target: TargetDto,
    current: AssignmentDto | null,
    values: Values,
    supporting: string[],
    actionValues: Values,
    problems: FormProblems,
  ): Promise<void> {
    const t = res.locals.t as Translate;
    const all = directoryOrder((await this.partnerships.list(ALL)).items);
    const dueParts = actionValues['dueDate-day'] !== undefined ? actionValues : { ...actionValues, ...prefixed('dueDate', dateParts(null)) };
    res.render('setup/assignment.njk', {
      title: t('assignmentSetUp.title', { code: target.code }),
      caption: strategy.title,
      backLink: `${WEB_PATHS.setUp}/${strategy.id}#targets`,
      target,
      current,
      action: `${this.base(strategy.id)}/${target.id}/assignment`,
      leads: all.map((n) => ({ value: n.partnership.id, text: n.partnership.name, selected: n.partnership.id === values.partnershipId })),
      supporters: all.map((n) => ({ value: n.partnership.id, text: n.partnership.name, checked: supporting.includes(n.partnership.id) })),
      actionStatuses: ACTION_STATUSES.map((s) => ({ value: s, text: t(`actionStatuses.${s}`), selected: s === actionValues.status })),
      values,
      actionValues: dueParts,
      saved: res.req.query.saved === '1',
      ...problems,
    });
  }
}

/** The assignment form's answers as they are stored now. */
function officerValues(current: AssignmentDto): Values {
  return { partnershipId: current.partnershipId, officerName: current.accountableOfficer.name, officerEmail: current.accountableOfficer.email };
}

function prefixed(name: string, parts: { day: string; month: string; year: string }): Values {
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year };
}

function fieldsOf(error: ConflictException): string[] {
  const body = error.getResponse() as { errors?: { field: string }[] };
  return (body.errors ?? []).map((e) => e.field);
}

/** The target as the form shows it. */
function formOf(target: TargetDto): TargetForm {
  return {
    values: {
      code: target.code,
      title: target.title,
      description: target.description ?? '',
      themeId: target.themeId,
      unit: target.unit,
      direction: target.direction,
      baselineValue: String(target.baselineValue),
      baselinePeriod: target.baselinePeriod,
      targetValue: String(target.targetValue),
      targetPeriod: target.targetPeriod,
      milestones: target.milestones.map((m) => `${m.period} ${m.value}`).join('\n'),
      tolerancePercent: String(target.tolerancePercent),
      frequency: target.frequency,
      version: String(target.version),
    },
    priorityIds: [...target.priorityIds],
  };
}

/** Each field's answer normalised for comparison (trimmed, milestones a line each). */
function formWords(form: TargetForm): Record<string, string> {
  const v = form.values;
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, (v[f] ?? '').trim()])),
    milestones: (v.milestones ?? '').split(/\r?\n/).map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean).join('\n'),
    priorityIds: [...form.priorityIds].sort().join(','),
  };
}

/** What the API's DTO is given: numbers where the text reads as one, milestones a `period value` per line. */
function targetInput(form: TargetForm): Record<string, unknown> {
  const v = form.values;
  return {
    code: v.code,
    title: v.title,
    description: orNull(v.description),
    themeId: v.themeId,
    priorityIds: form.priorityIds,
    unit: v.unit,
    direction: v.direction,
    baselineValue: numberOrText(v.baselineValue),
    baselinePeriod: v.baselinePeriod.trim(),
    targetValue: numberOrText(v.targetValue),
    targetPeriod: v.targetPeriod.trim(),
    milestones: milestonesOf(v.milestones),
    tolerancePercent: numberOrText(v.tolerancePercent) ?? undefined,
    frequency: v.frequency || undefined,
  };
}

/** "2025-26-Q2 110" a line; a line that does not read so is passed on for the DTO to refuse. */
export function milestonesOf(text: string): { period: string; value: number | string | null }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [period, ...rest] = line.split(/\s+/);
      return { period, value: numberOrText(rest.join(' ')) };
    });
}
