import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cy } from './cy';
import { en } from './en';
import { i18nFor } from './i18n';

type Tree = { [key: string]: unknown };

/** Every leaf of a catalogue as dotted key → value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of leaves(value as Tree, path)) found.set(k, v);
    } else found.set(path, value);
  }
  return found;
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function files(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ending) : path.endsWith(ending) ? [path] : [];
  });
}

/** The keys the pages ask for by name: t("a.b") in the templates and t('a.b') in the controllers. */
function keysUsedByPages(): string[] {
  const root = join(__dirname, '..', '..', '..');
  const sources = [...files(join(root, 'views'), '.njk'), ...files(join(root, 'src', 'web'), '.ts').filter((f) => !f.includes('/i18n/'))];
  const keys = new Set<string>();
  for (const file of sources) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*["']([\w.-]+)["']/g)) keys.add(m[1]);
  }
  // "rag." + state and the like are whole groups, checked by the first test.
  return [...keys].filter((key) => !key.endsWith('.')).sort();
}

describe('the Welsh catalogue', () => {
  const english = leaves(en);
  const welsh = leaves(cy);

  it('has every key of the English one, so no page mixes languages under lang="cy"', () => {
    const missing = [...english.keys()].filter((key) => !welsh.has(key));
    expect(missing).toEqual([]);
    const empty = [...welsh].filter(([, value]) => (Array.isArray(value) ? value.some((v) => !v) : !String(value).trim()));
    expect(empty).toEqual([]);
  });

  it('answers in Welsh every key the pages ask for by name, with the same placeholders', () => {
    const used = keysUsedByPages();
    expect(used).toEqual(expect.arrayContaining(['signIn.email', 'returnForm.saveDraft', 'check.submit', 'submitted.title']));
    for (const key of used) {
      expect({ key, english: english.has(key) }).toEqual({ key, english: true });
      expect({ key, welsh: welsh.has(key) }).toEqual({ key, welsh: true });
      expect({ key, placeholders: placeholders(welsh.get(key)) }).toEqual({ key, placeholders: placeholders(english.get(key)) });
    }
  });

  it('is not English copied across: the officer’s words differ', () => {
    const same = [...english].filter(([key, value]) => typeof value === 'string' && /[a-z]{3}/i.test(value.replace(/\{\{\w+\}\}/g, '')) && welsh.get(key) === value);
    expect(same).toEqual([]);
  });

  it('gives the Welsh words through i18next', () => {
    const { t } = i18nFor('cy');
    expect(t('signIn.email')).toBe('Cyfeiriad e-bost');
    expect(t('returnForm.saveDraft')).toBe('Cadw fel drafft');
    expect(t('returns.title', { quarter: 'Ch1' })).toBe('Eich ffurflenni ar gyfer Ch1');
    expect(i18nFor('en').t('signIn.email')).toBe('Email address');
  });
});
