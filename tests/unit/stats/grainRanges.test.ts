// Local days [from, to) as rollup rows: whole months from the month grain, the rest from days.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../shared/sla/civilDate';
import { DAY, MONTH, grainRanges, monthOf } from '../../../electron/core/services/statsRollup';

const d = (y: number, m: number, day: number) => dayNumber(y, m, day);

describe('grainRanges', () => {
  it('a whole month is one month row range; a part of a month stays in days', () => {
    expect(grainRanges(d(2026, 3, 1), d(2026, 4, 1))).toEqual([{ grain: MONTH, from: d(2026, 3, 1), to: d(2026, 4, 1) }]);
    expect(grainRanges(d(2026, 3, 5), d(2026, 3, 20))).toEqual([{ grain: DAY, from: d(2026, 3, 5), to: d(2026, 3, 20) }]);
    expect(grainRanges(d(2026, 3, 5), d(2026, 4, 1))).toEqual([{ grain: DAY, from: d(2026, 3, 5), to: d(2026, 4, 1) }]);
  });

  it('a year from mid-month: leading days, the whole months between (across the new year), trailing days', () => {
    expect(grainRanges(d(2025, 12, 4), d(2026, 12, 4))).toEqual([
      { grain: DAY, from: d(2025, 12, 4), to: d(2026, 1, 1) },
      { grain: MONTH, from: d(2026, 1, 1), to: d(2026, 12, 1) },
      { grain: DAY, from: d(2026, 12, 1), to: d(2026, 12, 4) },
    ]);
  });

  it('every day of a range is covered exactly once, for many ranges', () => {
    const start = d(2024, 1, 1);
    for (let from = start; from < start + 800; from += 37) {
      for (const len of [1, 15, 31, 45, 90, 366, 400]) {
        const covered = new Map<number, number>();
        for (const r of grainRanges(from, from + len)) {
          if (r.grain === MONTH) {
            for (let m = r.from; m < r.to; m = monthOf(m + 32)) {
              expect(monthOf(m)).toBe(m);
              for (let x = m; x < monthOf(m + 32); x++) covered.set(x, (covered.get(x) ?? 0) + 1);
            }
          } else for (let x = r.from; x < r.to; x++) covered.set(x, (covered.get(x) ?? 0) + 1);
        }
        expect(covered.size).toBe(len);
        for (let x = from; x < from + len; x++) expect(covered.get(x), `${from}+${len}: ${x}`).toBe(1);
      }
    }
  });

  it('nothing for an empty range', () => expect(grainRanges(d(2026, 3, 1), d(2026, 3, 1))).toEqual([]));
});
