// The monthly archive of 100,000 tickets: wall time and peak memory of a month close (XLSX, CSV,
// SQLite extract, report, checksums, zip) against the raw cost of reading the same rows, and the
// time to verify the result. The close runs in a process of its own, as in the app's core, and its
// peak memory is that process's high-water mark (VmHWM: worker threads included, no spike missed). The machine's 1-minute load average is
// printed before the run (the neighbours) and at the end of the close (the neighbours and us, two
// workers on two cores): on a shared machine the wall times mean little without it.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { dbFileIn } from '../../electron/core/paths';
import { openMonthSource } from '../../electron/core/services/archive/create';
import { verifyArchive } from '../../electron/core/services/archive/verify';
import { verifyProblemText } from '../../shared/archiveProblems';
import { round, type BenchFigure } from './figure';
import { generateCentre } from './generate';

const TICKETS = Number(process.env.KEFU_BENCH_ARCHIVE_TICKETS ?? 100_000);
const MONTH = '2026-03';
// The month in Shanghai, a little inside its bounds so every generated ticket belongs to it.
const RANGE = { start: Date.parse('2026-03-01T00:30:00+08:00'), end: Date.parse('2026-03-31T22:00:00+08:00') };
const MB = 1024 * 1024;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

interface ClosedMonth {
  wallMs: number;
  cpuMs: number;
  baseKb: number;
  peakKb: number;
  folder: string;
  counts: Record<string, number>;
  sizeBytes: number;
}

/** The close in a child process of its own (archiveClose.child.ts): its peak is the close's. */
function closeInFreshProcess(dbFile: string, targetDir: string): ClosedMonth {
  const child = join(__dirname, 'archiveClose.child.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, dbFile, MONTH, targetDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`The month close failed in its process (exit ${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ClosedMonth;
}

export async function run(): Promise<BenchFigure[]> {
  const centre = await generateCentre(undefined, { tickets: TICKETS, customers: Math.round(TICKETS / 4), openTickets: 500, range: RANGE });
  const dbFile = dbFileIn(centre.dataDir);
  const out = join(centre.dataDir, 'bench-archives');
  rmSync(out, { recursive: true, force: true });

  const loadBefore = loadavg()[0]!;
  const close = closeInFreshProcess(dbFile, out);
  const loadAtClose = loadavg()[0]!;
  const archiveMs = close.wallMs;
  const archiveCpuMs = close.cpuMs;
  const created = { folder: close.folder };
  process.stderr.write(`[archive] ${JSON.stringify(close.counts)}; zip ${(close.sizeBytes / MB).toFixed(1)} MB; the closing process: ${(close.baseKb / 1024).toFixed(0)} MB before, peak ${(close.peakKb / 1024).toFixed(1)} MB\n`);

  // Reference: reading every row of every section once, nothing written.
  const r0 = performance.now();
  const rc0 = process.cpuUsage();
  const month = openMonthSource(dbFile, MONTH);
  let rows = 0;
  for (const s of month.sections) for (const _ of s.rows(month.src)) rows++;
  month.close();
  const readMs = performance.now() - r0;
  const readCpuMs = cpuMs(process.cpuUsage(rc0));
  process.stderr.write(`[archive] ${rows} rows in ${month.sections.length} sections read in ${readMs.toFixed(0)} ms\n`);

  const live = openDatabase(dbFile, { readonly: true });
  const v0 = performance.now();
  const vc0 = process.cpuUsage();
  const report = await verifyArchive(`${created.folder}.zip`, { live });
  const verifyMs = performance.now() - v0;
  const verifyCpuMs = cpuMs(process.cpuUsage(vc0));
  live.close();
  if (!report.ok) throw new Error(`The bench archive does not verify: ${report.problems.map((p) => verifyProblemText(p, 'en')).join('; ')}`);
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(
    `[archive] close ${(archiveMs / 1000).toFixed(1)} s wall / ${(archiveCpuMs / 1000).toFixed(1)} s CPU, peak RSS ${(close.peakKb / 1024).toFixed(1)} MB, ` +
      `verify ${(verifyMs / 1000).toFixed(1)} s; reference read ${(readMs / 1000).toFixed(1)} s wall / ${(readCpuMs / 1000).toFixed(1)} s CPU; ` +
      `load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAtClose.toFixed(2)} at the end of the close, on ${availableParallelism()} cores\n`,
  );

  return [
    { bench: `archive.month.${TICKETS / 1000}k`, value: Math.round(archiveMs), unit: 'ms', budget: 20_000, reference: Math.round(readMs) },
    { bench: `archive.month.${TICKETS / 1000}k.cpu`, value: Math.round(archiveCpuMs), unit: 'ms', reference: Math.round(readCpuMs) },
    { bench: `archive.month.${TICKETS / 1000}k.peak-rss`, value: round(close.peakKb / 1024, 1), unit: 'MB', budget: 300 },
    { bench: `archive.verify.${TICKETS / 1000}k.zip-against-live`, value: Math.round(verifyMs), unit: 'ms' },
    { bench: `archive.verify.${TICKETS / 1000}k.zip-against-live.cpu`, value: Math.round(verifyCpuMs), unit: 'ms' },
    { bench: `archive.load-average.before`, value: round(loadBefore, 2), unit: 'load' },
    { bench: `archive.load-average.end-of-close`, value: round(loadAtClose, 2), unit: 'load' },
  ];
}

if (require.main === module) {
  void run().then((figures) => figures.forEach((f) => console.log(JSON.stringify(f))));
}
