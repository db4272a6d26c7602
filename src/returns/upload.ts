import { validationFailed } from '../common/api-errors';
import { restoreCell } from '../common/spreadsheet/cells';
import { decodeCsv, SheetFileError } from '../common/spreadsheet/decode';
import { readXlsxRows, SheetRow, writeXlsx, XLSX_TYPE } from '../common/spreadsheet/xlsx';
import { CsvRecord, normaliseHeader, parseCsv, requireColumns, toCsv } from './csv';

export { XLSX_TYPE };

/** An uploaded return as it arrived: its bytes and what the client said it is. */
export interface SheetUpload {
  format: 'csv' | 'xlsx';
  bytes: Buffer;
}

/** A spreadsheet to download. */
export interface SheetFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * What a request carries: a raw body (`text/csv`, or the .xlsx media type) or a multipart
 * `file`, whose type or name ending decides. Null when there is no file at all.
 */
export function uploadOf(body: unknown, contentType: string | undefined, file?: { buffer: Buffer; mimetype?: string; originalname?: string }): SheetUpload | null {
  if (file) {
    const xlsx = file.mimetype === XLSX_TYPE || /\.xlsx$/i.test(file.originalname ?? '');
    return { format: xlsx ? 'xlsx' : 'csv', bytes: file.buffer };
  }
  if (Buffer.isBuffer(body)) return { format: isXlsxType(contentType) ? 'xlsx' : 'csv', bytes: body };
  if (typeof body === 'string') return { format: 'csv', bytes: Buffer.from(body, 'utf8') };
  return null;
}

/** As `uploadOf`, for an import route: no file at all is a 422 naming the ways to send one. */
export function requireUpload(body: unknown, contentType: string | undefined, file?: { buffer: Buffer; mimetype?: string; originalname?: string }): SheetUpload {
  const upload = uploadOf(body, contentType, file);
  if (upload === null) {
    throw validationFailed([{ field: 'file', message: `send the file as text/csv or ${XLSX_TYPE}, or as the "file" field of multipart/form-data` }], 'No file received');
  }
  return upload;
}

function isXlsxType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === XLSX_TYPE;
}

/**
 * The rows of an uploaded return, the same records whichever way it came, so one validation
 * path serves CSV and .xlsx. Text given directly is CSV already decoded.
 */
export async function readUpload(upload: SheetUpload | string, required: string[]): Promise<CsvRecord[]> {
  if (typeof upload === 'string') return parseCsv(upload, required);
  try {
    if (upload.format === 'xlsx') return recordsOf(await readXlsxRows(upload.bytes), required);
    return parseCsv(decodeCsv(upload.bytes), required);
  } catch (error) {
    if (error instanceof SheetFileError) {
      const what = upload.format === 'xlsx' ? 'an .xlsx workbook' : 'CSV';
      throw validationFailed([{ field: 'file', message: error.message }], `The file could not be read as ${what}`);
    }
    throw error;
  }
}

/** Worksheet rows as the records the CSV path yields: the first row names the columns. */
export function recordsOf(rows: SheetRow[], required: string[]): CsvRecord[] {
  const [header, ...data] = rows;
  const columns = (header?.cells ?? []).map(normaliseHeader);
  requireColumns(columns, required);
  return data.map(({ row, cells }) => ({
    row,
    values: Object.fromEntries(columns.flatMap((column, i) => (column ? [[column, restoreCell(cells[i] ?? '')]] : []))),
  }));
}

/** The same rows as a CSV or a one-sheet workbook; `basename` has no extension. */
export async function writeSheet(format: 'csv' | 'xlsx', basename: string, columns: string[], rows: Record<string, unknown>[]): Promise<SheetFile> {
  if (format === 'xlsx') return { filename: `${basename}.xlsx`, contentType: XLSX_TYPE, body: await writeXlsx('Return', columns, rows) };
  return { filename: `${basename}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(columns, rows) };
}
