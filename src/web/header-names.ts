import type { Language } from '../domain/language';
import { EnvironmentVariables } from '../config/env.validation';

const DEFAULTS = new EnvironmentVariables();

export interface HeaderNames {
  serviceName: string;
  organisationName: string;
}

type Words = { header: HeaderNames };
type Settings = Pick<EnvironmentVariables, 'SERVICE_NAME' | 'ORGANISATION_NAME' | 'SERVICE_NAME_CY' | 'ORGANISATION_NAME_CY'>;

/**
 * The names in the pages' header, in the page's language: a Welsh page must not carry an English
 * service name. A configured Welsh name wins; the defaults have their own translations in the
 * catalogues; a name a deployment set only in English stays as set (it is a proper name).
 */
export function headerNames(env: Settings, language: Language, words: Words): HeaderNames {
  const pick = (configured: string, welsh: string | undefined, fallback: string, translated: string): string => {
    if (language === 'cy' && welsh) return welsh;
    return configured === fallback ? translated : configured;
  };
  return {
    serviceName: pick(env.SERVICE_NAME, env.SERVICE_NAME_CY, DEFAULTS.SERVICE_NAME, words.header.serviceName),
    organisationName: pick(env.ORGANISATION_NAME, env.ORGANISATION_NAME_CY, DEFAULTS.ORGANISATION_NAME, words.header.organisationName),
  };
}
