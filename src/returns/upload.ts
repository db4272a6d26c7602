import { validationFailed } from '../common/api-errors';
import { decodeCsv, SheetFileError } from '../common/spreadsheet/decode';
import { CsvRecord, parseCsv } from './csv';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded return as it arrived: its bytes and what the client said it is. */
export interface SheetUpload {
  format: 'csv' | 'xlsx';
  bytes: Buffer;
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
    return parseCsv(decodeCsv(upload.bytes), required);
  } catch (error) {
    if (error instanceof SheetFileError) throw validationFailed([{ field: 'file', message: error.message }], 'The file could not be read as CSV');
    throw error;
  }
}
