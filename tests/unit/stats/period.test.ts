import { describe, expect, it } from 'vitest';
import { bucketsOf, resolvePeriod, PeriodError } from '../../../shared/stats/period';

const TZ = 'Asia/Shanghai';
// Wednesday 2026-03-11 15:00 in Shanghai.
const NOW = Date.parse('2026-03-11T15:00:00+08:00');
const at = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);

describe('statistics periods', () => {
  it('resolves the presets in the centre time zone, with the previous period to compare', () => {
    const today = resolvePeriod({ preset: 'today' }, NOW, TZ);
    expect([today.current.from, today.current.to, today.previous.fromDay]).toEqual([at('2026-03-11'), at('2026-03-12'), '2026-03-10']);
    const week = resolvePeriod({ preset: 'thisWeek' }, NOW, TZ);
    expect([week.current.fromDay, week.current.toDay, week.previous.fromDay, week.previous.toDay]).toEqual(['2026-03-09', '2026-03-11', '2026-03-02', '2026-03-04']);
    const month = resolvePeriod({ preset: 'thisMonth' }, NOW, TZ);
    expect([month.current.fromDay, month.current.toDay, month.previous.fromDay, month.previous.toDay]).toEqual(['2026-03-01', '2026-03-11', '2026-02-01', '2026-02-11']);
    const last = resolvePeriod({ preset: 'lastMonth' }, NOW, TZ);
    expect([last.current.fromDay, last.current.toDay, last.previous.fromDay, last.previous.toDay]).toEqual(['2026-02-01', '2026-02-28', '2026-01-01', '2026-01-31']);
    const year = resolvePeriod({ preset: 'thisYear' }, NOW, TZ);
    expect([year.current.fromDay, year.previous.fromDay, year.previous.toDay]).toEqual(['2026-01-01', '2025-01-01', '2025-03-11']);
  });

  it('a custom range is compared with the same number of days before it; nonsense is refused', () => {
    const p = resolvePeriod({ from: '2026-03-01', to: '2026-03-10' }, NOW, TZ);
    expect([p.previous.fromDay, p.previous.toDay]).toEqual(['2026-02-19', '2026-02-28']);
    expect(() => resolvePeriod({ from: '2026-03-10', to: '2026-03-01' }, NOW, TZ)).toThrow(PeriodError);
    expect(() => resolvePeriod({ from: '2026-02-29', to: '2026-03-01' }, NOW, TZ)).toThrow(PeriodError);
    expect(() => resolvePeriod({ from: '2020-01-01', to: '2026-03-01' }, NOW, TZ)).toThrow(PeriodError);
  });

  it('cuts periods into days, Monday weeks and months, partial at the edges', () => {
    const p = resolvePeriod({ from: '2026-03-01', to: '2026-04-02' }, NOW, TZ).current;
    expect(bucketsOf(p, 'day')).toHaveLength(33);
    expect(bucketsOf(p, 'week').map((b) => b.label)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    const weeks = bucketsOf(p, 'week');
    expect(weeks[0]!.from).toBe(at('2026-03-01'));
    expect(weeks[0]!.to).toBe(at('2026-03-02'));
    expect(bucketsOf(p, 'month').map((b) => [b.label, b.from, b.to])).toEqual([
      ['2026-03', at('2026-03-01'), at('2026-04-01')],
      ['2026-04', at('2026-04-01'), at('2026-04-03')],
    ]);
  });
});
