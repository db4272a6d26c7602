/** Deadlines and forecasts in the words of the page's language, from the summary's facts. */
import type { Language } from '../domain/language';
import type { ForecastDto, MissingReturnDto } from '../summary/summary.dto';
import type { Translate } from './i18n/i18n';

const DAY_FORMATS = new Map<Language, Intl.DateTimeFormat>();

/** `30 October 2025` / `30 Hydref 2025`, read in UTC as deadlines are. */
export function dayLabel(lang: Language, iso: string): string {
  let format = DAY_FORMATS.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    DAY_FORMATS.set(lang, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

const days = (t: Translate, n: number) => t(n === 1 ? 'deadlines.day' : 'deadlines.days');

/** `16 days overdue`, `Due today`, `Due in 5 days` or `Due by 30 October 2025`. */
export function deadlineWords(t: Translate, lang: Language, m: Pick<MissingReturnDto, 'deadline' | 'deadlineState' | 'daysOverdue' | 'daysLeft'>): string {
  if (m.deadlineState === 'overdue') return t('deadlines.overdue', { count: m.daysOverdue, days: days(t, m.daysOverdue) });
  if (m.daysLeft === 0) return t('deadlines.dueToday');
  if (m.deadlineState === 'due-soon') return t('deadlines.dueIn', { count: m.daysLeft, days: days(t, m.daysLeft ?? 0) });
  return t('deadlines.dueBy', { date: dayLabel(lang, m.deadline) });
}

export function lateWords(t: Translate, daysLate: number): string {
  return t('deadlines.late', { count: daysLate, days: days(t, daysLate) });
}

/** The forecast's method in words: the count of figures and what was read where. */
export function forecastMethodWords(t: Translate, f: ForecastDto): string {
  if (f.method === 'actual') return t('forecasts.methodActual');
  if (f.method === 'least-squares') return t('forecasts.method', { count: f.pointsUsed });
  return t('forecasts.methodNone', { count: f.pointsUsed });
}
