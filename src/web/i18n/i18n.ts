import i18next from 'i18next';
import { en } from './en';

/** Languages offered. Welsh joins when its catalogue covers the officer's journey (a page never mixes languages under one `lang`). */
export const LANGUAGES = ['en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every word of the web pages comes from these catalogues. */
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface WebI18n {
  t: Translate;
  /** January … December, for the quarters shown in words. */
  months: string[];
}

const cache = new Map<Language, WebI18n>();

export function i18nFor(lang: Language): WebI18n {
  let found = cache.get(lang);
  if (!found) {
    const fixed = instance.getFixedT(lang);
    const t: Translate = (key, options) => String(fixed(key, options ?? {}));
    found = { t, months: instance.t('period.months', { lng: lang, returnObjects: true }) as unknown as string[] };
    cache.set(lang, found);
  }
  return found;
}
