import { Controller, Get, HttpCode, HttpException, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/roles';
import { ReturnsService } from '../returns/returns.service';
import { TargetImportService } from '../returns/target-import.service';
import { SheetUpload, uploadOf } from '../returns/upload';
import { CoordinatorScope, CoordinatorScopes } from './coordinator-scope';
import { FormProblems, NO_PROBLEMS, text } from './forms/form-errors';
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
    const problem = (key: string): FormProblems => {
      const error = { text: t(key), href: '#file' };
      return { errors: [error], fieldErrors: { file: { text: error.text } } };
    };
    const uploadError = res.locals.uploadError as string | undefined;
    if (uploadError) return this.renderForm(res, scope, problem(uploadError === 'LIMIT_FILE_SIZE' ? 'targetImport.errors.tooBig' : 'targetImport.errors.unreadable'));
    if (!scope.strategy) return this.renderForm(res, scope, NO_PROBLEMS);

    const confirmed = typeof body.content === 'string';
    let upload: SheetUpload;
    let name: string;
    if (confirmed) {
      const content = Buffer.from(body.content as string, 'base64');
      name = text(body.name).slice(0, 200) || 'targets';
      if (content.length === 0) return this.renderForm(res, scope, problem('targetImport.errors.expired'));
      upload = { format: body.format === 'xlsx' ? 'xlsx' : 'csv', bytes: content };
    } else {
      const file = req.file;
      if (!file || file.size === 0) return this.renderForm(res, scope, problem(file ? 'targetImport.errors.empty' : 'targetImport.errors.missing'));
      if (!/\.(csv|xlsx)$/i.test(file.originalname)) return this.renderForm(res, scope, problem('targetImport.errors.type'));
      upload = uploadOf(undefined, undefined, file)!;
      name = file.originalname;
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
      if (error instanceof HttpException && (error.getStatus() === 400 || error.getStatus() === 422)) return this.renderForm(res, scope, this.fileProblems(error, t));
      throw error;
    }
  }

  private renderForm(res: Response, scope: CoordinatorScope, problems: FormProblems): void {
    const t = res.locals.t as Translate;
    res.render('target-import/form.njk', { title: t('targetImport.title'), ...scope, ...problems });
  }

  /** The import's refusal as the error summary: one line per row and column, each pointing at the file field. */
  private fileProblems(error: HttpException, t: Translate): FormProblems {
    const body = error.getResponse() as { message?: string; errors?: { row?: number; column?: string; message: string }[] };
    const lines = (body.errors ?? []).map((e) =>
      e.row !== undefined ? t('targetImport.errors.row', { row: e.row, column: e.column ?? '', message: e.message }) : t('targetImport.errors.file', { message: e.message }),
    );
    if (!lines.length) lines.push(t('targetImport.errors.file', { message: body.message ?? error.message }));
    return { errors: lines.map((line) => ({ text: line, href: '#file' })), fieldErrors: { file: { text: t('targetImport.errors.nothingStored') } } };
  }
}
