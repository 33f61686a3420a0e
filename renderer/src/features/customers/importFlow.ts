// The import screen's steps that talk to the core: upload the picked file's bytes in bridge-sized
// parts, let the core read it (exceljs' streaming reader exists only in Node, and the in-memory
// one took minutes for 50,000 rows), follow the reading, check; and the export of the same layout.
import type { ImportReadStatus, ImportReport } from '../../../../shared/contract/customers360';
import { UPLOAD_PART_BYTES } from '../../../../shared/customers/importFile';
import { exportHeader, type ColumnMapping } from '../../../../shared/customers/importLayout';
import { ApiError, call } from '../../api';
import { exportCsv, exportXlsx } from '../stats/exportTable';

export interface PickedFile {
  name: string;
  status: ImportReadStatus;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Uploads the file and waits until the core has read it. `progress(0–1, phase, detail)`: the
 * upload is the first 40 %, the reading the rest. A file the core cannot read rejects with its
 * translated error (an ApiError like any refused call).
 */
export async function uploadAndRead(
  importId: string,
  file: File,
  progress: (fraction: number, phase: 'uploading' | 'parsing', detail: { done: number; total: number; rows: number }) => void,
): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const total = Math.max(1, Math.ceil(bytes.length / UPLOAD_PART_BYTES));
  for (let part = 0; part < total; part++) {
    const slice = bytes.subarray(part * UPLOAD_PART_BYTES, (part + 1) * UPLOAD_PART_BYTES);
    await call('import.upload', { importId, part, bytes: base64(slice) });
    progress((0.4 * (part + 1)) / total, 'uploading', { done: Math.round(((part + 1) * UPLOAD_PART_BYTES) / 1024), total: Math.round(bytes.length / 1024), rows: 0 });
  }
  let status = await call('import.read', { importId });
  while (status.state === 'reading') {
    progress(0.4 + 0.6 * status.fraction, 'parsing', { done: 0, total: 0, rows: status.rows });
    await pause(200);
    status = await call('import.status', { importId });
  }
  if (status.state === 'failed') {
    const e = status.error ?? { messageKey: 'import.file.badXlsx', message: '' };
    throw new ApiError({ code: 'VALIDATION', messageKey: e.messageKey, message: e.message, params: { max: 50_000, rows: status.rows } });
  }
  return { name: file.name, status };
}

export const checkImport = (importId: string, mapping: ColumnMapping, hasHeader: boolean): Promise<ImportReport> =>
  call('import.check', { importId, mapping, hasHeader });

const PAGE = 5000;

/** Every customer in the import layout, as .xlsx or CSV; returns the file name and the count. */
export async function exportCustomers(format: 'xlsx' | 'csv', language: 'zh-CN' | 'en', name: string): Promise<{ file: string; count: number }> {
  const first = await call('export.customers', { offset: 0, limit: PAGE, language });
  const rows = [...first.rows];
  while (rows.length < first.total) {
    const page = await call('export.customers', { offset: rows.length, limit: PAGE, language });
    if (page.rows.length === 0) break;
    rows.push(...page.rows);
  }
  const table = { name, header: first.header, rows };
  const file = format === 'xlsx' ? await exportXlsx(table) : exportCsv(table);
  return { file, count: rows.length };
}

/** An empty workbook with the header row: what an admin fills in. */
export const downloadTemplate = (language: 'zh-CN' | 'en', name: string) => exportXlsx({ name, header: exportHeader(language), rows: [] });
