import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, neutraliseCell, toCsv } from '../../../shared/export/cells';

describe('spreadsheet cells', () => {
  it('neutralises text that a spreadsheet would run as a formula, and nothing else', () => {
    for (const bad of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=cmd', '\r=x', '=HYPERLINK("http://x")']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    for (const fine of ['王伟', 'A1-20260303-0001', '1+1', ' =x', '', "'quoted"]) expect(neutraliseCell(fine)).toBe(fine);
    expect(neutraliseCell(-2)).toBe(-2);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(true)).toBe(true);
  });

  it('writes CSV with a BOM, CRLF, quoting and neutralised cells', () => {
    const csv = toCsv(['工单', '说明'], [['A1-1', '含,逗号'], ['A1-2', '=cmd|"/c calc"'], ['A1-3', null], ['A1-4', 3.5]]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['工单,说明', 'A1-1,"含,逗号"', `A1-2,"'=cmd|""/c calc"""`, 'A1-3,', 'A1-4,3.5', '']);
  });

  it('quotes line breaks, quotes and edge white space (the audit export’s multi-line details)', () => {
    expect(toCsv(['时间', '操作'], [['2026-03-03 09:00', 'a, "b"\nc']])).toBe('\uFEFF时间,操作\r\n2026-03-03 09:00,"a, ""b""\nc"\r\n');
    expect(csvField(' 前后空格 ')).toBe('" 前后空格 "');
    expect(csvField(-5)).toBe('-5'); // numbers are numbers, not formulas
    expect(csvField(null)).toBe('');
  });
});
