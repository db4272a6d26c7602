/**
 * Formula-injection guard for exported spreadsheet cells (OWASP, "CSV Injection"): a text cell
 * that starts with `=`, `+`, `-`, `@`, tab or carriage return is opened by Excel and LibreOffice
 * as a formula, so an officer's commentary could run in the coordinator's spreadsheet. Such a
 * cell is written with a leading `'`, which makes it plain text. Plain numbers (`-3.5`, `+12`,
 * `1e3`) cannot be formulas and stay numbers.
 *
 * `restoreCell` undoes `neutraliseCell` exactly, so an export imports back unchanged. To make
 * that exact, a text that already starts with quotes before a trigger character (`'=x`) gets one
 * more quote on the way out; a quote before anything else (`'tis`) is left alone both ways.
 */

const GUARDED = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number literal a spreadsheet reads as a number, never as a formula. */
export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text) && Number.isFinite(Number(text));
}

/** The text to write for an exported cell. Numbers stay numbers; every other value becomes inert text. */
export function neutraliseCell(value: string): string {
  return GUARDED.test(value) && !isPlainNumber(value) ? `'${value}` : value;
}

/** The imported value of a cell: strips the quote `neutraliseCell` added, and nothing else. */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
