import { HttpException } from '@nestjs/common';
import type { Translate } from '../i18n/i18n';
import type { FormProblems } from './form-errors';

/**
 * The spreadsheet upload pages (an officer's returns, a coordinator's target import) share one
 * way of answering a bad file: the same checks before the file is read, and the service's
 * refusal (every row and column) as the error summary, all pointing at the file field. Each page
 * has its own wording, the catalogue section named by `messages` (`upload`, `targetImport`),
 * whose `errors` hold the keys used here.
 */

/** What multer leaves in the request for the page to read. */
export interface UploadedFile {
  originalname: string;
  size: number;
}

/** One problem on one field, for the error summary and the field. */
export function fieldProblem(text: string, field = 'file'): FormProblems {
  const error = { text, href: `#${field}` };
  return { errors: [error], fieldErrors: { [field]: { text } } };
}

/**
 * The file in the request, or why it cannot be used before it is read: none was chosen, it is
 * empty, or its name ends neither `.csv` nor `.xlsx`.
 */
export function checkedFile<F extends UploadedFile>(messages: string, file: F | undefined, t: Translate): { file: F } | { problems: FormProblems } {
  const problem = (key: string) => ({ problems: fieldProblem(t(`${messages}.errors.${key}`)) });
  if (!file) return problem('missing');
  if (file.size === 0) return problem('empty');
  if (!/\.(csv|xlsx)$/i.test(file.originalname)) return problem('type');
  return { file };
}

/**
 * multer's refusal of the request, or null: the file was too big, or the upload broke off
 * (web-setup.ts records multer's code in `res.locals.uploadError`). Checked first, as the form's
 * other fields may not have arrived.
 */
export function multerProblem(messages: string, uploadError: unknown, t: Translate): FormProblems | null {
  if (typeof uploadError !== 'string' || !uploadError) return null;
  return fieldProblem(t(`${messages}.errors.${uploadError === 'LIMIT_FILE_SIZE' ? 'tooBig' : 'unreadable'}`));
}

/**
 * An import's refusal (400 or 422, as the API answers it) as the error summary: one line per
 * row and column, all pointing at the file field, which says nothing was stored. Null for any
 * other error, which the page lets through.
 */
export function importRefusal(messages: string, error: unknown, t: Translate): FormProblems | null {
  if (!(error instanceof HttpException) || (error.getStatus() !== 400 && error.getStatus() !== 422)) return null;
  const body = error.getResponse() as { message?: string; errors?: { row?: number; column?: string; message: string }[] };
  const lines = (typeof body === 'object' ? (body.errors ?? []) : []).map((e) =>
    e.row !== undefined ? t(`${messages}.errors.row`, { row: e.row, column: e.column ?? '', message: e.message }) : t(`${messages}.errors.file`, { message: e.message }),
  );
  if (!lines.length) lines.push(t(`${messages}.errors.file`, { message: (typeof body === 'object' ? body.message : undefined) ?? error.message }));
  return {
    errors: lines.map((line) => ({ text: line, href: '#file' })),
    fieldErrors: { file: { text: t(`${messages}.errors.nothingStored`, { count: lines.length }) } },
  };
}
