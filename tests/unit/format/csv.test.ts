import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../shared/csv';

describe('CSV export', () => {
  it('starts with a BOM, ends rows with CRLF, quotes what must be quoted', () => {
    const csv = toCsv([
      ['时间', '操作'],
      ['2026-03-03 09:00', 'a, "b"\nc'],
    ]);
    expect(csv.startsWith('\uFEFF时间,操作\r\n')).toBe(true);
    expect(csv).toBe('\uFEFF时间,操作\r\n2026-03-03 09:00,"a, ""b""\nc"\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('普通文本')).toBe('普通文本');
    expect(csvCell(-5)).toBe('-5'); // numbers are numbers, not formulas
    expect(csvCell(null)).toBe('');
  });
});
