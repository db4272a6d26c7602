import { ConflictException, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/roles';
import type { StrategyProgressItemDto } from '../progress/dto/progress.dto';
import { ProgressService } from '../progress/progress.service';
import { TargetsService } from '../targets/targets.service';
import { CoordinatorScope, CoordinatorScopes, scopeQuery } from './coordinator-scope';
import { checkForm, FormProblems, NO_PROBLEMS, text } from './forms/form-errors';
import { ReturnReasonForm } from './forms/return-reason.form';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

/** `id:version` of a checked row: the version the coordinator saw, so a figure changed since is not approved unseen. */
const DECISION = /^([0-9a-f-]{36}):(\d{1,9})$/i;

/**
 * The coordinator's approvals inbox: every submitted update of a strategy for a quarter on one
 * page, approved one or several at once, or returned one at a time with a reason. Every write is
 * ProgressService's, with the signed-in coordinator as the actor, as the API's approve and return.
 */
@ApiExcludeController()
@SignedIn('coordinator')
@Controller()
export class ApprovalsController {
  constructor(
    private readonly scopes: CoordinatorScopes,
    private readonly progress: ProgressService,
    private readonly targets: TargetsService,
  ) {}

  @Get(WEB_PATHS.approvals)
  async inbox(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const scope = await this.scopes.read(query);
    const done = { approved: Number(text(query.approved)) || 0, returned: text(query.returned) };
    await this.render(res, scope, NO_PROBLEMS, [], done);
  }

  @Post(WEB_PATHS.approvals)
  @HttpCode(200)
  async approve(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const scope = await this.scopes.read(body);
    const checked = (Array.isArray(body.update) ? body.update : [body.update]).filter((v): v is string => typeof v === 'string');
    const decisions = checked.flatMap((value) => {
      const match = DECISION.exec(value);
      return match ? [{ id: match[1].toLowerCase(), version: Number(match[2]) }] : [];
    });
    if (decisions.length === 0 || decisions.length !== checked.length) {
      return this.render(res, scope, problem(t('approvals.errors.noneChosen'), 'update'), []);
    }
    try {
      await this.progress.approveMany(decisions, actor);
    } catch (error) {
      if (error instanceof ConflictException || error instanceof NotFoundException) {
        const message = (error.getResponse() as { message?: string }).message ?? error.message;
        return this.render(res, scope, problem(t('approvals.errors.stale', { message }), 'update'), checked);
      }
      throw error;
    }
    res.redirect(303, `${WEB_PATHS.approvals}?${scopeQuery(scope, { approved: String(decisions.length) })}`);
  }

  @Get(`${WEB_PATHS.approvals}/:id/return`)
  async returnForm(@Param('id', ParseUUIDPipe) id: string, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const scope = await this.scopes.read(query);
    await this.renderReturn(res, scope, id, '', NO_PROBLEMS);
  }

  @Post(`${WEB_PATHS.approvals}/:id/return`)
  @HttpCode(200)
  async return(@Param('id', ParseUUIDPipe) id: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const scope = await this.scopes.read(body);
    const { form, problems } = checkForm(ReturnReasonForm, body, t);
    if (problems.errors.length) return this.renderReturn(res, scope, id, text(body.reason), problems);
    const version = Number(text(body.version));
    let code: string;
    try {
      const update = await this.progress.return(id, { reason: form.reason, version: Number.isInteger(version) && version > 0 ? version : 0 }, actor);
      code = (await this.targets.find(update.targetId)).code;
    } catch (error) {
      if (error instanceof ConflictException) {
        const message = (error.getResponse() as { message?: string }).message ?? error.message;
        return this.renderReturn(res, scope, id, text(body.reason), problem(t('approvals.errors.stale', { message }), 'reason'));
      }
      throw error;
    }
    res.redirect(303, `${WEB_PATHS.approvals}?${scopeQuery(scope, { returned: code })}`);
  }

  private async render(res: Response, scope: CoordinatorScope, problems: FormProblems, checked: string[], done = { approved: 0, returned: '' }): Promise<void> {
    const t = res.locals.t as Translate;
    const items = scope.strategy ? await this.submitted(scope) : [];
    res.render('approvals/inbox.njk', {
      title: t('approvals.title'),
      width: 'full',
      ...scope,
      items,
      checked,
      done,
      returnQuery: scopeQuery(scope),
      ...problems,
    });
  }

  private async renderReturn(res: Response, scope: CoordinatorScope, id: string, reason: string, problems: FormProblems): Promise<void> {
    const t = res.locals.t as Translate;
    const update = await this.progress.get(id);
    const target = await this.targets.get(update.targetId);
    res.render('approvals/return.njk', {
      title: t('approvals.returnTitle', { code: target.code }),
      backLink: `${WEB_PATHS.approvals}?${scopeQuery(scope)}`,
      update,
      target,
      reason,
      scope,
      action: `${WEB_PATHS.approvals}/${id}/return`,
      ...problems,
    });
  }

  /** Every submitted update in scope, all pages of the API's list. */
  private async submitted(scope: CoordinatorScope): Promise<StrategyProgressItemDto[]> {
    const items: StrategyProgressItemDto[] = [];
    for (let page = 1; ; page++) {
      const found = await this.progress.ofStrategy(scope.strategy!.id, {
        period: scope.period,
        status: 'submitted',
        themeId: scope.themeId,
        partnershipId: scope.partnershipId,
        page,
        pageSize: 200,
      });
      items.push(...found.items);
      if (items.length >= found.total || found.items.length === 0) return items;
    }
  }
}

function problem(message: string, field: string): FormProblems {
  return { errors: [{ text: message, href: `#${field}` }], fieldErrors: { [field]: { text: message } } };
}
