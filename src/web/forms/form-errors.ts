import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Translate } from '../i18n/i18n';

/** One problem, as the GOV.UK error summary lists it and the field shows it. */
export interface SummaryError {
  text: string;
  href: string;
}

export interface FormProblems {
  /** For the error summary, in the order of the form's fields. */
  errors: SummaryError[];
  /** For each field's inline error message. */
  fieldErrors: Record<string, { text: string }>;
}

export const NO_PROBLEMS: FormProblems = { errors: [], fieldErrors: {} };

/**
 * Validates a posted form against a form class whose constraint messages are catalogue keys,
 * the first problem of each field only, as the Design System asks.
 */
export function checkForm<T extends object>(cls: new () => T, body: unknown, t: Translate): { form: T; problems: FormProblems } {
  const form = plainToInstance(cls, (body ?? {}) as object);
  const problems = validateSync(form, { stopAtFirstError: true, forbidUnknownValues: false });
  return { form, problems: toProblems(problems.map((e) => ({ field: e.property, key: Object.values(e.constraints ?? {})[0] ?? '' })), t) };
}

export function toProblems(list: { field: string; key: string; options?: Record<string, unknown> }[], t: Translate): FormProblems {
  const out: FormProblems = { errors: [], fieldErrors: {} };
  for (const { field, key, options } of list) {
    if (out.fieldErrors[field]) continue;
    const text = t(key, options);
    out.errors.push({ text, href: `#${field}` });
    out.fieldErrors[field] = { text };
  }
  return out;
}

/** A text field as posted: a string, or '' for anything else (absent, repeated). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
