import { copyText } from './bulk';

describe('copyText (a value in COPY text format)', () => {
  it('writes null and undefined as \\N, which COPY reads as NULL', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
  });

  it('escapes backslash, tab, newline and carriage return, the characters COPY gives meaning to', () => {
    expect(copyText('a\tb')).toBe('a\\tb');
    expect(copyText('a\nb')).toBe('a\\nb');
    expect(copyText('a\rb')).toBe('a\\rb');
    expect(copyText('a\\b')).toBe('a\\\\b');
    // The text \N itself is data, not NULL.
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('\\\t\n\r\\')).toBe('\\\\\\t\\n\\r\\\\');
  });

  it('leaves every other character as it is, quotes, commas and non-ASCII included', () => {
    for (const text of ['', 'NULL', ' spaced ', '"quoted", \'single\', {braces}', 'Ünïcödé “quotes” £5 🙂 日本語']) expect(copyText(text)).toBe(text);
  });

  it('writes numbers and booleans as their text, and bytes in the hex form of bytea', () => {
    expect(copyText(1e15 + 0.5)).toBe('1000000000000000.5');
    expect(copyText(-0.0000035)).toBe('-0.0000035');
    expect(copyText(true)).toBe('true');
    expect(copyText(Buffer.from([0, 0xab, 0xff]))).toBe('\\\\x00abff');
  });
});
