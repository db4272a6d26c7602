import { HttpException } from '@nestjs/common';
import { readUpload, recordsOf, uploadOf, XLSX_TYPE } from './upload';

describe('uploadOf', () => {
  const bytes = Buffer.from('x');

  it('reads the format from the body type, or from a multipart file type or name', () => {
    expect(uploadOf(bytes, 'text/csv; charset=utf-8')).toEqual({ format: 'csv', bytes });
    expect(uploadOf(bytes, `${XLSX_TYPE}; charset=binary`)).toEqual({ format: 'xlsx', bytes });
    expect(uploadOf({}, 'multipart/form-data', { buffer: bytes, mimetype: XLSX_TYPE, originalname: 'r' })?.format).toBe('xlsx');
    expect(uploadOf({}, 'multipart/form-data', { buffer: bytes, mimetype: 'application/octet-stream', originalname: 'Return.XLSX' })?.format).toBe('xlsx');
    expect(uploadOf({}, 'multipart/form-data', { buffer: bytes, mimetype: 'text/csv', originalname: 'return.csv' })?.format).toBe('csv');
  });

  it('has nothing for a JSON body', () => {
    expect(uploadOf({ code: 'CS 001' }, 'application/json')).toBeNull();
    expect(uploadOf(undefined, undefined)).toBeNull();
  });
});

describe('recordsOf', () => {
  it('keys cells by the normalised header, keeps row numbers, strips the formula guard, and ignores unheaded columns', () => {
    const records = recordsOf(
      [
        { row: 1, cells: ['Code', 'Period', 'Value', 'Next actions', ''] },
        { row: 3, cells: ['CS 001', '2025/26 Q2', '-3.5', "'=1+1", 'a note'] },
        { row: 4, cells: ['CS 002'] },
      ],
      ['code', 'period', 'value'],
    );
    expect(records).toEqual([
      { row: 3, values: { code: 'CS 001', period: '2025/26 Q2', value: '-3.5', next_actions: '=1+1' } },
      { row: 4, values: { code: 'CS 002', period: '', value: '', next_actions: '' } },
    ]);
  });

  it('names every missing column, as the CSV path does', () => {
    expect(() => recordsOf([{ row: 1, cells: ['code'] }], ['code', 'period', 'value'])).toThrow(HttpException);
    expect(() => recordsOf([], ['code'])).toThrow('The file must have the columns code');
  });
});

describe('readUpload', () => {
  it('reads a CSV and a workbook sent to the wrong door as 400s naming what the file is', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    await expect(readUpload({ format: 'csv', bytes: zip }, ['code'])).rejects.toMatchObject({
      response: { statusCode: 400, message: 'The file could not be read as CSV', errors: [{ field: 'file', message: expect.stringMatching(/^this looks like an Excel workbook/) }] },
    });
    await expect(readUpload({ format: 'xlsx', bytes: Buffer.from('code\n') }, ['code'])).rejects.toMatchObject({
      response: { statusCode: 400, message: 'The file could not be read as an .xlsx workbook' },
    });
    expect(await readUpload({ format: 'csv', bytes: Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xa3, 0x35, 0x0a]) }, ['code'])).toEqual([{ row: 2, values: { code: '£5' } }]);
  });
});
