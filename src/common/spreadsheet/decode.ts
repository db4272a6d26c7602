import iconv from 'iconv-lite';

/**
 * The text of an uploaded CSV, from its bytes. Excel saves "CSV UTF-8" (with a byte-order mark)
 * and plain "CSV (Comma delimited)", which on a UK Windows machine is Windows-1252: `£` is the
 * single byte 0xA3, not valid UTF-8. So: UTF-8 if the bytes are valid UTF-8, else Windows-1252
 * if they are plausible Windows-1252 text, else refused with a message saying how to save the
 * file. A file is never decoded into mojibake, and a binary file is named for what it looks like.
 */

/** A file that cannot be read as CSV text; the message says what it is and how to save it instead. */
export class SheetFileError extends Error {
  override readonly name = 'SheetFileError';
}

const SAVE_AS_CSV = 'save it from your spreadsheet as "CSV UTF-8 (Comma delimited)"';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Control characters that CSV text does not hold (tab, line ends and form feed aside), and C1 controls. */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\u0080-\u009f]/;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** What a binary file looks like, or null when it may be text. */
export function describeBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ZIP)) return 'this looks like an Excel workbook (.xlsx), not CSV: upload it as .xlsx, or ' + SAVE_AS_CSV;
  if (startsWith(bytes, OLE2)) return 'this looks like an old Excel 97-2003 workbook (.xls), not CSV: save it as an Excel Workbook (.xlsx) or as "CSV UTF-8 (Comma delimited)"';
  if (startsWith(bytes, UTF16_LE) || startsWith(bytes, UTF16_BE)) return 'this file is UTF-16 text (Excel\'s "Unicode Text"), not CSV: ' + SAVE_AS_CSV;
  if (startsWith(bytes, PDF)) return 'this is a PDF, not CSV: upload the spreadsheet itself, as .xlsx or as "CSV UTF-8 (Comma delimited)"';
  if (bytes.includes(0)) return 'this is a binary file, not CSV text: upload the spreadsheet as .xlsx, or ' + SAVE_AS_CSV;
  return null;
}

/** The text of a CSV upload: UTF-8 (with or without byte-order mark) or Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  const binary = describeBinary(bytes);
  if (binary) throw new SheetFileError(binary);
  const hasBom = startsWith(bytes, UTF8_BOM);
  let text: string | null;
  try {
    // The decoder drops a leading byte-order mark itself.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (text === null) {
    if (hasBom) throw new SheetFileError(`the file starts with a UTF-8 byte-order mark but is not valid UTF-8: ${SAVE_AS_CSV}`);
    // Not TextDecoder: Node 20's 'windows-1252' decoder reads 0x80-0x9F as Latin-1 (C1 controls,
    // not € “ ” –). iconv-lite has the real table and yields U+FFFD for the five bytes it leaves undefined.
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
    if (text.includes('\uFFFD') || NOT_TEXT.test(text)) {
      throw new SheetFileError(`the file is neither UTF-8 nor Windows-1252 text, so its characters cannot be read safely: ${SAVE_AS_CSV}`);
    }
    return text;
  }
  if (NOT_TEXT.test(text)) throw new SheetFileError(`the file has control characters that CSV text does not contain: ${SAVE_AS_CSV}`);
  return text;
}
