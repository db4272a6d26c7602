import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, type FieldError } from '../../common/api-errors';
import type { Translate } from '../i18n/i18n';
import { FormProblems, toProblems } from './form-errors';

/**
 * Checks a set-up form against the API's own request DTO, so a page takes exactly what the API
 * takes (no second copy of the rules). Each failing field gets the page's words for it,
 * `${prefix}.${field}` in the catalogue, naming what to enter; nested fields such as
 * `milestones.2.value` are shown against their form field (`milestones`).
 */
export function checkDto<T extends object>(
  cls: new () => T,
  input: Record<string, unknown>,
  prefix: string,
  t: Translate,
  order: readonly string[],
  alias: Record<string, string> = {},
): { dto: T; problems: FormProblems } {
  const dto = plainToInstance(cls, input);
  const errors = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidUnknownValues: false })).map((e) => renamed(e, alias));
  return { dto, problems: toProblems(sortByForm(errors, order).map((e) => ({ field: fieldOf(e), key: `${prefix}.${fieldOf(e)}` })), t) };
}

/** A nested DTO field shown as its own form field (`accountableOfficer.email` → `officerEmail`). */
function renamed(error: FieldError, alias: Record<string, string>): FieldError {
  const [first, second] = error.field.split('.');
  const to = alias[`${first}.${second}`] ?? alias[first];
  return to ? { ...error, field: to } : error;
}

/**
 * A refusal from a service (a domain rule: 409 or 422 naming fields) as form problems: the field
 * named, the service's own reason shown. Null for any other error, which the caller rethrows.
 */
export function serviceProblems(error: unknown, t: Translate, order: readonly string[], alias: Record<string, string> = {}): FormProblems | null {
  if (!(error instanceof UnprocessableEntityException) && !(error instanceof ConflictException)) return null;
  const body = error.getResponse() as { message?: string; errors?: FieldError[] };
  const errors = (body.errors?.length ? body.errors : [{ field: order[0], message: body.message ?? error.message }]).map((e) => renamed(e, alias));
  return toProblems(
    sortByForm(errors, order).map((e) => ({ field: order.includes(fieldOf(e)) ? fieldOf(e) : order[0], key: 'setupCommon.refused', options: { message: e.message } })),
    t,
  );
}

/** The first segment of a field path (`supportingPartnershipIds.1` → `supportingPartnershipIds`). */
function fieldOf(error: FieldError): string {
  return error.field.split('.')[0];
}

function sortByForm(errors: FieldError[], order: readonly string[]): FieldError[] {
  const rank = (e: FieldError) => (order.includes(fieldOf(e)) ? order.indexOf(fieldOf(e)) : order.length);
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

/** Posted form fields as the strings typed ('' for absent or repeated fields). */
export function fields(body: unknown, names: readonly string[]): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, typeof source[name] === 'string' ? (source[name] as string) : '']));
}

/** A posted checkbox group: always a list of strings. */
export function list(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** A typed number for the DTO to check: a number when it reads as one, else the text (refused as "not a number"), null when empty. */
export function numberOrText(value: string): number | string | null {
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
}

/** Empty optional text is "not given", as the API's null. */
export function orNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** A GOV.UK date input (`name-day`, `name-month`, `name-year`) as the API's YYYY-MM-DD, or the typed text for the DTO to refuse. */
export function dateOf(body: unknown, name: string): string {
  const v = fields(body, [`${name}-day`, `${name}-month`, `${name}-year`]);
  const [day, month, year] = [v[`${name}-day`].trim(), v[`${name}-month`].trim(), v[`${name}-year`].trim()];
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return `${year}-${month}-${day}`;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** YYYY-MM-DD split for a GOV.UK date input's three boxes. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { year: m[1], month: String(Number(m[2])), day: String(Number(m[3])) } : { day: '', month: '', year: '' };
}
