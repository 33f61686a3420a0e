// CSV for spreadsheets: UTF-8 with a byte-order mark (Excel then reads Chinese correctly), CRLF
// line ends, every cell quoted when it must be, and cells that a spreadsheet would run as a
// formula (starting with = + - @, or a tab or carriage return) neutralised with a leading '.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
