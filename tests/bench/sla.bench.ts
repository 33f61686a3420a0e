// SLA engine throughput: due-time computations per second for a minute target and a
// working-day target, intake instants spread over 2025 (with its holidays and make-up days),
// next to the naive minute-by-minute reference measured in the same run.
// Run alone: npx tsx tests/bench/sla.bench.ts  (one JSON object per line)
import { CHINA_CALENDAR, compileCalendar, computeDue, type SlaTarget } from '../../shared/sla';
import { naiveCalendar } from '../unit/sla/naiveReference';

import type { BenchFigure } from './figure';

const ENGINE_MS = 1500;
const REFERENCE_MS = 1500;

/** Deterministic minute-aligned instants across 2025 (a small LCG: no Math.random in benches). */
function intakeInstants(count: number): number[] {
  const from = Date.UTC(2024, 11, 31, 16); // 2025-01-01 00:00 Asia/Shanghai
  const minutes = 365 * 24 * 60;
  let seed = 20250101;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    out.push(from + (seed % minutes) * 60_000);
  }
  return out;
}

/** Calls `op` over the instants until `budgetMs` has passed; returns operations per second. */
function opsPerSecond(instants: number[], budgetMs: number, op: (t: number) => number): number {
  let ops = 0;
  let sink = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 1000; i++) sink += op(instants[(ops + i) % instants.length] as number) & 1;
    ops += 1000;
    elapsed = performance.now() - started;
  }
  if (sink < 0) console.log(sink); // keeps the work observable so it is not optimised away
  return (ops / elapsed) * 1000;
}

export async function run(): Promise<BenchFigure[]> {
  const calendar = compileCalendar(CHINA_CALENDAR);
  const naive = naiveCalendar(CHINA_CALENDAR);
  const instants = intakeInstants(20_000);
  const cases: { bench: string; target: SlaTarget; minutes: number }[] = [
    { bench: 'sla.due.30WorkingMinutes', target: { amount: 30, unit: 'minutes', clock: 'working' }, minutes: 30 },
    { bench: 'sla.due.1WorkingDay', target: { amount: 1, unit: 'workingDays', clock: 'working' }, minutes: 450 },
  ];
  const figures: BenchFigure[] = [];
  for (const c of cases) {
    // The reference must agree with the engine, or the comparison means nothing.
    for (const t of instants.slice(0, 200)) {
      const engine = computeDue(calendar, t, c.target).due;
      const reference = naive.addMinutes(t, c.minutes);
      if (engine !== reference) throw new Error(`${c.bench}: engine ${engine} ≠ reference ${reference} for intake ${t}`);
    }
    opsPerSecond(instants, 200, (t) => computeDue(calendar, t, c.target).due); // warm-up: JIT and day cache
    const value = opsPerSecond(instants, ENGINE_MS, (t) => computeDue(calendar, t, c.target).due);
    const reference = opsPerSecond(instants, REFERENCE_MS, (t) => naive.addMinutes(t, c.minutes));
    figures.push({ bench: c.bench, value: Math.round(value), unit: 'ops/s', budget: 1_000_000, reference: Math.round(reference) });
  }
  return figures;
}

// Run alone (tsx loads this file as CommonJS here, so no top-level await).
if (process.argv[1] && /sla\.bench\.ts$/.test(process.argv[1])) {
  void run().then((figures) => {
    for (const figure of figures) console.log(JSON.stringify(figure));
  });
}
