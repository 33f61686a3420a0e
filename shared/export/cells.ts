// Spreadsheet-safe cells for every export (CSV, XLSX, the monthly archive): a text cell starting
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

/** One CSV field (RFC 4180): neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: CellValue): string {
  const v = neutraliseCell(value);
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 only when the file starts with it. */
export const CSV_BOM = '\uFEFF';

/** A CSV document (RFC 4180, CRLF line ends) starting with the BOM, every cell neutralised. */
export function toCsv(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
