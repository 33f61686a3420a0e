// Property tests over random calendars (random weekly hours, holidays, make-up days, zones with
// and without DST) and random instants. The naive minute-walking oracle cross-checks the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WEEKDAYS,
  addWorkingMinutes,
  addWorkingMs,
  compileCalendar,
  formatIsoDate,
  isWorkingInstant,
  workingMinutesBetween,
  workingMsBetween,
  type CalendarSpec,
  type WorkingInterval,
} from '../../../shared/sla';
import { naiveCalendar } from './naiveReference';
import { spec } from './helpers';

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2026, 0, 1);
const DAY0 = Math.floor(FROM / 86_400_000);

const dayHours: fc.Arbitrary<WorkingInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 })
  .map((points) => {
    const p = [...points].sort((a, b) => a - b);
    const out: WorkingInterval[] = [];
    for (let i = 0; i + 1 < p.length; i += 2) out.push({ from: p[i]!, to: p[i + 1]! });
    return out;
  });

const dates = fc.uniqueArray(fc.integer({ min: DAY0, max: DAY0 + 730 }), { maxLength: 40 }).map((d) => d.map(formatIsoDate));

const calendarSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    week: fc.tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours),
    holidays: dates,
    workdays: dates,
    timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Lord_Howe'),
  })
  .filter(({ week }) => week.some((d) => d.length > 0))
  .map(({ week, holidays, workdays, timeZone }) => {
    const weeklyHours = Object.fromEntries(WEEKDAYS.map((w, i) => [w, week[i]!])) as CalendarSpec['weeklyHours'];
    const holidaySet = new Set(holidays);
    return spec({
      timeZone,
      weeklyHours,
      holidays,
      workdays: workdays.filter((d) => !holidaySet.has(d)),
      years: { from: 2024, to: 2025 },
      ...(weeklyHours.mon.length === 0 ? { standardDayMinutes: 480 } : {}),
    });
  });

const instant = fc.integer({ min: FROM, max: TO });
const workMs = fc.integer({ min: 1, max: 20 * 8 * 3_600_000 });
const runs = { numRuns: 150 };

describe('working-time arithmetic properties', () => {
  it('between(t, add(t, m)) == m', () => {
    fc.assert(
      fc.property(calendarSpec, instant, workMs, (s, t, m) => {
        const cal = compileCalendar(s);
        expect(workingMsBetween(cal, t, addWorkingMs(cal, t, m))).toBe(m);
      }),
      runs,
    );
  });

  it('add(add(t, a), b) == add(t, a + b)', () => {
    fc.assert(
      fc.property(calendarSpec, instant, workMs, workMs, (s, t, a, b) => {
        const cal = compileCalendar(s);
        expect(addWorkingMs(cal, addWorkingMs(cal, t, a), b)).toBe(addWorkingMs(cal, t, a + b));
      }),
      runs,
    );
  });

  it('a due time is inside or at the end of a working interval, and is the earliest such instant', () => {
    fc.assert(
      fc.property(calendarSpec, instant, workMs, (s, t, m) => {
        const cal = compileCalendar(s);
        const due = addWorkingMs(cal, t, m);
        expect(isWorkingInstant(cal, due - 1)).toBe(true); // the last millisecond counted was working time
        expect(workingMsBetween(cal, t, due - 1)).toBe(m - 1); // one ms earlier is not enough
      }),
      runs,
    );
  });

  it('between is additive and add is monotonic in the start', () => {
    fc.assert(
      fc.property(calendarSpec, instant, instant, instant, workMs, (s, x, y, z, m) => {
        const cal = compileCalendar(s);
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(workingMsBetween(cal, a, b) + workingMsBetween(cal, b, c)).toBe(workingMsBetween(cal, a, c));
        expect(addWorkingMs(cal, a, m)).toBeLessThanOrEqual(addWorkingMs(cal, b, m));
      }),
      runs,
    );
  });

  it('pauses only ever move a due time later, and are not counted', () => {
    const pause = fc.tuple(instant, fc.integer({ min: 0, max: 5 * 86_400_000 })).map(([from, len]) => ({ from, to: from + len }));
    fc.assert(
      fc.property(calendarSpec, instant, fc.integer({ min: 1, max: 5000 }), fc.array(pause, { maxLength: 4 }), (s, t, minutes, pauses) => {
        const cal = compileCalendar(s);
        const plain = addWorkingMinutes(cal, t, minutes);
        const paused = addWorkingMinutes(cal, t, minutes, pauses);
        expect(paused).toBeGreaterThanOrEqual(plain);
        expect(workingMinutesBetween(cal, t, paused, pauses)).toBeCloseTo(minutes, 9);
      }),
      runs,
    );
  });

  // The oracle reads "working" as "wall time inside an interval", which differs from the engine
  // only for intervals crossing a repeated (DST-end) hour; office hours by day never do. So the
  // cross-check uses zones without DST, and Berlin with hours after 06:00.
  const minuteInstant = instant.map((t) => Math.floor(t / 60_000) * 60_000);
  const withoutDst = calendarSpec.map((s) => ({ ...s, timeZone: s.timeZone === 'Asia/Shanghai' || s.timeZone === 'UTC' ? s.timeZone : 'Asia/Shanghai' }));
  const berlinDaytime = calendarSpec.map((s) => {
    const weeklyHours = Object.fromEntries(
      WEEKDAYS.map((w) => [w, s.weeklyHours[w].map((i) => ({ from: 360 + Math.floor(i.from * 0.75), to: 360 + Math.floor(i.to * 0.75) })).filter((i) => i.to > i.from)]),
    ) as CalendarSpec['weeklyHours'];
    return { ...s, timeZone: 'Europe/Berlin', weeklyHours, standardDayMinutes: 480 };
  }).filter((s) => WEEKDAYS.some((w) => s.weeklyHours[w].length > 0));

  it.each([
    ['zones without DST', withoutDst],
    ['Europe/Berlin daytime hours', berlinDaytime],
  ])('agrees with the naive minute-by-minute oracle: %s', (_name, calendars) => {
    fc.assert(
      fc.property(calendars, minuteInstant, fc.integer({ min: 1, max: 3000 }), (s, t, minutes) => {
        const cal = compileCalendar(s);
        const naive = naiveCalendar(s);
        const due = addWorkingMinutes(cal, t, minutes);
        expect(due).toBe(naive.addMinutes(t, minutes));
        expect(naive.minutesBetween(t, due)).toBe(minutes);
      }),
      { numRuns: 40 },
    );
  });
});
