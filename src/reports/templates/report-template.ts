/**
 * Report templates: YAML files in the repository's `templates/` folder that choose and order the
 * sections of a board pack and supply its title, words, colours and logo. They are checked in
 * full when loaded, so a bad file is reported with every problem and its name, not half-rendered.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve, sep } from 'node:path';
import * as yaml from 'js-yaml';
import { contrastRatio, isHexColour, normaliseHex, WHITE } from './colours';
import { TemplateError, UnknownTemplateError } from './template-errors';
import { compileTemplateText, type TemplateText, templateTextProblems } from './template-text';

export const SECTION_IDS = [
  'cover',
  'executive-summary',
  'themes',
  'exceptions',
  'forecasts',
  'missing-returns',
  'accountability',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface ReportColours {
  /** Cover band, headings and table headers; white text sits on it. */
  primary: string;
  /** Rules and highlights. */
  accent: string;
  /** Body text. */
  text: string;
}

/** The words a template supplies in one language. */
export interface TemplateWords {
  title: string;
  intro: TemplateText;
  closing: TemplateText;
}

export interface ReportTemplate {
  name: string;
  /** The report's title, on the cover and in every page header. */
  title: string;
  sections: readonly SectionId[];
  intro: TemplateText;
  closing: TemplateText;
  colours: ReportColours;
  /** Absolute path of a PNG or JPEG inside the templates folder. */
  logo: string | null;
  /**
   * The Welsh title, intro and closing (the `cy:` block), used when the strategy's pack is in Welsh;
   * null when the template has none. The top-level title, intro and closing are English.
   */
  cy: TemplateWords | null;
  /** As shown to people: `templates/quarterly-board.yaml`. */
  file: string;
}

const NAME = /^[a-z0-9-]+$/;
const EXTENSION = '.yaml';
const REQUIRED_KEYS = ['name', 'title', 'sections', 'intro', 'closing', 'colours'] as const;
const OPTIONAL_KEYS = ['logo', 'language', 'cy'] as const;
const WORD_KEYS = ['title', 'intro', 'closing'] as const;
const COLOUR_KEYS = ['primary', 'accent', 'text'] as const;

/**
 * WCAG AA: 4.5:1 for text (body text on white, white text on the primary colour), 3:1 for graphics
 * such as the accent rules.
 */
const MINIMUM_CONTRAST: Record<keyof ReportColours, number> = { primary: 4.5, accent: 3, text: 4.5 };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

function unknownKeys(raw: Raw, allowed: readonly string[], where: string): string[] {
  return Object.keys(raw)
    .filter((key) => !allowed.includes(key))
    .map((key) => `unknown key ${JSON.stringify(key)} in ${where} (allowed: ${allowed.join(', ')})`);
}

function parseYaml(source: string): { raw?: unknown; problem?: string } {
  try {
    return { raw: yaml.load(source, { schema: yaml.CORE_SCHEMA }) };
  } catch (e) {
    if (!(e instanceof yaml.YAMLException)) throw e;
    const at = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    return { problem: `invalid YAML${at}: ${e.reason}` };
  }
}

class TemplateReader {
  readonly problems: string[] = [];

  constructor(
    private readonly raw: Raw,
    private readonly name: string,
    private readonly dir: string,
  ) {}

  private string(key: string): string | undefined {
    const value = this.value(key);
    if (typeof value === 'string') return value;
    this.problems.push(`${key} must be text, not ${describeType(value)}`);
    return undefined;
  }

  /** `cy.title` reads `title` inside the `cy:` block. */
  private value(key: string): unknown {
    const [outer, inner] = key.split('.');
    if (inner === undefined) return this.raw[outer];
    const block = this.raw[outer];
    return isRecord(block) ? block[inner] : undefined;
  }

  private has(key: string): boolean {
    const [outer, inner] = key.split('.');
    if (inner === undefined) return outer in this.raw;
    const block = this.raw[outer];
    return isRecord(block) && inner in block;
  }

  checkKeys(): void {
    for (const key of REQUIRED_KEYS) {
      if (!(key in this.raw)) this.problems.push(`missing required key ${JSON.stringify(key)}`);
    }
    this.problems.push(...unknownKeys(this.raw, [...REQUIRED_KEYS, ...OPTIONAL_KEYS], 'the template'));
  }

  templateName(): void {
    if (!('name' in this.raw)) return;
    const name = this.string('name');
    if (name !== undefined && name !== this.name) {
      this.problems.push(`name ${JSON.stringify(name)} must match the file name (${JSON.stringify(this.name)})`);
    }
  }

  title(key: 'title' | 'cy.title' = 'title'): string {
    if (!this.has(key)) return '';
    const title = this.string(key)?.trim();
    if (title === '') this.problems.push(`${key} must not be empty`);
    return title ?? '';
  }

  sections(): SectionId[] {
    if (!('sections' in this.raw)) return [];
    const value = this.raw.sections;
    if (!Array.isArray(value) || value.length === 0) {
      this.problems.push(`sections must be a non-empty list of: ${SECTION_IDS.join(', ')}`);
      return [];
    }
    const seen = new Set<unknown>();
    value.forEach((id, i) => {
      if (!(SECTION_IDS as readonly unknown[]).includes(id)) {
        this.problems.push(
          `sections[${i}]: unknown section ${JSON.stringify(id)} (known sections: ${SECTION_IDS.join(', ')})`,
        );
      } else if (seen.has(id)) {
        this.problems.push(`sections[${i}]: ${String(id)} is listed more than once`);
      }
      seen.add(id);
    });
    return value as SectionId[];
  }

  text(key: 'intro' | 'closing' | 'cy.intro' | 'cy.closing', file: string): TemplateText | undefined {
    if (!this.has(key)) return undefined;
    const source = this.string(key);
    if (source === undefined) return undefined;
    const problems = templateTextProblems(key, source);
    this.problems.push(...problems);
    return problems.length === 0 ? compileTemplateText(source, { file, field: key }) : undefined;
  }

  colours(): ReportColours {
    const fallback: ReportColours = { primary: '#000000', accent: '#000000', text: '#000000' };
    if (!('colours' in this.raw)) return fallback;
    const value = this.raw.colours;
    if (!isRecord(value)) {
      this.problems.push(`colours must be a mapping of ${COLOUR_KEYS.join(', ')}, not ${describeType(value)}`);
      return fallback;
    }
    this.problems.push(...unknownKeys(value, COLOUR_KEYS, 'colours'));
    const colours = { ...fallback };
    for (const key of COLOUR_KEYS) {
      const colour = value[key];
      if (colour === undefined) {
        this.problems.push(`colours.${key} is missing`);
      } else if (!isHexColour(colour)) {
        this.problems.push(`colours.${key} must be a hex colour such as "#1d3f6e", not ${JSON.stringify(colour)}`);
      } else {
        colours[key] = normaliseHex(colour);
        const ratio = contrastRatio(colours[key], WHITE);
        if (ratio < MINIMUM_CONTRAST[key]) {
          this.problems.push(
            `colours.${key} ${colour} has a contrast of ${ratio.toFixed(1)}:1 against white; ` +
              `at least ${MINIMUM_CONTRAST[key]}:1 is needed`,
          );
        }
      }
    }
    return colours;
  }

  logo(): string | null {
    if (!('logo' in this.raw)) return null;
    const logo = this.string('logo');
    if (logo === undefined) return null;
    const path = resolve(this.dir, logo);
    if (isAbsolute(logo) || !path.startsWith(resolve(this.dir) + sep)) {
      this.problems.push(`logo ${JSON.stringify(logo)} must be a path inside the templates folder`);
    } else if (!existsSync(path) || !statSync(path).isFile()) {
      this.problems.push(`logo file ${JSON.stringify(logo)} does not exist`);
    } else if (!isPngOrJpeg(path)) {
      this.problems.push(`logo ${JSON.stringify(logo)} must be a PNG or JPEG image`);
    }
    return path;
  }

  /**
   * Kept for templates written when a template declared its own language: the top-level words are
   * English now (the pack's language is the strategy's), so only an English tag is accepted.
   */
  language(): void {
    if (!('language' in this.raw)) return;
    const language = this.string('language');
    if (language !== undefined && !/^en(-[A-Za-z]{2})?$/.test(language)) {
      this.problems.push(
        `language ${JSON.stringify(language)}: the top-level title, intro and closing are English; ` +
          'give Welsh words under "cy:" (title, intro, closing). A pack is in its strategy\'s language',
      );
    }
  }

  /** The `cy:` block: all three words, or none. */
  welsh(file: string): TemplateWords | null {
    if (!('cy' in this.raw)) return null;
    const block = this.raw.cy;
    if (!isRecord(block)) {
      this.problems.push(`cy must be a mapping of ${WORD_KEYS.join(', ')}, not ${describeType(block)}`);
      return null;
    }
    this.problems.push(...unknownKeys(block, WORD_KEYS, 'cy'));
    const missing = WORD_KEYS.filter((key) => !(key in block));
    missing.forEach((key) => this.problems.push(`cy.${key} is missing: a Welsh pack needs its title, intro and closing`));
    const words = { title: this.title('cy.title'), intro: this.text('cy.intro', file), closing: this.text('cy.closing', file) };
    return missing.length === 0 && words.intro && words.closing ? { title: words.title, intro: words.intro, closing: words.closing } : null;
  }
}

function isPngOrJpeg(path: string): boolean {
  const head = readFileSync(path).subarray(0, PNG_SIGNATURE.length);
  return head.equals(PNG_SIGNATURE) || head.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE);
}

/** Reads and checks one template file; throws TemplateError listing every problem. */
function loadReportTemplate(path: string): ReportTemplate {
  const dir = resolve(path, '..');
  const name = basename(path, EXTENSION);
  const file = join(basename(dir), basename(path));
  const { raw, problem } = parseYaml(readFileSync(path, 'utf8'));
  if (problem) throw new TemplateError(file, [problem]);
  if (!isRecord(raw)) throw new TemplateError(file, [`the file must hold a mapping of keys, not ${describeType(raw)}`]);

  const reader = new TemplateReader(raw, name, dir);
  reader.checkKeys();
  reader.templateName();
  reader.language();
  const template: ReportTemplate = {
    name,
    title: reader.title(),
    sections: reader.sections(),
    intro: reader.text('intro', file) as TemplateText,
    closing: reader.text('closing', file) as TemplateText,
    colours: reader.colours(),
    logo: reader.logo(),
    cy: reader.welsh(file),
    file,
  };
  if (reader.problems.length > 0) throw new TemplateError(file, reader.problems);
  return template;
}

/** The templates of one folder, looked up by name. */
export class ReportTemplates {
  constructor(private readonly dir: string) {}

  /** Names of the templates in the folder, sorted. */
  list(): string[] {
    return readdirSync(this.dir)
      .filter((entry) => entry.endsWith(EXTENSION) && NAME.test(basename(entry, EXTENSION)))
      .map((entry) => basename(entry, EXTENSION))
      .sort();
  }

  /** Read afresh on every call so that an edited template applies to the next report without a restart. */
  get(name: string): ReportTemplate {
    if (!NAME.test(name) || !this.list().includes(name)) throw new UnknownTemplateError(name, this.list());
    return loadReportTemplate(join(this.dir, `${name}${EXTENSION}`));
  }
}
