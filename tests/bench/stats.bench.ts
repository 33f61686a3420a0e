// Statistics on the full-size centre (1,000,000 tickets over twelve months; see generate.ts):
// a month's and a year's stats.summary through the real registry, the drill-down and the
// performance board, each next to the raw aggregate SQL over the tickets table that answers the
// same volume questions (the lower bound without our facts cache and layers). The facts cache and
// its day/month rollups are brought up to date first: on a centre without them this is the
// background build in slices, timed whole, with the longest stall of the event loop it caused
// (what a person at the app would feel); it is not a request's time.
//
// Run alone: npx tsx tests/bench/stats.bench.ts
import { rmSync } from 'node:fs';
import { createCore } from '../../electron/core';
import { backupsDir } from '../../electron/core/db/backup';
import { factsBuildProgress, refreshFacts, startFactsBuild } from '../../electron/core/services/statsFacts';
import { formatIsoDate } from '../../shared/sla/civilDate';
import { localDay } from '../../shared/stats/period';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { percentile, round, timeEach, type BenchFigure } from './figure';
import { BENCH_ADMIN, DEFAULT_CACHE_ROOT, generateCentre } from './generate';

const RUNS = 15;
const TZ = 'Asia/Shanghai';
const log = (msg: string) => process.stderr.write(`[stats.bench] ${msg}\n`);
const median = (xs: number[]) => percentile(xs, 50);

/** The raw reference: the volume figures of a period straight from tickets, one pass per cohort. */
const RAW_CREATED = `SELECT count(*), count(feedback_at), sum(category = 'complaint') FROM tickets WHERE created_at >= ? AND created_at < ?`;
const RAW_COMPLETED = `SELECT count(*), sum(overtime_minutes > 0), avg(feedback_at - created_at) FROM tickets WHERE feedback_at >= ? AND feedback_at < ?`;

export async function run(): Promise<BenchFigure[]> {
  const centre = await generateCentre(DEFAULT_CACHE_ROOT);
  const core = await createCore({ dataDir: centre.dataDir, backupCheckEveryMs: 0, maintenanceEveryMs: 0, buildStatsAtStart: false });
  const figures: BenchFigure[] = [];
  try {
    const must = <M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> => {
      const r = core.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    must('auth.signIn', { name: BENCH_ADMIN.name, password: BENCH_ADMIN.password });
    const db = core.db;

    const t0 = performance.now();
    const ready = db.prepare("SELECT count(*) FROM stats_state WHERE id = 'facts'").pluck().get() === 1;
    if (!ready) {
      // The build the app runs: slices between turns of the event loop; a 5 ms ticker measures the stalls.
      let last = performance.now();
      let stall = 0;
      const ticker = setInterval(() => {
        const at = performance.now();
        stall = Math.max(stall, at - last);
        last = at;
      }, 5);
      startFactsBuild(db, () => Date.now());
      while (factsBuildProgress(db)) await new Promise((r) => setTimeout(r, 50));
      clearInterval(ticker);
      const buildMs = performance.now() - t0;
      log(`facts and rollups built in the background in ${(buildMs / 1000).toFixed(1)} s, longest event-loop stall ${stall.toFixed(0)} ms`);
      figures.push({ bench: 'stats.facts.build.1M', value: round(buildMs, 0), unit: 'ms' });
      figures.push({ bench: 'stats.facts.build.stall.1M', value: round(stall, 0), unit: 'ms', budget: 250 });
    }
    const t1 = performance.now();
    const refreshed = db.transaction(() => refreshFacts(db, Date.now()))();
    const refreshMs = performance.now() - t1;
    log(`facts ${refreshed.rebuilt ? 'rebuilt' : 'refreshed'} for ${refreshed.replayed} tickets in ${refreshMs.toFixed(0)} ms`);
    figures.push({ bench: 'stats.facts.refresh', value: round(refreshMs, 0), unit: 'ms' });
    for (const table of ['ticket_facts', 'stats_rollup', 'stats_arrivals']) log(`${table}: ${db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number} rows`);
    db.pragma('optimize');

    // The last whole month and the last 365 days before the generation ended.
    const today = localDay(TZ, centre.generatedAt);
    const month = { preset: 'lastMonth' } as const;
    const year = { from: formatIsoDate(today - 364), to: formatIsoDate(today) };
    const first = must('stats.summary', { period: month });
    log(`month ${first.period.fromDay}…${first.period.toDay}: received ${first.figures.created}, completed ${first.figures.completed}, compliance ${first.figures.compliance} %`);
    const monthMs = timeEach(RUNS, () => must('stats.summary', { period: month }));
    const yearMs = timeEach(5, () => must('stats.summary', { period: year, groupBy: 'month' }));
    const y = must('stats.summary', { period: year, groupBy: 'month' });
    log(`year ${y.period.fromDay}…${y.period.toDay}: received ${y.figures.created}, completed ${y.figures.completed}`);
    const filteredMs = timeEach(RUNS, () => must('stats.summary', { period: month, filters: { tier: 'key', channel: 'phone' } }));
    const drillMs = timeEach(RUNS, () => must('stats.tickets', { period: month, figure: 'breaches', limit: 100 }));
    const perfMs = timeEach(5, () => must('stats.performance', { period: month }));

    const raw = (p: { from: number; to: number }) => {
      db.prepare(RAW_CREATED).raw().get(p.from, p.to);
      db.prepare(RAW_COMPLETED).raw().get(p.from, p.to);
    };
    const rawMonth = timeEach(RUNS, () => raw(first.period));
    const rawYear = timeEach(5, () => raw(y.period));
    for (const sql of [RAW_CREATED, RAW_COMPLETED]) log(`raw plan: ${(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 1) as { detail: string }[]).map((r) => r.detail).join(' | ')}`);

    figures.push({ bench: 'stats.summary.month.1M', value: round(median(monthMs), 1), unit: 'ms', budget: 100, reference: round(median(rawMonth), 1) });
    figures.push({ bench: 'stats.summary.year.1M', value: round(median(yearMs), 1), unit: 'ms', budget: 500, reference: round(median(rawYear), 1) });
    figures.push({ bench: 'stats.summary.month.filtered.1M', value: round(median(filteredMs), 1), unit: 'ms', budget: 100, reference: round(median(rawMonth), 1) });
    figures.push({ bench: 'stats.tickets.month.breaches', value: round(median(drillMs), 1), unit: 'ms' });
    figures.push({ bench: 'stats.performance.month.1M', value: round(median(perfMs), 1), unit: 'ms' });
    return figures;
  } finally {
    await core.close();
    // The start took a daily backup of the bench centre: not wanted, and 3 GB.
    rmSync(backupsDir(centre.dataDir), { recursive: true, force: true });
  }
}

if (require.main === module) void run().then((fs) => fs.forEach((f) => console.log(JSON.stringify(f))));
