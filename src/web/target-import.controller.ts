import { Controller, Get, HttpCode, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/roles';
import { ReturnsService } from '../returns/returns.service';
import { TargetImportService } from '../returns/target-import.service';
import { SheetUpload, uploadOf } from '../returns/upload';
import { CoordinatorScope, CoordinatorScopes } from './coordinator-scope';
import { FormProblems, NO_PROBLEMS, text } from './forms/form-errors';
import { checkedFile, fieldProblem, importRefusal, multerProblem } from './forms/upload-form';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

/** Base64 of this many bytes stays under multer's 1 MB limit for a field. */
const MAX_CHECKED_BYTES = 700_000;

/**
 * "Import targets from a spreadsheet": the file goes to TargetImportService, as the API's
 * import, with the signed-in coordinator as the actor; its refusal (every row and column) is the
 * error summary, and nothing is stored.
 */
@ApiExcludeController()
@SignedIn('coordinator')
@Controller()
export class TargetImportPageController {
  constructor(
    private readonly scopes: CoordinatorScopes,
    private readonly imports: TargetImportService,
    private readonly returns: ReturnsService,
  ) {}

  @Get(WEB_PATHS.targetImport)
  async form(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    this.renderForm(res, await this.scopes.read(query), NO_PROBLEMS);
  }

  /** The strategy's targets as the API's targets.csv: the file to edit and import back. */
  @Get(`${WEB_PATHS.targetImport}/targets.csv`)
  async export(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const scope = await this.scopes.read(query);
    if (!scope.strategy) throw new NotFoundException();
    const file = await this.returns.exportTargets(scope.strategy.id);
    res.attachment(file.filename).type('text/csv; charset=utf-8').send(file.csv);
  }

  /**
   * Two steps, as "check your answers": the uploaded file is checked (a dry run of the import)
   * and its rows listed; confirming posts the same bytes back from a hidden field, and the
   * import runs for real, checking every row again. Nothing is kept on the server in between.
   * A file too big for the hidden field (multer's 1 MB field limit) is imported at once.
   */
  @Post(WEB_PATHS.targetImport)
  @HttpCode(200)
  async upload(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const scope = await this.scopes.read(body);
    const multer = multerProblem('targetImport', res.locals.uploadError, t);
    if (multer) return this.renderForm(res, scope, multer);
    if (!scope.strategy) return this.renderForm(res, scope, NO_PROBLEMS);

    const confirmed = typeof body.content === 'string';
    let upload: SheetUpload;
    let name: string;
    if (confirmed) {
      const content = Buffer.from(body.content as string, 'base64');
      name = text(body.name).slice(0, 200) || 'targets';
      if (content.length === 0) return this.renderForm(res, scope, fieldProblem(t('targetImport.errors.expired')));
      upload = { format: body.format === 'xlsx' ? 'xlsx' : 'csv', bytes: content };
    } else {
      const checked = checkedFile('targetImport', req.file, t);
      if ('problems' in checked) return this.renderForm(res, scope, checked.problems);
      upload = uploadOf(undefined, undefined, checked.file)!;
      name = checked.file.originalname;
    }
    const store = confirmed || upload.bytes.length > MAX_CHECKED_BYTES;

    try {
      const result = await this.imports.importTargets(scope.strategy.id, upload, !store, actor);
      if (store) return res.render('target-import/done.njk', { title: t('targetImport.doneTitle'), result, fileName: name, strategy: scope.strategy });
      res.render('target-import/check.njk', {
        title: t('targetImport.checkedTitle'),
        backLink: `${WEB_PATHS.targetImport}?strategy=${scope.strategy.id}`,
        result,
        fileName: name,
        strategy: scope.strategy,
        content: upload.bytes.toString('base64'),
        format: upload.format,
      });
    } catch (error) {
      const refused = importRefusal('targetImport', error, t);
      if (!refused) throw error;
      return this.renderForm(res, scope, refused);
    }
  }

  private renderForm(res: Response, scope: CoordinatorScope, problems: FormProblems): void {
    const t = res.locals.t as Translate;
    res.render('target-import/form.njk', { title: t('targetImport.title'), ...scope, ...problems });
  }
}
