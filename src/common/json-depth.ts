/**
 * A limit on how deeply a JSON request body may nest, enforced on the raw bytes before the body
 * is parsed, so class-transformer and class-validator (both recursive) never see a body that
 * could exhaust the stack. No request of this API nests more than a few levels.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/**
 * Whether JSON text nests objects/arrays deeper than `limit`. One pass, no recursion; brackets
 * inside strings do not count. Bytes of multi-byte UTF-8 characters are never ASCII, so the
 * scan works on the raw UTF-8 bytes; other encodings are decoded first.
 */
export function jsonDepthExceeds(body: Buffer | string, limit = MAX_JSON_DEPTH): boolean {
  const text = typeof body === 'string' ? body : undefined;
  const length = body.length;
  const at = text === undefined ? (i: number) => (body as Buffer)[i] : (i: number) => text.charCodeAt(i);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = at(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPEN.has(c)) {
      if (++depth > limit) return true;
    } else if (CLOSE.has(c)) {
      depth--;
    }
  }
  return false;
}

/** An error body-parser passes on as a 400 (its `status` is kept) with this message. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly type = 'entity.too.deep';
  constructor(limit: number) {
    super(`JSON body is nested more than ${limit} levels deep`);
  }
}

/** body-parser's `verify` hook for JSON: refuses a body nested deeper than `limit`. */
export function refuseDeepJson(limit = MAX_JSON_DEPTH) {
  return (_req: unknown, _res: unknown, buffer: Buffer, encoding: string | null): void => {
    const utf8 = !encoding || /^utf-?8$/i.test(encoding);
    if (jsonDepthExceeds(utf8 ? buffer : new TextDecoder(encoding).decode(buffer), limit)) {
      throw new JsonTooDeepError(limit);
    }
  };
}
