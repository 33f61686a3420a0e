// Month close: one folder kefu-archive-<SEAT>-<YYYY-MM>/ laid out like a BagIt bag, and a .zip of
// it. Everything is written under a temp name, fsynced and renamed into place at the very end, so
// a failed or cancelled run leaves nothing that looks like an archive.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ArchiveSummary, ChainHead } from '../../../../shared/archive';
import { openDatabase, type Db } from '../../db/open';
import { getSetting } from '../settings';
import { chainHeadAt, chainSegment, monthBounds, snapshotMark } from './month';
import { monthReportData, renderMonthReport, type PdfPrinter } from './report';
import { archiveSections, prepareMonthTickets, type ArchiveSection, type MonthSource } from './sections';
// Sections registered after the built-in ones (loaded here, so the archive worker has them too).
import './callbacksSection';
import { ArchiveCancelled, fsyncFile } from './tables';
import { startTableWorkers } from './tablesJob';
import { ZipWriter } from './zip';

export const archiveName = (seat: string, month: string) => `kefu-archive-${seat}-${month}`;
export const archivesDirIn = (dataDir: string) => join(dataDir, 'archives');

export interface CreateArchiveOptions {
  dbFile: string;
  month: string;
  /** Where the folder and the zip go (default <dataDir>/archives). */
  targetDir: string;
  createdBy: string;
  createdAt: number;
  appVersion: string;
  printPdf?: PdfPrinter | null;
  onProgress?(fraction: number, step: string): void;
  isCancelled?(): boolean;
}

export interface CreatedArchive extends ArchiveSummary {
  counts: Record<string, number>;
  chains: ChainHead[];
  pdf: boolean;
}

export interface MonthSnapshotHooks {
  /** Runs just before the read transaction takes its snapshot (the archive's readers line up here). */
  beforeSnapshot?(): void;
  /** Runs once the snapshot is taken (its first read is done). */
  afterSnapshot?(): void;
}

/** Opens a snapshot of the month: a read-only connection inside one read transaction. */
export function openMonthSource(
  dbFile: string,
  month: string,
  hooks: MonthSnapshotHooks = {},
): { src: MonthSource; sections: ArchiveSection[]; seat: string; centreName: string; mark: string; close(): void } {
  const db: Db = openDatabase(dbFile, { readonly: true });
  try {
    // Sorting the month's tickets and the temp table of their ids spill to a temp file past the
    // page cache instead of growing in memory (the app's connections keep temp data in memory).
    db.pragma('temp_store = FILE');
    // A snapshot read streams each table once in order: 8 MB of page cache is enough, and the
    // app's 64 MB (sized for writes) in each of the close's three connections broke the 300 MB budget.
    db.pragma('cache_size = -8192');
    hooks.beforeSnapshot?.();
    db.exec('BEGIN');
    // In WAL mode the first read fixes the transaction's snapshot.
    const centre = getSetting(db, 'centre');
    hooks.afterSnapshot?.();
    if (!centre) throw new Error('The centre is not set up: there is nothing to archive.');
    const { from, to } = monthBounds(month, centre.timeZone);
    const src: MonthSource = {
      db,
      month,
      from,
      to,
      timeZone: centre.timeZone,
      segments: { ticket_events: chainSegment(db, 'ticket_events', from, to), audit_log: chainSegment(db, 'audit_log', from, to) },
    };
    const mark = `${snapshotMark(db)} ${JSON.stringify(src.segments)}`;
    prepareMonthTickets(src);
    const sections = archiveSections().filter((s) => s.available(db));
    return {
      src,
      sections,
      seat: centre.seatCode,
      centreName: centre.centreName,
      mark,
      close() {
        if (db.inTransaction) db.exec('ROLLBACK');
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

function writeSynced(path: string, text: string): void {
  writeFileSync(path, text, 'utf8');
  fsyncFile(path);
}

function fsyncDir(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory; the renames are durable there anyway.
  }
}

function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** The readers of a month close opened different snapshots (something wrote in between): run again. */
class SnapshotsDiffer extends Error {}

export async function createArchive(o: CreateArchiveOptions): Promise<CreatedArchive> {
  // A write from another thread or process between the readers' snapshots is all but impossible
  // (this thread's own writes cannot fall between them); if it happens the close starts over.
  for (let attempt = 1; ; attempt++) {
    try {
      return await createArchiveOnce(o, attempt);
    } catch (err) {
      if (!(err instanceof SnapshotsDiffer) || attempt >= 3) throw err;
    }
  }
}

async function createArchiveOnce(o: CreateArchiveOptions, attempt: number): Promise<CreatedArchive> {
  mkdirSync(o.targetDir, { recursive: true });
  const tmp = join(o.targetDir, `.kefu-archive-${o.month}.partial-${process.pid}-${o.createdAt}-${attempt}`);
  const tmpZip = `${tmp}.zip`;
  const check = () => {
    if (o.isCancelled?.()) throw new ArchiveCancelled();
  };
  const dataDir = join(tmp, 'data');
  const partsDir = join(tmp, '.zip-parts');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(partsDir, { recursive: true });
  o.onProgress?.(0, 'archive.step.counting');
  // The tables (~90 % of the work) are written by two workers, each with its own snapshot;
  // meanwhile this thread makes the report and reads the chain heads from a third, taken at the
  // same moment (release() holds this thread while the workers take theirs).
  let cancelled = false;
  const tables = startTableWorkers(
    { dbFile: o.dbFile, month: o.month, dataDir, partsDir },
    {
      onProgress(fraction) {
        o.onProgress?.(0.9 * fraction, 'archive.step.tables');
      },
      isCancelled: () => cancelled || (o.isCancelled?.() ?? false),
    },
  );
  // Never an unhandled rejection while the report is made; awaited below.
  tables.result.catch(() => {});
  let month: ReturnType<typeof openMonthSource> | null = null;
  try {
    await Promise.race([tables.ready, tables.result]);
    month = openMonthSource(o.dbFile, o.month, { beforeSnapshot: () => tables.release() });
  } catch (err) {
    tables.abort();
    await tables.result.catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  const name = archiveName(month.seat, o.month);
  try {
    const { src, sections } = month;
    let seats: string[];
    let chains: ChainHead[];
    let html: string;
    try {
      const marks = await Promise.race([tables.marks, tables.result.then(() => [])]);
      if (marks.some((m) => m !== month!.mark)) throw new SnapshotsDiffer(`The archive's readers saw different data: ${[month.mark, ...marks].join(' | ')}`);
      seats = src.db.prepare('SELECT DISTINCT seat FROM tickets WHERE id IN (SELECT id FROM temp.month_tickets) ORDER BY seat').pluck().all() as string[];
      if (!seats.includes(month.seat)) seats.unshift(month.seat);
      html = renderMonthReport(monthReportData(src, month.centreName, seats));
      chains = (['ticket_events', 'audit_log'] as const).map((table) => ({ table, ...chainHeadAt(src.db, table, src.segments[table].hi) }));
      month.close();
      writeSynced(join(dataDir, 'report.html'), html);
    } catch (err) {
      cancelled = true;
      tables.abort();
      await tables.result.catch(() => {});
      throw err;
    }
    const { counts, csvs } = await tables.result;
    check();
    o.onProgress?.(0.9, 'archive.step.report');
    let pdf = false;
    if (o.printPdf) {
      const bytes = await o.printPdf(html);
      writeFileSync(join(dataDir, 'report.pdf'), bytes);
      fsyncFile(join(dataDir, 'report.pdf'));
      pdf = true;
    }
    check();

    // The bag's tag files, then one pass over the payload that zips each file and takes its
    // checksum on the same read (the CSVs were deflated and hashed by the worker as it wrote them),
    // then the manifests. The zip's entries come in name order, as a listing of the folder would.
    o.onProgress?.(0.92, 'archive.step.zip');
    const payload = readdirSync(dataDir).sort();
    const bytes = payload.reduce((n, f) => n + statSync(join(dataDir, f)).size, 0);
    writeSynced(join(tmp, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const unavailable = archiveSections().filter((s) => !sections.includes(s)).map((s) => s.name);
    const info = [
      `Source-Organization: ${month.centreName}`,
      `Bagging-Date: ${isoUtc(o.createdAt).slice(0, 10)}`,
      `Payload-Oxum: ${bytes}.${payload.length}`,
      `Kefu-Month: ${o.month}`,
      `Kefu-Time-Zone: ${src.timeZone}`,
      `Kefu-Period: ${isoUtc(src.from)}/${isoUtc(src.to)}`,
      `Kefu-Seat: ${month.seat}`,
      `Kefu-Seats: ${seats.join(' ')}`,
      `Kefu-Sections: ${sections.map((s) => s.name).join(' ')}`,
      ...(unavailable.length ? [`Kefu-Sections-Not-In-This-Database: ${unavailable.join(' ')}`] : []),
      ...sections.map((s) => `Kefu-Count-${s.name}: ${counts[s.name] ?? 0}`),
      ...chains.map((c) => `Kefu-Chain-Head-${c.table}: ${c.seq} ${c.hash} ${c.rows}`),
      `Kefu-Created-By: ${o.createdBy}`,
      `Kefu-Created-At: ${isoUtc(o.createdAt)}`,
      `Kefu-App-Version: ${o.appVersion}`,
    ];
    writeSynced(join(tmp, 'bag-info.txt'), info.join('\n') + '\n');
    const zfd = openSync(tmpZip, 'w');
    try {
      const zip = new ZipWriter(zfd);
      const tagLines: string[] = [];
      const addTag = async (t: string) => tagLines.push(`${await zip.addFile(`${name}/${t}`, join(tmp, t))}  ${t}`);
      await addTag('bag-info.txt');
      await addTag('bagit.txt');
      const manifest: string[] = [];
      for (const [i, f] of payload.entries()) {
        check();
        const csv = csvs[f];
        let sha: string;
        if (csv) {
          await zip.addDeflated(`${name}/data/${f}`, csv.part);
          sha = csv.sha256;
        } else {
          sha = await zip.addFile(`${name}/data/${f}`, join(dataDir, f), /\.(xlsx|pdf)$/.test(f));
        }
        manifest.push(`${sha}  data/${f}`);
        o.onProgress?.(0.92 + (0.07 * (i + 1)) / payload.length, 'archive.step.zip');
      }
      writeSynced(join(tmp, 'manifest-sha256.txt'), manifest.join('\n') + '\n');
      await addTag('manifest-sha256.txt');
      writeSynced(join(tmp, 'tagmanifest-sha256.txt'), tagLines.join('\n') + '\n');
      await zip.addFile(`${name}/tagmanifest-sha256.txt`, join(tmp, 'tagmanifest-sha256.txt'));
      zip.finish();
      fsyncSync(zfd);
    } finally {
      closeSync(zfd);
    }
    rmSync(partsDir, { recursive: true, force: true });
    fsyncDir(dataDir);
    fsyncDir(tmp);
    check();

    // Into place: an older archive of the month (regenerating) is moved aside first, removed last.
    const folder = join(o.targetDir, name);
    const zip = `${folder}.zip`;
    const aside = join(o.targetDir, `.${name}.replaced-${o.createdAt}`);
    if (existsSync(folder)) renameSync(folder, aside);
    if (existsSync(zip)) rmSync(zip, { force: true });
    renameSync(tmp, folder);
    renameSync(tmpZip, zip);
    fsyncDir(o.targetDir);
    rmSync(aside, { recursive: true, force: true });
    o.onProgress?.(1, 'archive.step.done');
    return {
      name,
      month: o.month,
      seat: month.seat,
      folder,
      zip,
      createdAt: o.createdAt,
      sizeBytes: statSync(zip).size,
      counts,
      chains,
      pdf,
    };
  } catch (err) {
    month.close();
    await tables.result.catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    rmSync(tmpZip, { force: true });
    throw err;
  }
}

/** The archives in a folder, newest month first. */
export function listArchives(targetDir: string): ArchiveSummary[] {
  if (!existsSync(targetDir)) return [];
  const re = /^kefu-archive-([A-Z0-9]{2,6})-(\d{4}-\d{2})$/;
  return readdirSync(targetDir)
    .map((n) => ({ n, m: re.exec(n) }))
    .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null && statSync(join(targetDir, x.n)).isDirectory())
    .map(({ n, m }) => {
      const folder = join(targetDir, n);
      const zip = existsSync(`${folder}.zip`) ? `${folder}.zip` : null;
      let createdAt: number | null = null;
      try {
        const info = readBagInfoText(join(folder, 'bag-info.txt'));
        createdAt = Date.parse(info['Kefu-Created-At'] ?? '') || null;
      } catch {
        createdAt = null;
      }
      return { name: n, seat: m[1]!, month: m[2]!, folder, zip, createdAt, sizeBytes: zip ? statSync(zip).size : 0 };
    })
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : a.seat.localeCompare(b.seat)));
}

export function parseBagInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

function readBagInfoText(path: string): Record<string, string> {
  return parseBagInfo(readFileSync(path, 'utf8'));
}
