// The shape of one benchmark figure, printed as one JSON line by `npm run bench`.
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
