// The monthly archive of 100,000 tickets: wall time and peak memory of a month close (XLSX, CSV,
// SQLite extract, report, checksums, zip) against the raw cost of reading the same rows, and the
// time to verify the result. Peak memory is sampled every 50 ms during the run (RSS and heap: the
// process's RSS counts the archive's worker threads too). The machine's 1-minute load average is
// printed before the run (the neighbours) and at the end of the close (the neighbours and us, two
// workers on two cores): on a shared machine the wall times mean little without it.
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { dbFileIn } from '../../electron/core/paths';
import { createArchive, openMonthSource } from '../../electron/core/services/archive/create';
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

function sampler(): { stop(): { rss: number; heap: number } } {
  let rss = process.memoryUsage.rss();
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage.rss());
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return { rss: Math.max(rss, process.memoryUsage.rss()), heap: Math.max(heap, process.memoryUsage().heapUsed) };
    },
  };
}

export async function run(): Promise<BenchFigure[]> {
  const centre = await generateCentre(undefined, { tickets: TICKETS, customers: Math.round(TICKETS / 4), openTickets: 500, range: RANGE });
  const dbFile = dbFileIn(centre.dataDir);
  const out = join(centre.dataDir, 'bench-archives');
  rmSync(out, { recursive: true, force: true });

  const loadBefore = loadavg()[0]!;
  global.gc?.();
  const base = process.memoryUsage.rss();
  const mem = sampler();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const created = await createArchive({ dbFile, month: MONTH, targetDir: out, createdBy: 'bench', createdAt: Date.now(), appVersion: 'bench' });
  const archiveMs = performance.now() - t0;
  // CPU of every thread of the process (the archive worker included): on a shared machine the
  // wall time says as much about the neighbours as about the archive.
  const archiveCpuMs = cpuMs(process.cpuUsage(c0));
  const peak = mem.stop();
  const loadAtClose = loadavg()[0]!;
  process.stderr.write(`[archive] ${JSON.stringify(created.counts)}; zip ${(created.sizeBytes / MB).toFixed(1)} MB; RSS before ${(base / MB).toFixed(0)} MB\n`);

  // Reference: reading every row of every section once, nothing written. After the close, so the
  // close's peak RSS starts from a process that holds no more than a fresh one would.
  global.gc?.();
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
    `[archive] close ${(archiveMs / 1000).toFixed(1)} s wall / ${(archiveCpuMs / 1000).toFixed(1)} s CPU, peak RSS ${(peak.rss / MB).toFixed(1)} MB, ` +
      `verify ${(verifyMs / 1000).toFixed(1)} s; reference read ${(readMs / 1000).toFixed(1)} s wall / ${(readCpuMs / 1000).toFixed(1)} s CPU; ` +
      `load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAtClose.toFixed(2)} at the end of the close, on ${availableParallelism()} cores\n`,
  );

  return [
    { bench: `archive.month.${TICKETS / 1000}k`, value: Math.round(archiveMs), unit: 'ms', budget: 20_000, reference: Math.round(readMs) },
    { bench: `archive.month.${TICKETS / 1000}k.cpu`, value: Math.round(archiveCpuMs), unit: 'ms', reference: Math.round(readCpuMs) },
    { bench: `archive.month.${TICKETS / 1000}k.peak-rss`, value: round(peak.rss / MB, 1), unit: 'MB', budget: 300 },
    { bench: `archive.month.${TICKETS / 1000}k.peak-heap`, value: round(peak.heap / MB, 1), unit: 'MB', budget: 300 },
    { bench: `archive.verify.${TICKETS / 1000}k.zip-against-live`, value: Math.round(verifyMs), unit: 'ms' },
    { bench: `archive.verify.${TICKETS / 1000}k.zip-against-live.cpu`, value: Math.round(verifyCpuMs), unit: 'ms' },
    { bench: `archive.load-average.before`, value: round(loadBefore, 2), unit: 'load' },
    { bench: `archive.load-average.end-of-close`, value: round(loadAtClose, 2), unit: 'load' },
  ];
}

if (require.main === module) {
  void run().then((figures) => figures.forEach((f) => console.log(JSON.stringify(f))));
}
