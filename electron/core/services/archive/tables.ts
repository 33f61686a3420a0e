// Writes every section once: a sheet of tickets.xlsx (exceljs' streaming WorkbookWriter), a CSV
// (UTF-8 with BOM) and a table of month.sqlite, from the same rows in one pass. Yields to the
// event loop every few thousand rows so the app stays responsive, progress is reported and a
// cancel is noticed; the streams drain as they go, so memory stays flat at any size.
import { closeSync, createWriteStream, fsyncSync, openSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvField, neutraliseCellText } from '../../../../shared/export/cells';
import type { ArchiveColumn, ArchiveSection, MonthSource } from './sections';
import { localTimeFormatter } from './timeText';
import { normaliseZipDates } from './zip';

export class ArchiveCancelled extends Error {
  constructor() {
    super('The archive run was cancelled.');
    this.name = 'ArchiveCancelled';
  }
}

export interface TablesProgress {
  /** Called with the rows written so far; throws ArchiveCancelled to stop. */
  rows(done: number): void;
}

const BATCH = 2000;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Bytes a sheet may have buffered downstream (in the zip's deflate) before the writer waits. */
const SHEET_BACKLOG = 4 * 1024 * 1024;

/**
 * exceljs' streaming sheet pipes into the zip without backpressure (StreamBuf ignores write()'s
 * answer), so a fast producer piles the whole sheet up in memory. Wait until the zip has taken
 * what was written: until the sheet's stream is piped at all (the zip takes entries one by one),
 * then until its consumer's buffer is below the backlog.
 */
async function sheetDrained(sheet: unknown): Promise<void> {
  type Pipe = { writableLength?: number; _writableState?: { length?: number } };
  const stream = (sheet as { stream?: { pipes?: Pipe[] } }).stream;
  if (!stream?.pipes) return;
  for (;;) {
    const pipes = stream.pipes;
    // archiver's PassThrough comes from readable-stream 2, which has no writableLength getter.
    const backlog = pipes.reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0);
    if (pipes.length > 0 && backlog < SHEET_BACKLOG) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}

function sqlType(c: ArchiveColumn): string {
  return c.kind === 'number' ? 'ANY' : c.kind === 'time' ? 'INTEGER' : 'TEXT';
}

async function writeChunk(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

async function endStream(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes data/tickets.xlsx, data/<section>.csv and data/month.sqlite into `dataDir` (a temp
 * folder of the run). `workbookDate` is the fixed creation date stored in the workbook, so the
 * same month gives the same bytes.
 */
export async function writeSectionTables(
  src: MonthSource,
  sections: readonly ArchiveSection[],
  dataDir: string,
  workbookDate: Date,
  progress: TablesProgress,
): Promise<Record<string, number>> {
  const time = localTimeFormatter(src.timeZone);
  const xlsxPath = join(dataDir, 'tickets.xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsxPath,
    // No styles: exceljs' per-cell style lookup was a tenth of the run; the two header rows and
    // the frozen panes say what is a header.
    useStyles: false,
    useSharedStrings: false,
    created: workbookDate,
    modified: workbookDate,
    creator: 'Kefu Desk',
    lastModifiedBy: 'Kefu Desk',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  const sqlitePath = join(dataDir, 'month.sqlite');
  const out = new Database(sqlitePath);
  // A file written once, then fsynced: no journal needed; a failed run is thrown away whole.
  out.pragma('journal_mode = OFF');
  out.pragma('synchronous = OFF');
  out.pragma('page_size = 4096');
  const counts: Record<string, number> = {};
  let done = 0;
  try {
    out.exec('BEGIN');
    for (const section of sections) {
      const cols = section.columns;
      out.exec(`CREATE TABLE "${section.name}" (${cols.map((c) => `"${c.key}" ${sqlType(c)}`).join(', ')}) STRICT`);
      const insert = out.prepare(`INSERT INTO "${section.name}" VALUES (${cols.map(() => '?').join(', ')})`);
      const sheet = workbook.addWorksheet(section.sheet.zh.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
      sheet.columns = cols.map((c) => ({ key: c.key, width: c.kind === 'time' ? 20 : c.kind === 'number' ? 10 : 18 }));
      sheet.addRow(cols.map((c) => c.zh)).commit();
      sheet.addRow(cols.map((c) => c.en)).commit();
      const csv = createWriteStream(join(dataDir, `${section.name}.csv`));
      let csvText = CSV_BOM + cols.map((c) => csvField(c.zh)).join(',') + '\r\n' + cols.map((c) => csvField(c.en)).join(',') + '\r\n';
      let n = 0;
      for (const raw of section.rows(src)) {
        insert.run(raw.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
        const cells: (string | number | null)[] = new Array(cols.length);
        for (let i = 0; i < cols.length; i++) {
          const v = raw[i];
          const kind = cols[i]!.kind;
          if (v === null || v === undefined) cells[i] = null;
          else if (kind === 'time') cells[i] = time(v as number);
          else if (typeof v === 'number') cells[i] = v;
          else cells[i] = neutraliseCellText(String(v));
        }
        sheet.addRow(cells.map((c) => c ?? undefined)).commit();
        // csvField neutralises again; the text is already safe, so it only quotes.
        csvText += cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : csvQuote(c))).join(',') + '\r\n';
        n++;
        if (n % BATCH === 0) {
          await writeChunk(csv, csvText);
          csvText = '';
          done += BATCH;
          progress.rows(done);
          await sheetDrained(sheet);
          await yieldNow();
        }
      }
      await writeChunk(csv, csvText);
      await endStream(csv);
      done += n % BATCH;
      progress.rows(done);
      sheet.commit();
      counts[section.name] = n;
    }
    out.exec('COMMIT');
  } catch (err) {
    if (out.inTransaction) out.exec('ROLLBACK');
    out.close();
    // The workbook writer is abandoned; the whole temp folder is removed by the caller.
    throw err;
  }
  out.close();
  await workbook.commit();
  normaliseZipDates(xlsxPath);
  for (const s of sections) fsyncFile(join(dataDir, `${s.name}.csv`));
  fsyncFile(xlsxPath);
  fsyncFile(sqlitePath);
  return counts;
}

function csvQuote(safe: string): string {
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
