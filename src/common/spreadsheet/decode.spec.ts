import { decodeCsv, describeBinary, SheetFileError } from './decode';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('decodeCsv', () => {
  const csv = 'code,period,value,commentary\nCS 001,2025-26-Q2,3,';

  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeCsv(Buffer.from(`${csv}£1.2m grant – “café”\n`, 'utf8'))).toBe(`${csv}£1.2m grant – “café”\n`);
  });

  it('reads UTF-8 with a byte-order mark, and drops the mark', () => {
    expect(decodeCsv(bytes([0xef, 0xbb, 0xbf], Buffer.from(`${csv}£1.2m\n`, 'utf8').toString('latin1')))).toBe(`${csv}£1.2m\n`);
  });

  it('reads Windows-1252, as Excel saves "CSV (Comma delimited)": £ € “ ” – é', () => {
    // 0xA3 £, 0x80 €, 0x93 “, 0x94 ”, 0x96 –, 0xE9 é
    const file = bytes(csv, [0xa3], '1.2m grant ', [0x80, 0x93], 'caf', [0xe9, 0x94, 0x20, 0x96], '\r\n');
    expect(decodeCsv(file)).toBe(`${csv}£1.2m grant €“café” –\r\n`);
  });

  it('reads plain ASCII and an empty file', () => {
    expect(decodeCsv(Buffer.from(csv))).toBe(csv);
    expect(decodeCsv(Buffer.alloc(0))).toBe('');
  });

  it.each([
    ['a byte Windows-1252 leaves undefined (0x81)', bytes(csv, [0x81], 'x\n')],
    ['a byte Windows-1252 leaves undefined (0x9D)', bytes(csv, [0xa3, 0x9d], '\n')],
    ['a control character', bytes(csv, [0x1b], '[31m\n')],
  ])('refuses, saying how to save it, %s', (_, file) => {
    expect(() => decodeCsv(file)).toThrow(SheetFileError);
    expect(() => decodeCsv(file)).toThrow(/save it from your spreadsheet as "CSV UTF-8 \(Comma delimited\)"/);
  });

  it('refuses a file that claims UTF-8 with a byte-order mark but is not', () => {
    expect(() => decodeCsv(bytes([0xef, 0xbb, 0xbf], csv, [0xa3], '\n'))).toThrow(/byte-order mark but is not valid UTF-8: save it/);
  });

  it('refuses a UTF-8 file carrying C1 controls (text already mangled once)', () => {
    expect(() => decodeCsv(Buffer.from(`${csv}\u0093quoted\u0094\n`, 'utf8'))).toThrow(/control characters/);
  });
});

describe('describeBinary', () => {
  it.each([
    ['an .xlsx workbook (zip)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /^this looks like an Excel workbook \(\.xlsx\), not CSV: upload it as \.xlsx/],
    ['an old .xls workbook (OLE2)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00], /^this looks like an old Excel 97-2003 workbook \(\.xls\)/],
    ['UTF-16 little-endian text', [0xff, 0xfe, 0x63, 0x00], /UTF-16 text/],
    ['UTF-16 big-endian text', [0xfe, 0xff, 0x00, 0x63], /UTF-16 text/],
    ['a PDF', [...Buffer.from('%PDF-1.7\n')], /this is a PDF/],
    ['anything with a NUL byte', [0x63, 0x6f, 0x00, 0x64, 0x65], /^this is a binary file, not CSV text/],
  ])('names %s', (_, magic, message) => {
    expect(describeBinary(Buffer.from(magic))).toMatch(message);
    expect(() => decodeCsv(Buffer.from(magic))).toThrow(message);
  });

  it('lets text through', () => {
    expect(describeBinary(Buffer.from('code,period,value\nPK,2025-26-Q1,1\n'))).toBeNull();
    expect(describeBinary(Buffer.alloc(0))).toBeNull();
  });
});
