// Spreadsheet-safe cells for every export (CSV, XLSX, the monthly archive, the audit log's CSV):
// the one home of CSV writing. A text cell starting
// with = + - @ (or a tab / carriage return, which some spreadsheet programs strip before parsing)
// is read as a formula by Excel, LibreOffice and WPS — "formula injection" — so it is prefixed
// with an apostrophe and kept as text. Numbers stay numbers: a negative number is a value.

export type CellValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as it is safe to put in a spreadsheet cell or a CSV field. */
export function neutraliseCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell as it must be written: dangerous text neutralised, everything else unchanged. */
export function neutraliseCell(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? neutraliseCellText(value) : value;
}

const QUOTE_INSIDE = /[",\r\n]/;
const SPACE = /\s/;
const isSpaceAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c <= 32 || (c > 127 && SPACE.test(s[i]!));
};

/**
 * Text that is already neutralised as a CSV field: quoted when it holds a comma, quote or line
 * break, or starts or ends with white space (which some readers would trim). Called for every
 * cell of a month's archive: the common case is one regex test and no copy.
 */
export function quoteCsvText(safe: string): string {
  if (safe.length === 0) return safe;
  return QUOTE_INSIDE.test(safe) || isSpaceAt(safe, 0) || isSpaceAt(safe, safe.length - 1) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV field (RFC 4180): neutralised, then quoted when it must be. */
export function csvField(value: CellValue): string {
  const v = neutraliseCell(value);
  return v === null ? '' : quoteCsvText(String(v));
}

/** One CSV line with its CRLF. */
export function csvRow(cells: readonly CellValue[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 only when the file starts with it. */
export const CSV_BOM = '\uFEFF';

/** A CSV document (RFC 4180, CRLF line ends) starting with the BOM, every cell neutralised. */
export function toCsv(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join('');
}
