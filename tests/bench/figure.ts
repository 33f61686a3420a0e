// The shape of one benchmark figure, printed as one JSON line by `npm run bench`, and what every
// bench of a write needs before it measures.
import { statSync } from 'node:fs';
import { BURST_PAGES, WAL_RESERVE_BYTES } from '../../electron/core/db/checkpointer';
import type { Db } from '../../electron/core/db/open';

export interface BenchFigure {
  bench: string;
  value: number;
  unit: 'ms' | 'ops/s' | 'MB' | 'x' | 'load' | 'pages';
  /** The budget from DESIGN.md or the issue, where one exists. */
  budget?: number;
  /** The raw lower bound measured in the same run, where one exists. */
  reference?: number;
}

export function percentile(sortedMs: number[], p: number): number {
  const i = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, i)]!;
}

/** Times `fn` n times; returns the sorted durations in ms. */
export function timeEach(n: number, fn: (i: number) => void): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    out[i] = performance.now() - t0;
  }
  return out.sort((a, b) => a - b);
}

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/**
 * Waits until `db` is as the app's connection is a moment after start: WAL checkpoints in their
 * worker and the WAL file reserved (db/checkpointer.ts). Both happen between the main thread's
 * tasks, so a bench loop that never yields would otherwise measure without them.
 */
export async function checkpointerSettled(db: Db): Promise<void> {
  const t = performance.now();
  while (db.pragma('wal_autocheckpoint', { simple: true }) !== BURST_PAGES || (statSync(`${db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0) < WAL_RESERVE_BYTES) {
    if (performance.now() - t > 30_000) throw new Error('the checkpoint worker did not start, or the WAL was not reserved, within 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}
