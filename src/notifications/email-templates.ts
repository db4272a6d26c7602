import { Injectable } from '@nestjs/common';
import { Environment, FileSystemLoader } from 'nunjucks';
import { resolve } from 'node:path';
import type { Language } from '../domain/language';
import type { NotificationKind } from '../domain/reminders';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Macro = (data: Record<string, unknown>) => unknown;

/**
 * The words of every email, from templates/email/<language>/<kind>.njk. Each template exports
 * three macros, subject, text and html; the text and subject come from an environment that does
 * not escape (plain text), the HTML from one that does, so a reason typed with "<" or "&" is
 * shown as typed in both.
 */
@Injectable()
export class EmailTemplates {
  private readonly text: Environment;
  private readonly html: Environment;

  constructor(directory = resolve(process.cwd(), 'templates/email')) {
    this.text = new Environment(new FileSystemLoader(directory), { autoescape: false, throwOnUndefined: true });
    this.html = new Environment(new FileSystemLoader(directory), { autoescape: true, throwOnUndefined: true });
  }

  async render(kind: NotificationKind, language: Language, data: Record<string, unknown>): Promise<RenderedEmail> {
    const name = `${language}/${kind}.njk`;
    const [plain, rich] = await Promise.all([exported(this.text, name), exported(this.html, name)]);
    return {
      subject: String(plain.subject(data)).replace(/\s+/g, ' ').trim(),
      text: `${String(plain.text(data)).trim().replace(/\n{3,}/g, '\n\n')}\n`,
      html: String(rich.html(data)).trim(),
    };
  }
}

function exported(env: Environment, name: string): Promise<Record<'subject' | 'text' | 'html', Macro>> {
  return new Promise((ok, fail) =>
    // getExported is nunjucks' way to read a template's macros; @types/nunjucks leaves it out.
    (env.getTemplate(name, true) as unknown as { getExported(ctx: object, cb: (error: Error | null, result: unknown) => void): void }).getExported({}, (error, result) =>
      error ? fail(error) : ok(result as Record<'subject' | 'text' | 'html', Macro>),
    ),
  );
}
