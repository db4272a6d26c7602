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
  let records: CsvRecord[];
  try {
    // Each record is shaped as it is parsed (on_record), so a 100,000-row file is held once,
    // not as parser records and then as our records.
    records = parse(text, {
      bom: true,
      columns: (headers: string[]) => headers.map(normaliseHeader),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      on_record: (record: Record<string, string>, { lines }): CsvRecord => {
        for (const column in record) record[column] = restoreCell(record[column]);
        return { row: lines, values: record };
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw validationFailed([{ field: 'file', message: `not valid CSV: ${error.message}` }], 'The file could not be read as CSV');
    }
    throw error;
  }
  requireColumns(records.length > 0 ? Object.keys(records[0].values) : headerRow(text), required);
  return records;
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
