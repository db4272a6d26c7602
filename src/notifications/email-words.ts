import type { Language } from '../domain/language';
import { periodLongLabel } from '../domain/period';
import { cy } from '../web/i18n/cy';
import { en } from '../web/i18n/en';

const CATALOGUES = { en, cy } as const;

/** "2025/26 Q4 (January to March 2026)" in the recipient's language, as the web pages write it. */
export function quarterLabel(period: string, language: Language): string {
  return periodLongLabel(period, language);
}

/** 2026-04-30 → "30 April 2026" / "30 Ebrill 2026". */
export function formatDay(iso: string, language: Language): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day} ${CATALOGUES[language].period.months[month - 1]} ${year}`;
}

/** An absolute link to a web page, for emails. */
export function webLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
