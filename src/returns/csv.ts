import { CsvError as StreamCsvError, parse as parseStream } from 'csv-parse';
import { CsvError, parse, type OptionsWithColumns } from 'csv-parse/sync';
import { Readable } from 'node:stream';
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

// Each record is shaped as it is parsed (on_record), so a 100,000-row file is held once,
// not as parser records and then as our records.
const CSV_OPTIONS: OptionsWithColumns<CsvRecord, Record<string, string>> = {
  bom: true,
  columns: (headers: string[]) => headers.map(normaliseHeader),
  skip_empty_lines: true,
  trim: true,
  relax_column_count: false,
  on_record: (record: Record<string, string>, { lines }): CsvRecord => {
    for (const column in record) record[column] = restoreCell(record[column]);
    return { row: lines, values: record };
  },
};

/** Parses CSV text with a header row; a file that is not CSV at all is a 400 that says where. */
export function parseCsv(text: string, required: string[]): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parse<CsvRecord, Record<string, string>>(text, CSV_OPTIONS);
  } catch (error) {
    throw notCsv(error);
  }
  requireColumns(records.length > 0 ? Object.keys(records[0].values) : headerRow(text), required);
  return records;
}

/**
 * The same records as `parseCsv`, `size` at a time, parsed as they are asked for: a caller that
 * is done with one slice before it asks for the next never holds the whole file's records (a
 * 100,000-row import: bench/import.ts). The same 400s, the header's as soon as it is read.
 */
export async function* parseCsvSlices(text: string, required: string[], size: number): AsyncGenerator<CsvRecord[]> {
  // Fed in 64 KiB pieces, so the parser's output waits for the reader instead of piling up.
  const pieces = Readable.from(
    (function* () {
      for (let at = 0; at < text.length; at += 65_536) yield text.slice(at, at + 65_536);
    })(),
  );
  const parser = parseStream(CSV_OPTIONS);
  let slice: CsvRecord[] = [];
  let checked = false;
  try {
    for await (const record of pieces.pipe(parser) as AsyncIterable<CsvRecord>) {
      if (!checked) requireColumns(Object.keys(record.values), required);
      checked = true;
      slice.push(record);
      if (slice.length === size) {
        yield slice;
        slice = [];
      }
    }
  } catch (error) {
    throw notCsv(error);
  } finally {
    pieces.destroy();
    parser.destroy();
  }
  if (!checked) requireColumns(headerRow(text), required);
  if (slice.length > 0) yield slice;
}

function notCsv(error: unknown): unknown {
  // Each of csv-parse's two entry points (sync, stream) has its own copy of the class.
  if (error instanceof CsvError || error instanceof StreamCsvError) {
    return validationFailed([{ field: 'file', message: `not valid CSV: ${error.message}` }], 'The file could not be read as CSV');
  }
  return error;
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
