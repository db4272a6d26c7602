import type { CellValue, Workbook } from 'exceljs';
import { neutraliseCell } from './cells';
import { SheetFileError } from './decode';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One non-empty row of a worksheet, numbered as the spreadsheet numbers it, its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** exceljs is loaded on first use, not at start-up: about 170 ms of a cold start (bench/cold-start.ts). */
function newWorkbook(): Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook: WorkbookClass } = require('exceljs') as typeof import('exceljs');
  return new WorkbookClass();
}

const SAVE_AS_XLSX = 'save it again from your spreadsheet as "Excel Workbook (.xlsx)"';

/**
 * The rows of a workbook's first worksheet as text, the way a CSV of it would read: numbers in
 * their shortest form, formulas as their last calculated result, errors as `#DIV/0!` and the
 * like, so the validation that reads CSV reads these rows too.
 */
export async function readXlsxRows(bytes: Buffer): Promise<SheetRow[]> {
  if (!ZIP.every((b, i) => bytes[i] === b)) {
    throw new SheetFileError('this is not an Excel workbook (.xlsx): send a CSV file as text/csv, or ' + SAVE_AS_XLSX);
  }
  const workbook = newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch {
    throw new SheetFileError(`the .xlsx workbook could not be read: ${SAVE_AS_XLSX}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetFileError('the workbook has no worksheet: put the return on its first sheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value).trim());
    if (cells.some((cell) => cell !== '')) rows.push({ row: number, cells });
  });
  return rows;
}

/** A cell's value as the text a CSV export of it would hold. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue | undefined);
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  return '';
}

/**
 * A one-sheet workbook with a bold, frozen header row: numbers as number cells, everything
 * else as text neutralised like the CSV exports, so it stays inert when re-saved as CSV.
 */
export async function writeXlsx(sheetName: string, columns: string[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        columns.map((key) => {
          const value = row[key];
          if (typeof value === 'number') return [key, value];
          const text = value === null || value === undefined ? '' : String(value as string);
          return [key, text === '' ? null : neutraliseCell(text)];
        }),
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
