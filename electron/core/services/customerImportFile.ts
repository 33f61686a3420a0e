// Reading an uploaded import file in the core: an .xlsx through exceljs' STREAMING reader (its
// in-memory reader needed minutes and gigabytes for 50,000 rows; the streaming one reads them in
// seconds in ~300 MB, and exists only for Node), anything else as CSV (UTF-8, or GB18030 as Excel
// on a Chinese Windows saves it). Runs beside the registry (the reader is asynchronous) and never
// touches the database: it only fills the staged rows.
import { exceljsDecodesSplitCharacters } from './exceljsUtf8';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { cellText, decodeCsv, fileKind, ImportFileError, type ImportFileKind } from '../../../shared/customers/importFile';
import { parseCsv } from '../../../shared/customers/importLayout';

/** The most data rows one import takes (issue 11: 50,000), plus a header. */
export const MAX_IMPORT_ROWS = 50_001;

export interface ReadProgress {
  /** Share of the file's bytes consumed, 0–1. */
  fraction: number;
  rows: number;
}

function tooMany(rows: number): ImportFileError {
  return new ImportFileError('import.file.tooMany', `The file has more than ${MAX_IMPORT_ROWS - 1} data rows (${rows} read so far).`);
}

/** The rows of text cells of the first sheet holding data (blank rows dropped, as for CSV). */
export async function readUploadedFile(bytes: Buffer, onProgress: (p: ReadProgress) => void): Promise<{ kind: ImportFileKind; rows: string[][] }> {
  if (fileKind(bytes) === 'csv') {
    if (bytes.includes(0)) throw new ImportFileError('import.file.notText', 'The file is neither an .xlsx workbook nor a CSV text file.');
    const rows = parseCsv(decodeCsv(bytes));
    if (rows.length > MAX_IMPORT_ROWS) throw tooMany(rows.length);
    onProgress({ fraction: 1, rows: rows.length });
    return { kind: 'csv', rows };
  }
  // Without the fix a split character would import as garbage: refuse rather than guess.
  if (!exceljsDecodesSplitCharacters()) throw new Error('exceljs would decode split UTF-8 characters wrongly (exceljsUtf8.ts did not load first).');
  let consumed = 0;
  const CHUNK = 64 * 1024;
  const source = Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += CHUNK) {
        consumed = Math.min(bytes.length, at + CHUNK);
        yield bytes.subarray(at, consumed);
      }
    })(),
  );
  const rows: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
        const cells = Array.from(values, (v) => cellText(v).trim());
        while (cells.length && !cells[cells.length - 1]) cells.pop();
        if (!cells.length) continue;
        rows.push(cells);
        if (rows.length > MAX_IMPORT_ROWS) throw tooMany(rows.length);
        if (rows.length % 2000 === 0) onProgress({ fraction: consumed / bytes.length, rows: rows.length });
      }
      // The first sheet holding data is the file's data; later sheets are notes or lookups.
      if (rows.length) break;
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('import.file.badXlsx', `The workbook could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  onProgress({ fraction: 1, rows: rows.length });
  return { kind: 'xlsx', rows };
}
