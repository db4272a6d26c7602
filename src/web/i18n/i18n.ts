import i18next from 'i18next';
import { cy } from './cy';
import { en } from './en';
import { LANGUAGES, type Language } from '../../domain/language';

/**
 * Languages offered. The Welsh catalogue is typed as the English one, so it has every key: each page is whole in
 * one language and `<html lang>` is always that language (no English fallback is needed under `lang="cy"`).
 */
export { LANGUAGES, type Language } from '../../domain/language';

/** Every word of the web pages comes from these catalogues. */
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: en }, cy: { translation: cy } },
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface WebI18n {
  t: Translate;
}

const cache = new Map<Language, WebI18n>();

export function i18nFor(lang: Language): WebI18n {
  let found = cache.get(lang);
  if (!found) {
    const fixed = instance.getFixedT(lang);
    const t: Translate = (key, options) => String(fixed(key, options ?? {}));
    found = { t };
    cache.set(lang, found);
  }
  return found;
}
