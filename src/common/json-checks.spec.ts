import { inspectJson, jsonDepthExceeds, refuseUnsafeJson, UnacceptableJsonError } from './json-checks';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepthExceeds', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(jsonDepthExceeds(nested(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
    expect(jsonDepthExceeds(`{"a":${nested(31)}}`, 32)).toBe(false);
    expect(jsonDepthExceeds(`{"a":{"b":${nested(31)}}}`, 32)).toBe(true);
  });

  it('measures depth, not the number of brackets', () => {
    const wide = `[${Array.from({ length: 10_000 }, () => '{"a":[1]}').join(',')}]`;
    expect(jsonDepthExceeds(wide, 3)).toBe(false);
    expect(jsonDepthExceeds(wide, 2)).toBe(true);
  });

  it('ignores brackets inside strings, including after escaped quotes', () => {
    expect(jsonDepthExceeds(JSON.stringify({ note: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ note: 'say \\"[[[[" and "{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ note: 'ends in a backslash \\', list: [[1]] }), 2)).toBe(true);
  });

  it('reads raw UTF-8 bytes the same as text', () => {
    const body = JSON.stringify({ title: '£ ŵ “[[[”', deep: JSON.parse(nested(5)) });
    expect(jsonDepthExceeds(Buffer.from(body, 'utf8'), 5)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from(body, 'utf8'), 6)).toBe(false);
  });

  it('handles very deep input without recursion', () => {
    expect(jsonDepthExceeds(nested(1_000_000), 32)).toBe(true);
  });
});

describe('refuseUnsafeJson (body-parser verify hook)', () => {
  it('throws a 400 that names the limit, and passes shallow bodies', () => {
    const verify = refuseUnsafeJson(4);
    expect(() => verify(null, null, Buffer.from('{"a":[1,{"b":2}]}'), 'utf-8')).not.toThrow();
    let thrown: unknown;
    try {
      verify(null, null, Buffer.from(nested(5)), 'utf-8');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnacceptableJsonError);
    expect(thrown).toMatchObject({ status: 400, message: 'JSON body is nested more than 4 levels deep' });
  });

  it('decodes bodies in other Unicode encodings before measuring', () => {
    const verify = refuseUnsafeJson(4);
    const utf16 = Buffer.from(nested(5), 'utf16le');
    expect(() => verify(null, null, utf16, 'utf-16le')).toThrow(UnacceptableJsonError);
  });
});

describe('inspectJson: unpaired surrogate escapes', () => {
  it('refuses half a surrogate pair, high or low, anywhere in a string', () => {
    expect(inspectJson('{"email":"a\\ud800@example.test"}')).toBe('unpaired-surrogate');
    expect(inspectJson('{"email":"\\udc00"}')).toBe('unpaired-surrogate');
    expect(inspectJson('["\\uD83D"]')).toBe('unpaired-surrogate');
    expect(inspectJson('{"\\ud800":1}')).toBe('unpaired-surrogate');
  });

  it('accepts whole pairs, other escapes, literal backslashes and raw UTF-8', () => {
    expect(inspectJson(JSON.stringify({ face: '😀' }))).toBeUndefined();
    expect(inspectJson('{"face":"\\ud83d\\ude00","tab":"\\t\\u00a3"}')).toBeUndefined();
    expect(inspectJson('{"text":"a literal \\\\ud800"}')).toBeUndefined();
    expect(inspectJson(Buffer.from(JSON.stringify({ pound: '£ ŵ 😀' }), 'utf8'))).toBeUndefined();
  });

  it('agrees with the text JSON.parse produces', () => {
    for (const text of ['"\\ud800"', '"\\ud83d\\ude00"', '"\\\\ud800"', '"x\\udfff"', '"\\u0041\\ud834\\udd1e"']) {
      // Well-formed UTF-16 survives a round trip through UTF-8; a lone surrogate becomes U+FFFD.
      const parsed = JSON.parse(text) as string;
      const wellFormed = Buffer.from(parsed, 'utf8').toString('utf8') === parsed;
      expect([text, inspectJson(text) === undefined]).toEqual([text, wellFormed]);
    }
  });
});

describe('inspectJson: NUL characters', () => {
  it('refuses \\u0000 in a string, and accepts other control escapes and a literal backslash-u-zero', () => {
    expect(inspectJson('{"name":"Safer\\u0000Wealden"}')).toBe('nul-character');
    expect(inspectJson('{"name":"tab\\u0009 and newline\\n"}')).toBeUndefined();
    expect(inspectJson('{"name":"\\\\u0000"}')).toBeUndefined();
    expect(() => refuseUnsafeJson()(null, null, Buffer.from('["\\u0000"]'), 'utf-8')).toThrow('JSON body contains a NUL character (\\u0000), which text cannot hold');
  });
});
