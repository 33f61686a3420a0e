// Export of any table as CSV (UTF-8 with BOM, for Excel) or XLSX (exceljs, loaded on first use).
// Every text cell goes through shared/export's neutraliser, so a customer's "=cmd|…" stays text.
import { neutraliseCell, toCsv, type CellValue } from '../../../../shared/export/cells';

export interface ExportTable {
  /** File name without extension. */
  name: string;
  header: string[];
  rows: CellValue[][];
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const safeName = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '_');

export function exportCsv(table: ExportTable): string {
  const fileName = `${safeName(table.name)}.csv`;
  download(new Blob([toCsv(table.header, table.rows)], { type: 'text/csv;charset=utf-8' }), fileName);
  return fileName;
}

/** The workbook's bytes: one sheet, bold frozen header, neutralised cells. */
export async function xlsxBytes(table: ExportTable): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kefu Desk';
  const ws = wb.addWorksheet(safeName(table.name).slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.header).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((c) => neutraliseCell(c)));
  ws.columns.forEach((col, i) => {
    const widest = Math.max(table.header[i]?.length ?? 0, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(8, widest * 1.6 + 2));
  });
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function exportXlsx(table: ExportTable): Promise<string> {
  const fileName = `${safeName(table.name)}.xlsx`;
  download(new Blob([await xlsxBytes(table)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
  return fileName;
}
