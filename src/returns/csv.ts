import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { validationFailed } from '../common/api-errors';
import { neutraliseCell, restoreCell } from '../common/spreadsheet/cells';

export interface CsvRecord {
  /** The line of the file the row ends on; the header is row 1, as a spreadsheet numbers rows. */
  row: number;
  values: Record<string, string>;
}

/** `Next actions`, `next-actions`, `nextActions` all name the column `next_actions`. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Parses CSV text with a header row; a file that is not CSV at all is a 400 that says where. */
export function parseCsv(text: string, required: string[]): CsvRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (headers: string[]) => headers.map(normaliseHeader),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      info: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw validationFailed([{ field: 'file', message: `not valid CSV: ${error.message}` }], 'The file could not be read as CSV');
    }
    throw error;
  }
  requireColumns(rows.length > 0 ? Object.keys(rows[0].record) : headerRow(text), required);
  return rows.map(({ record, info }) => ({
    row: info.lines,
    values: Object.fromEntries(Object.entries(record).map(([column, value]) => [column, restoreCell(value)])),
  }));
}

/** A 400 naming every required column the header row lacks. */
export function requireColumns(headers: string[], required: string[]): void {
  const missing = required.filter((column) => !headers.includes(column));
  if (missing.length > 0) {
    throw validationFailed(
      missing.map((column) => ({ field: 'file', message: `the header row has no "${column}" column` })),
      `The file must have the columns ${required.join(', ')}`,
    );
  }
}

function headerRow(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map(normaliseHeader);
}

/** Every text cell is neutralised, so nothing exported opens as a live formula; numbers stay numbers. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return stringify(rows, { header: true, columns, cast: { number: (n) => String(n), string: neutraliseCell } });
}
