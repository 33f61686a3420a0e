// The monthly archive of 100,000 tickets: wall time and peak memory of a month close (XLSX, CSV,
// SQLite extract, report, checksums, zip) against the raw cost of reading the same rows, and the
// time to verify the result. Peak memory is sampled every 50 ms during the run (RSS and heap).
import { rmSync } from 'node:fs';
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

  // Reference: reading every row of every section once, nothing written.
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
  process.stderr.write(`[archive] ${JSON.stringify(created.counts)}; zip ${(created.sizeBytes / MB).toFixed(1)} MB; RSS before ${(base / MB).toFixed(0)} MB\n`);

  const live = openDatabase(dbFile, { readonly: true });
  const v0 = performance.now();
  const vc0 = process.cpuUsage();
  const report = await verifyArchive(`${created.folder}.zip`, { live });
  const verifyMs = performance.now() - v0;
  const verifyCpuMs = cpuMs(process.cpuUsage(vc0));
  live.close();
  if (!report.ok) throw new Error(`The bench archive does not verify: ${report.problems.map((p) => verifyProblemText(p, 'en')).join('; ')}`);
  rmSync(out, { recursive: true, force: true });

  return [
    { bench: `archive.month.${TICKETS / 1000}k`, value: Math.round(archiveMs), unit: 'ms', budget: 20_000, reference: Math.round(readMs) },
    { bench: `archive.month.${TICKETS / 1000}k.cpu`, value: Math.round(archiveCpuMs), unit: 'ms', reference: Math.round(readCpuMs) },
    { bench: `archive.month.${TICKETS / 1000}k.peak-rss`, value: round(peak.rss / MB, 1), unit: 'MB', budget: 300 },
    { bench: `archive.month.${TICKETS / 1000}k.peak-heap`, value: round(peak.heap / MB, 1), unit: 'MB', budget: 300 },
    { bench: `archive.verify.${TICKETS / 1000}k.zip-against-live`, value: Math.round(verifyMs), unit: 'ms' },
    { bench: `archive.verify.${TICKETS / 1000}k.zip-against-live.cpu`, value: Math.round(verifyCpuMs), unit: 'ms' },
  ];
}

if (require.main === module) {
  void run().then((figures) => figures.forEach((f) => console.log(JSON.stringify(f))));
}
