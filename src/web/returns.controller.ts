import { ConflictException, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AssignmentsService } from '../assignments/assignments.service';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { comparePeriods, isValidPeriod, latestCompletedPeriod, periodContaining, previousPeriod } from '../domain/period';
import { duePeriods, isReturnDue } from '../domain/status';
import { expectedValue } from '../domain/trajectory';
import type { ProgressUpdateDto } from '../progress/dto/progress.dto';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { ProgressService } from '../progress/progress.service';
import type { TargetDto } from '../targets/dto/target.dto';
import { TargetsService } from '../targets/targets.service';
import { checkForm, FormProblems, NO_PROBLEMS, text, toProblems } from './forms/form-errors';
import { figureOf, optionalText, ReturnForm } from './forms/return.form';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

export type ReturnState = 'not-started' | 'draft' | 'submitted' | 'returned' | 'approved';

interface FormValues {
  value: string;
  commentary: string;
  risks: string;
  nextActions: string;
}

/**
 * A partnership officer's quarterly returns: the task list, the form, check your answers, submit.
 * Every write goes through ProgressService with the signed-in officer as the actor, so the
 * API's rules (who may write, which quarters are open, versions) apply unchanged.
 */
@ApiExcludeController()
@SignedIn('partnership-officer')
@Controller()
export class ReturnsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly targets: TargetsService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
    private readonly partnerships: PartnershipsService,
  ) {}

  @Get(WEB_PATHS.returns)
  async list(@Query('period') asked: unknown, @Query('saved') saved: unknown, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const led = await this.ledTargets(actor);
    const current = periodContaining(this.clock.now());
    const quarters = [...new Set(led.flatMap((target) => duePeriods(target, target.baselinePeriod, current)))].sort(comparePeriods).reverse();
    const completed = latestCompletedPeriod(this.clock.now());
    const period = isValidPeriod(asked) && quarters.includes(asked) ? asked : (quarters.find((q) => comparePeriods(q, completed) <= 0) ?? quarters[0]);
    const items = period
      ? await Promise.all(
          led
            .filter((target) => isReturnDue(target, period))
            .map(async (target) => {
              const update = await this.updateFor(target.id, period);
              return { target, update, state: stateOf(update) };
            }),
        )
      : [];
    const savedTarget = typeof saved === 'string' ? items.find((i) => i.target.id === saved)?.target : undefined;
    res.render('returns/list.njk', {
      title: period ? t('returns.title', { quarter: (res.locals.quarter as (p: string) => string)(period) }) : t('nav.returns'),
      period,
      quarters,
      items,
      done: items.filter((i) => i.state === 'submitted' || i.state === 'approved').length,
      savedTarget,
      // The spreadsheet route: a template per partnership, then the upload page.
      partnerships: period && items.length ? (await Promise.all(actor.partnershipIds.map((id) => this.partnerships.find(id)))).map((p) => ({ id: p.id, name: p.name })) : [],
    });
  }

  @Get(`${WEB_PATHS.returns}/:targetId/:period`)
  async form(@Param('targetId', ParseUUIDPipe) targetId: string, @Param('period') period: string, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { target, update } = await this.open(targetId, period, actor);
    await this.renderForm(res, target, period, update, valuesOf(update), NO_PROBLEMS);
  }

  @Post(`${WEB_PATHS.returns}/:targetId/:period`)
  @HttpCode(200)
  async save(@Param('targetId', ParseUUIDPipe) targetId: string, @Param('period') period: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const { target, update } = await this.open(targetId, period, actor);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: FormValues = { value: text(body.value), commentary: text(body.commentary), risks: text(body.risks), nextActions: text(body.nextActions) };
    if (update && !isEditable(update)) return this.renderForm(res, target, period, update, valuesOf(update), NO_PROBLEMS);
    const { form, problems } = checkForm(ReturnForm, body, t);
    if (problems.errors.length) return this.renderForm(res, target, period, update, values, problems);

    const change = { value: figureOf(form.value), commentary: optionalText(form.commentary), risks: optionalText(form.risks), nextActions: optionalText(form.nextActions) };
    const version = Number(text(body.version));
    try {
      if (update) await this.progress.update(update.id, { ...change, version: Number.isInteger(version) && version > 0 ? version : 0 }, actor);
      else await this.progress.create(targetId, { period, ...change }, actor);
    } catch (error) {
      if (error instanceof ConflictException) {
        const theirs = await this.updateFor(targetId, period);
        return this.renderForm(res, target, period, theirs, values, NO_PROBLEMS, { theirs, yours: values });
      }
      if (error instanceof UnprocessableEntityException) {
        return this.renderForm(res, target, period, update, values, toProblems([{ field: 'value', key: 'returnForm.errors.refused', options: { message: messageOf(error) } }], t));
      }
      throw error;
    }
    res.redirect(303, form.action === 'draft' ? `${WEB_PATHS.returns}?period=${period}&saved=${targetId}` : `${this.pathOf(targetId, period)}/check`);
  }

  @Get(`${WEB_PATHS.returns}/:targetId/:period/check`)
  async check(@Param('targetId', ParseUUIDPipe) targetId: string, @Param('period') period: string, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { target, update } = await this.open(targetId, period, actor);
    if (!update || !isEditable(update)) return res.redirect(303, this.pathOf(targetId, period));
    this.renderCheck(res, target, period, update);
  }

  @Post(`${WEB_PATHS.returns}/:targetId/:period/submit`)
  async submit(@Param('targetId', ParseUUIDPipe) targetId: string, @Param('period') period: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const { target, update } = await this.open(targetId, period, actor);
    if (!update || !isEditable(update)) return res.redirect(303, this.pathOf(targetId, period));
    const version = Number(text((req.body as Record<string, unknown> | undefined)?.version));
    try {
      await this.progress.submit(update.id, { version: Number.isInteger(version) && version > 0 ? version : 0 }, actor);
    } catch (error) {
      if (error instanceof ConflictException) {
        const theirs = await this.updateFor(targetId, period);
        return this.renderForm(res, target, period, theirs, valuesOf(update), NO_PROBLEMS, { theirs, yours: valuesOf(update) });
      }
      throw error;
    }
    res.render('returns/submitted.njk', { title: t('submitted.title'), target, period });
  }

  /** The target and its update for the quarter, after the services' own checks: the officer's partnership leads it and the quarter is open. */
  private async open(targetId: string, period: string, actor: Actor): Promise<{ target: TargetDto; update: ProgressUpdateDto | null }> {
    if (!isValidPeriod(period)) throw new NotFoundException();
    const entity = await this.targets.find(targetId);
    await this.progress.assertMayWrite(entity, actor);
    try {
      this.progress.assertPeriodOpen(entity, period);
    } catch (error) {
      if (error instanceof UnprocessableEntityException) throw new NotFoundException();
      throw error;
    }
    return { target: await this.targets.get(targetId), update: await this.updateFor(targetId, period) };
  }

  private async renderForm(
    res: Response,
    target: TargetDto,
    period: string,
    update: ProgressUpdateDto | null,
    values: FormValues,
    problems: FormProblems,
    conflict?: { theirs: ProgressUpdateDto | null; yours: FormValues },
  ): Promise<void> {
    const t = res.locals.t as Translate;
    const previous = (await this.progress.list(target.id, { page: 1, pageSize: 200, status: 'approved', to: previousPeriod(period) })).items.slice(-4).reverse();
    // Problems and conflicts are shown with 200, as GOV.UK services do (a 4xx page is logged as an error by browsers).
    res.render('returns/form.njk', {
      title: t('returnForm.title', { title: target.title }),
      backLink: `${WEB_PATHS.returns}?period=${period}`,
      target,
      period,
      update,
      state: stateOf(update),
      editable: !update || isEditable(update),
      values,
      ...problems,
      expected: round(expectedValue(target, period)),
      previous,
      conflict,
      action: this.pathOf(target.id, period),
    });
  }

  private renderCheck(res: Response, target: TargetDto, period: string, update: ProgressUpdateDto): void {
    const t = res.locals.t as Translate;
    res.render('returns/check.njk', { title: t('check.title'), backLink: this.pathOf(target.id, period), target, period, update, action: this.pathOf(target.id, period) });
  }

  private pathOf(targetId: string, period: string): string {
    return `${WEB_PATHS.returns}/${targetId}/${period}`;
  }

  /** Targets led by the officer's partnerships (active assignments, live targets), by code. */
  private async ledTargets(actor: Actor): Promise<TargetDto[]> {
    const ids = new Set<string>();
    for (const partnershipId of actor.partnershipIds) {
      const page = await this.assignments.listForPartnership(partnershipId, { page: 1, pageSize: 200, role: 'lead', status: 'active' });
      for (const a of page.items) ids.add(a.target.id);
    }
    const targets = await Promise.all([...ids].map((id) => this.targets.get(id)));
    return targets.filter((target) => !target.archived).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  }

  private async updateFor(targetId: string, period: string): Promise<ProgressUpdateDto | null> {
    return (await this.progress.list(targetId, { page: 1, pageSize: 1, from: period, to: period })).items[0] ?? null;
  }
}

function stateOf(update: ProgressUpdateDto | null): ReturnState {
  return update ? update.status : 'not-started';
}

/** Officers change drafts and returned updates; a submitted one waits for the coordinator, an approved one is final. */
function isEditable(update: ProgressUpdateDto): boolean {
  return update.status === 'draft' || update.status === 'returned';
}

function valuesOf(update: ProgressUpdateDto | null): FormValues {
  return {
    value: update ? String(update.value) : '',
    commentary: update?.commentary ?? '',
    risks: update?.risks ?? '',
    nextActions: update?.nextActions ?? '',
  };
}

function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

function messageOf(error: UnprocessableEntityException): string {
  const body = error.getResponse() as { message?: string; errors?: { message: string }[] };
  return body.errors?.[0]?.message ?? body.message ?? error.message;
}
