import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AssignmentsService } from '../assignments/assignments.service';
import type { Actor } from '../auth/roles';
import { isValidPeriod } from '../domain/period';
import { ReturnsService } from '../returns/returns.service';
import { uploadOf } from '../returns/upload';
import { StrategiesService } from '../strategies/strategies.service';
import { TargetsService } from '../targets/targets.service';
import { FormProblems, NO_PROBLEMS, text } from './forms/form-errors';
import { checkedFile, fieldProblem, importRefusal, multerProblem } from './forms/upload-form';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

interface StrategyChoice {
  id: string;
  title: string;
}

/**
 * "Upload a spreadsheet of returns" and the template to fill in. Both call ReturnsService, as the
 * API does, with the signed-in officer as the actor: the same checks, the same all-or-nothing
 * transaction, the same access policy for whose template may be downloaded.
 */
@ApiExcludeController()
@SignedIn('partnership-officer')
@Controller()
export class UploadController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly assignments: AssignmentsService,
    private readonly targets: TargetsService,
    private readonly strategies: StrategiesService,
  ) {}

  @Get(WEB_PATHS.upload)
  async form(@Query('period') period: unknown, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    await this.renderForm(res, actor, backPeriod(period), '', NO_PROBLEMS);
  }

  @Post(WEB_PATHS.upload)
  @HttpCode(200)
  async upload(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const period = backPeriod(body.period);
    const strategies = await this.strategiesOf(actor);
    const chosen = strategies.length === 1 ? strategies[0].id : text(body.strategy);
    const multer = multerProblem('upload', res.locals.uploadError, t);
    if (multer) return this.renderForm(res, actor, period, chosen, multer);
    if (!strategies.some((s) => s.id === chosen)) return this.renderForm(res, actor, period, chosen, fieldProblem(t('upload.errors.strategyMissing'), 'strategy'));
    const checked = checkedFile('upload', req.file, t);
    if ('problems' in checked) return this.renderForm(res, actor, period, chosen, checked.problems);
    const { file } = checked;

    try {
      const { result, stored } = await this.returns.importReturnsListed(chosen, uploadOf(undefined, undefined, file)!, false, actor);
      res.render('returns/uploaded.njk', { title: t('uploaded.title'), result, stored, period, fileName: file.originalname });
    } catch (error) {
      const refused = importRefusal('upload', error, t);
      if (!refused) throw error;
      return this.renderForm(res, actor, period, chosen, refused);
    }
  }

  /** The officer's template for one of their partnerships, as the API gives it (the policy refuses other partnerships with 403). */
  @Get(`${WEB_PATHS.template}/:partnershipId/:format`)
  async template(
    @Param('partnershipId', ParseUUIDPipe) partnershipId: string,
    @Param('format') format: string,
    @Query('period') period: unknown,
    @WebActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    if ((format !== 'csv' && format !== 'xlsx') || !isValidPeriod(period)) throw new NotFoundException();
    const file = await this.returns.template(partnershipId, { period }, actor, format);
    res.attachment(file.filename).type(file.contentType).send(file.body);
  }

  private async renderForm(res: Response, actor: Actor, period: string | undefined, chosen: string, problems: FormProblems): Promise<void> {
    const t = res.locals.t as Translate;
    res.render('returns/upload.njk', {
      title: t('upload.title'),
      backLink: period ? `${WEB_PATHS.returns}?period=${period}` : WEB_PATHS.returns,
      period,
      strategies: await this.strategiesOf(actor),
      chosen,
      ...problems,
    });
  }

  /** The strategies of the targets the officer's partnerships lead: where their returns go. */
  private async strategiesOf(actor: Actor): Promise<StrategyChoice[]> {
    const ids = new Set<string>();
    for (const partnershipId of actor.partnershipIds) {
      const page = await this.assignments.listForPartnership(partnershipId, { page: 1, pageSize: 200, role: 'lead', status: 'active' });
      for (const a of page.items) ids.add(a.target.id);
    }
    const strategyIds = new Set((await Promise.all([...ids].map((id) => this.targets.get(id)))).map((target) => target.strategyId));
    const strategies = await Promise.all([...strategyIds].map((id) => this.strategies.find(id)));
    return strategies.map((s) => ({ id: s.id, title: s.title })).sort((a, b) => a.title.localeCompare(b.title));
  }
}

function backPeriod(period: unknown): string | undefined {
  return isValidPeriod(period) ? period : undefined;
}
