/**
 * Checks on a JSON request body's raw bytes, before it is parsed: a limit on how deeply it may
 * nest, so class-transformer and class-validator (both recursive) never see a body that could
 * exhaust the stack (no request of this API nests more than a few levels); no escapes for half
 * a surrogate pair, which are not text and make some validators throw; no NUL characters.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/** What is wrong with a JSON text that the parser would accept, if anything. */
export type JsonProblem = 'too-deep' | 'unpaired-surrogate' | 'nul-character';

const U = 0x75; // u
const hexAt = (at: (i: number) => number, i: number): number => {
  let value = 0;
  for (let k = 0; k < 4; k++) {
    const c = at(i + k);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
};
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * Checks JSON text in one pass, without recursion: objects/arrays nested deeper than `limit`,
 * `\uD800`-style escapes that leave half a surrogate pair (not Unicode text; validators such as
 * isEmail throw on it), and `\u0000` (PostgreSQL cannot store NUL in text). Brackets inside
 * strings do not count. Bytes of multi-byte UTF-8 characters are never ASCII, so raw UTF-8
 * bytes can be scanned as they are.
 */
export function inspectJson(body: Buffer | string, limit = MAX_JSON_DEPTH): JsonProblem | undefined {
  const text = typeof body === 'string' ? body : undefined;
  const length = body.length;
  const at = text === undefined ? (i: number) => (body as Buffer)[i] ?? -1 : (i: number) => (i < length ? text.charCodeAt(i) : -1);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = at(i);
    if (inString) {
      if (c === QUOTE) {
        inString = false;
      } else if (c === BACKSLASH) {
        if (at(i + 1) === U) {
          const unit = hexAt(at, i + 2);
          if (isHigh(unit)) {
            const next = at(i + 6) === BACKSLASH && at(i + 7) === U ? hexAt(at, i + 8) : -1;
            if (!isLow(next)) return 'unpaired-surrogate';
            i += 11;
          } else if (isLow(unit)) {
            return 'unpaired-surrogate';
          } else if (unit === 0) {
            return 'nul-character';
          } else {
            i += 5;
          }
        } else {
          i++;
        }
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPEN.has(c)) {
      if (++depth > limit) return 'too-deep';
    } else if (CLOSE.has(c)) {
      depth--;
    }
  }
  return undefined;
}

/** Whether JSON text nests objects/arrays deeper than `limit`. */
export function jsonDepthExceeds(body: Buffer | string, limit = MAX_JSON_DEPTH): boolean {
  return inspectJson(body, limit) === 'too-deep';
}

/** An error body-parser passes on as a 400 (its `status` is kept) with this message. */
export class UnacceptableJsonError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly type: string,
  ) {
    super(message);
  }
}

/**
 * body-parser's `verify` hook for JSON: refuses a body nested deeper than `limit`, or with text
 * that is not Unicode, before it is parsed.
 */
export function refuseUnsafeJson(limit = MAX_JSON_DEPTH) {
  return (_req: unknown, _res: unknown, buffer: Buffer, encoding: string | null): void => {
    const utf8 = !encoding || /^utf-?8$/i.test(encoding);
    const problem = inspectJson(utf8 ? buffer : new TextDecoder(encoding).decode(buffer), limit);
    if (problem === 'too-deep') {
      throw new UnacceptableJsonError(`JSON body is nested more than ${limit} levels deep`, 'entity.too.deep');
    }
    if (problem === 'nul-character') {
      throw new UnacceptableJsonError('JSON body contains a NUL character (\\u0000), which text cannot hold', 'entity.nul.character');
    }
    if (problem === 'unpaired-surrogate') {
      throw new UnacceptableJsonError(
        'JSON body contains a \\u escape for half of a surrogate pair (such as \\ud800), which is not a character',
        'entity.not.unicode',
      );
    }
  };
}
