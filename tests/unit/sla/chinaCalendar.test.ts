// The bundled china.json must be exactly the chinese-days package's data for its years.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, calendarSpecSchema } from '../../../shared/sla';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('chinese-days/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'dist/chinese-days.json'), 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };

describe('bundled China calendar', () => {
  const { from, to } = CHINA_CALENDAR.years!;
  const inYears = (d: string) => Number(d.slice(0, 4)) >= from && Number(d.slice(0, 4)) <= to;

  it('covers 2020 through the latest published year', () => {
    const latest = Math.max(...Object.keys(pkg.holidays).map((d) => Number(d.slice(0, 4))));
    expect({ from, to }).toEqual({ from: 2020, to: latest });
    expect(latest).toBeGreaterThanOrEqual(2026);
  });

  it('matches the chinese-days holidays and make-up days', () => {
    expect(CHINA_CALENDAR.holidays).toEqual(Object.keys(pkg.holidays).filter(inYears).sort());
    expect(CHINA_CALENDAR.workdays).toEqual(Object.keys(pkg.workdays).filter(inYears).sort());
    expect(CHINA_CALENDAR.labels?.['2025-10-01']).toEqual({ zh: '国庆节', en: 'National Day' });
  });

  it('is a valid calendar spec with the centre hours', () => {
    expect(calendarSpecSchema.safeParse(CHINA_CALENDAR).success).toBe(true);
    expect(CHINA_CALENDAR.weeklyHours.mon).toEqual([{ from: 540, to: 720 }, { from: 810, to: 1080 }]);
    expect(CHINA_CALENDAR.weeklyHours.sat).toEqual([]);
  });
});
