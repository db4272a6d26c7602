import { Workbook } from 'exceljs';
import { SheetFileError } from './decode';
import { cellText, readXlsxRows, writeXlsx } from './xlsx';

type LoadArg = Parameters<Workbook['xlsx']['load']>[0];

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['On track', 'On track'],
    [-3.5, '-3.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1240, '1240'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2025, 6, 1)), '2025-07-01'],
    [new Date(Date.UTC(2025, 6, 1, 9, 30)), '2025-07-01T09:30:00.000Z'],
    [{ richText: [{ text: '£1.2m ' }, { font: { bold: true }, text: 'grant' }] }, '£1.2m grant'],
    [{ error: '#DIV/0!' }, '#DIV/0!'],
    [{ formula: 'A1*2', result: 42 }, '42'],
    [{ formula: 'A1&"x"', result: 'ax' }, 'ax'],
    [{ formula: 'A1*2' }, ''],
    [{ sharedFormula: 'B2', result: 7 }, '7'],
    [{ text: 'the plan', hyperlink: 'https://example.test' }, 'the plan'],
  ])('reads %j as %j', (value, text) => {
    expect(cellText(value as never)).toBe(text);
  });
});

describe('writeXlsx and readXlsxRows', () => {
  const columns = ['code', 'value', 'commentary'];

  it('writes numbers as numbers and neutralised text, and reads both back as the CSV would hold them', async () => {
    const bytes = await writeXlsx('Return', columns, [
      { code: 'CS 001', value: -3.5, commentary: '=1+1' },
      { code: 'CS 002', value: '', commentary: null },
      { code: '@CS 003', value: 12, commentary: '£1.2m grant' },
    ]);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as LoadArg);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Return');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('B2').value).toBe(-3.5);
    expect(sheet.getCell('C2').value).toBe("'=1+1");
    expect(sheet.getCell('B3').value).toBeNull();
    expect(await readXlsxRows(bytes)).toEqual([
      { row: 1, cells: ['code', 'value', 'commentary'] },
      { row: 2, cells: ['CS 001', '-3.5', "'=1+1"] },
      { row: 3, cells: ['CS 002'] },
      { row: 4, cells: ["'@CS 003", '12', '£1.2m grant'] },
    ]);
  });

  it('keeps spreadsheet row numbers across empty rows, reads only the first sheet, and trims text', async () => {
    const workbook = new Workbook();
    const first = workbook.addWorksheet('Return');
    first.getCell('A1').value = 'code';
    first.getCell('B1').value = 'value';
    first.getCell('A4').value = '  CS 001 ';
    first.getCell('B4').value = 5;
    first.getRow(6).getCell(1).value = ''; // a touched but empty row
    workbook.addWorksheet('Notes').getCell('A1').value = 'ignore me';
    const rows = await readXlsxRows(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, cells: ['code', 'value'] },
      { row: 4, cells: ['CS 001', '5'] },
    ]);
  });

  it('refuses what is not a readable workbook', async () => {
    await expect(readXlsxRows(Buffer.from('code,value\n'))).rejects.toThrow(new SheetFileError('this is not an Excel workbook (.xlsx): send a CSV file as text/csv, or save it again from your spreadsheet as "Excel Workbook (.xlsx)"'));
    await expect(readXlsxRows(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 7)]))).rejects.toThrow(/^the \.xlsx workbook could not be read/);
  });
});
