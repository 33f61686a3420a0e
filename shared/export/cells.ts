// Spreadsheet-safe cells for every export (CSV, XLSX, the monthly archive): a text cell starting
// with = + - @ (or a tab / carriage return, which Excel strips before looking) would be read as a
// formula — "formula injection" — so it is prefixed with an apostrophe and kept as text.
// Numbers stay numbers: a negative number is a value, not a formula.

export type CellValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as it must be written: dangerous text neutralised, everything else unchanged. */
export function neutraliseCell(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: CellValue): string {
  const v = neutraliseCell(value);
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 byte-order mark: without it Excel opens a UTF-8 CSV as the system code page (mojibake). */
export const CSV_BOM = '\uFEFF';

/** A CSV document (RFC 4180, CRLF line ends) starting with the BOM, every cell neutralised. */
export function toCsv(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
