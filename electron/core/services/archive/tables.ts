// Writes every section once: a sheet of tickets.xlsx (the streaming writer in xlsx.ts), a CSV
// (UTF-8 with BOM) and a table of month.sqlite, from the same rows in one pass. Runs in the
// archive worker (worker.ts), off the app's main thread; every few thousand rows it reports
// progress and notices a cancel, and the streams drain as they go, so memory stays flat.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CSV_BOM, csvRow, neutraliseCellText, quoteCsvText } from '../../../../shared/export/cells';
import type { ArchiveColumn, ArchiveSection, MonthSource } from './sections';
import { localTimeFormatter } from './timeText';
import { numberCellXml, textCellXml, XlsxWriter } from './xlsx';
import type { DeflatedPart } from './zip';

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

const BATCH = 500;

function sqlType(c: ArchiveColumn): string {
  return c.kind === 'number' ? 'ANY' : c.kind === 'time' ? 'INTEGER' : 'TEXT';
}

/** A CSV written to its file and, from the same bytes, deflated for the archive's zip and hashed. */
export interface CsvOutput {
  sha256: string;
  part: DeflatedPart;
}

/** Writes all of a buffer at the file's end (the worker's own thread: a blocking write is fine, and nothing piles up in memory). */
function putAll(fd: number, buf: Buffer): void {
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
}

class CsvWriter {
  private readonly file: number;
  private readonly deflated: number;
  private readonly deflate = createDeflateRaw({ level: 1 });
  private readonly hash = createHash('sha256');
  private crc = 0;
  private size = 0;
  private compressed = 0;

  constructor(
    path: string,
    private readonly partPath: string,
  ) {
    this.file = openSync(path, 'w');
    this.deflated = openSync(partPath, 'w');
    this.deflate.on('data', (c: Buffer) => {
      this.compressed += c.length;
      putAll(this.deflated, c);
    });
  }

  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    const buf = Buffer.from(text, 'utf8');
    this.crc = crc32(buf, this.crc);
    this.size += buf.length;
    this.hash.update(buf);
    putAll(this.file, buf);
    // Deflate runs in libuv's thread pool, beside this thread's next rows.
    await new Promise<void>((resolve, reject) => this.deflate.write(buf, (e) => (e ? reject(e) : resolve())));
  }

  async end(): Promise<CsvOutput> {
    await new Promise<void>((resolve, reject) => {
      this.deflate.once('error', reject);
      this.deflate.once('end', resolve);
      this.deflate.end();
    });
    fsyncSync(this.file);
    closeSync(this.file);
    closeSync(this.deflated);
    return { sha256: this.hash.digest('hex'), part: { path: this.partPath, crc: this.crc, size: this.size, compressed: this.compressed } };
  }

  /** Gives up (a failed or cancelled run): the files are closed as they are. */
  abandon(): void {
    this.deflate.destroy();
    for (const fd of [this.file, this.deflated]) {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
    }
  }
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
 * What one archive worker writes: the month close runs two side by side (one core each), each
 * reading the same rows from its own snapshot: 'workbook' writes data/tickets.xlsx, 'files' the
 * CSVs and data/month.sqlite. 'all' writes everything from one pass (one thread).
 */
export type TablesPart = 'workbook' | 'files' | 'all';

/**
 * Writes data/tickets.xlsx, data/<section>.csv and data/month.sqlite (those of `part`) into
 * `dataDir` (a temp folder of the run). `workbookDate` is the fixed creation date stored in the
 * workbook, so the same month gives the same bytes.
 */
export async function writeSectionTables(
  src: MonthSource,
  sections: readonly ArchiveSection[],
  dataDir: string,
  /** Where each CSV's deflated twin goes (outside data/: only the zip uses them). */
  partsDir: string,
  workbookDate: Date,
  progress: TablesProgress,
  part: TablesPart = 'all',
): Promise<{ counts: Record<string, number>; csvs: Record<string, CsvOutput> }> {
  if (part === 'workbook') return writeWorkbook(src, sections, dataDir, workbookDate, progress);
  const time = localTimeFormatter(src.timeZone);
  const workbook = part === 'all' ? new XlsxWriter(join(dataDir, 'tickets.xlsx'), { creator: 'Kefu Desk', created: workbookDate }) : null;
  const sqlitePath = join(dataDir, 'month.sqlite');
  const out = new Database(sqlitePath);
  // A file written once, then fsynced: no journal needed; a failed run is thrown away whole.
  out.pragma('journal_mode = OFF');
  out.pragma('synchronous = OFF');
  out.pragma('page_size = 4096');
  const counts: Record<string, number> = {};
  const csvs: Record<string, CsvOutput> = {};
  let current: CsvWriter | null = null;
  let done = 0;
  try {
    out.exec('BEGIN');
    for (const section of sections) {
      const cols = section.columns;
      out.exec(`CREATE TABLE "${section.name}" (${cols.map((c) => `"${c.key}" ${sqlType(c)}`).join(', ')}) STRICT`);
      const insert = out.prepare(`INSERT INTO "${section.name}" VALUES (${cols.map(() => '?').join(', ')})`);
      if (workbook) await beginSectionSheet(workbook, section);
      const csv = (current = new CsvWriter(join(dataDir, `${section.name}.csv`), join(partsDir, `${section.name}.csv.deflate`)));
      let csvText = CSV_BOM + csvRow(cols.map((c) => c.zh)) + csvRow(cols.map((c) => c.en));
      const kinds = cols.map((c) => c.kind);
      if (!workbook) {
        // The CSV and the table only (the workbook is written by the other worker).
        let n = 0;
        for (const raw of section.rows(src)) {
          insert.run(raw);
          for (let i = 0; i < kinds.length; i++) {
            if (i > 0) csvText += ',';
            const v = raw[i];
            if (v === null || v === undefined) continue;
            if (kinds[i] === 'time') csvText += time(v as number);
            else if (typeof v === 'number') csvText += String(v);
            else {
              const text = neutraliseCellText(String(v));
              if (text.length > 0) csvText += quoteCsvText(text);
            }
          }
          csvText += '\r\n';
          n++;
          if (n % BATCH === 0) {
            await csv.write(csvText);
            csvText = '';
            done += BATCH;
            progress.rows(done);
          }
        }
        await csv.write(csvText);
        csvs[`${section.name}.csv`] = await csv.end();
        current = null;
        done += n % BATCH;
        progress.rows(done);
        counts[section.name] = n;
        continue;
      }
      const letters = workbook.columns();
      let n = 0;
      // One pass per row builds its sheet XML and its CSV line side by side, no cell objects: at
      // half a million rows the allocations, not the writing, were the cost.
      for (const raw of section.rows(src)) {
        insert.run(raw);
        const r = workbook.nextRow();
        let xml = '';
        for (let i = 0; i < kinds.length; i++) {
          if (i > 0) csvText += ',';
          const v = raw[i];
          if (v === null || v === undefined) continue;
          if (kinds[i] === 'time') {
            const text = time(v as number);
            xml += textCellXml(letters[i]! + r, text);
            csvText += text;
          } else if (typeof v === 'number') {
            xml += numberCellXml(letters[i]! + r, v);
            csvText += String(v);
          } else {
            const text = neutraliseCellText(String(v));
            if (text.length === 0) continue;
            xml += textCellXml(letters[i]! + r, text);
            // The text is neutralised already: the CSV only quotes it.
            csvText += quoteCsvText(text);
          }
        }
        workbook.putRow(r, xml);
        csvText += '\r\n';
        n++;
        if (n % BATCH === 0) {
          await Promise.all([csv.write(csvText), workbook.flush()]);
          csvText = '';
          done += BATCH;
          progress.rows(done);
        }
      }
      await workbook.flush();
      await csv.write(csvText);
      csvs[`${section.name}.csv`] = await csv.end();
      current = null;
      done += n % BATCH;
      progress.rows(done);
      await workbook.endSheet();
      counts[section.name] = n;
    }
    out.exec('COMMIT');
    await workbook?.finish();
  } catch (err) {
    if (out.inTransaction) out.exec('ROLLBACK');
    out.close();
    workbook?.abandon();
    current?.abandon();
    // The whole temp folder is removed by the caller.
    throw err;
  }
  out.close();
  fsyncFile(sqlitePath);
  return { counts, csvs };
}

async function beginSectionSheet(workbook: XlsxWriter, section: ArchiveSection): Promise<void> {
  const cols = section.columns;
  await workbook.beginSheet({
    name: section.sheet.zh,
    widths: cols.map((c) => (c.kind === 'time' ? 20 : c.kind === 'number' ? 10 : 18)),
    frozenRows: 2,
  });
  workbook.row(cols.map((c) => c.zh));
  workbook.row(cols.map((c) => c.en));
}

/** The 'workbook' part: data/tickets.xlsx alone, one sheet per section. */
async function writeWorkbook(
  src: MonthSource,
  sections: readonly ArchiveSection[],
  dataDir: string,
  workbookDate: Date,
  progress: TablesProgress,
): Promise<{ counts: Record<string, number>; csvs: Record<string, CsvOutput> }> {
  const time = localTimeFormatter(src.timeZone);
  const workbook = new XlsxWriter(join(dataDir, 'tickets.xlsx'), { creator: 'Kefu Desk', created: workbookDate });
  const counts: Record<string, number> = {};
  let done = 0;
  try {
    for (const section of sections) {
      await beginSectionSheet(workbook, section);
      const kinds = section.columns.map((c) => c.kind);
      const letters = workbook.columns();
      let n = 0;
      for (const raw of section.rows(src)) {
        const r = workbook.nextRow();
        let xml = '';
        for (let i = 0; i < kinds.length; i++) {
          const v = raw[i];
          if (v === null || v === undefined) continue;
          if (kinds[i] === 'time') xml += textCellXml(letters[i]! + r, time(v as number));
          else if (typeof v === 'number') xml += numberCellXml(letters[i]! + r, v);
          else {
            const text = neutraliseCellText(String(v));
            if (text.length > 0) xml += textCellXml(letters[i]! + r, text);
          }
        }
        workbook.putRow(r, xml);
        n++;
        if (n % BATCH === 0) {
          await workbook.flush();
          done += BATCH;
          progress.rows(done);
        }
      }
      await workbook.endSheet();
      done += n % BATCH;
      progress.rows(done);
      counts[section.name] = n;
    }
    await workbook.finish();
  } catch (err) {
    workbook.abandon();
    throw err;
  }
  return { counts, csvs: {} };
}
