// Spreadsheet formula injection guard for exported cells (archive XLSX/CSV). A text cell that
// starts with = + - @ (or a tab / carriage return, which some spreadsheet programs strip before
// parsing) is read as a formula by Excel, LibreOffice and WPS; a leading apostrophe makes it
// plain text in all of them. Numbers are never touched: only text is neutralised.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as it is safe to put in a spreadsheet cell or a CSV field. */
export function neutraliseCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseCellText(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 only when the file starts with it. */
export const CSV_BOM = '\uFEFF';
