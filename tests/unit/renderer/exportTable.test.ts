// The Excel export: read the workbook back with exceljs and check what a supervisor would see.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBytes } from '../../../renderer/src/features/stats/exportTable';

describe('XLSX export', () => {
  it('writes the header and rows, numbers as numbers, formula-like text neutralised', async () => {
    const bytes = await xlsxBytes({ name: '按坐席 2026-03-01_2026-03-31', header: ['坐席', '办结', '备注'], rows: [['刘洋', 19, '=HYPERLINK("http://evil")'], ['陈静', -2, '@SUM(A1)'], ['赵磊', 3.5, null]] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('按坐席 2026-03-01_2026-03-31');
    expect(ws.getRow(1).values).toEqual([undefined, '坐席', '办结', '备注']);
    expect(ws.getCell('B2').value).toBe(19);
    expect(ws.getCell('C2').value).toBe(`'=HYPERLINK("http://evil")`);
    expect(ws.getCell('B3').value).toBe(-2);
    expect(ws.getCell('C3').value).toBe(`'@SUM(A1)`);
    expect(ws.getCell('C4').value).toBeNull();
    expect(ws.rowCount).toBe(4);
  });
});
