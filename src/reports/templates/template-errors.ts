/** A template file that cannot be used: the message names the file and every problem found. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';

  constructor(
    /** As shown to people: `templates/quarterly-board.yaml`. */
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Report template ${file} is invalid: ${problems.join('; ')}`);
  }
}

/** No template of that name; callers turn this into a 400 naming it. */
export class UnknownTemplateError extends Error {
  override readonly name = 'UnknownTemplateError';

  constructor(
    readonly template: string,
    readonly available: readonly string[],
  ) {
    const known = available.length > 0 ? available.join(', ') : 'none';
    super(`Unknown report template ${JSON.stringify(template)}; available templates: ${known}`);
  }
}
