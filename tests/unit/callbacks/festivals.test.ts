import { describe, expect, it } from 'vitest';
import { festivalDay, nextFestival } from '../../../shared/callbacks/festivals';
import { callbackDue } from '../../../shared/callbacks/due';
import { CHINA_CALENDAR, compileCalendar } from '../../../shared/sla';
import { civilFromDayNumber, dayNumber } from '../../../shared/sla/civilDate';

const civil = (d: number) => civilFromDayNumber(d);

describe('festival dates', () => {
  it('puts the lunar festivals on the published solar dates for 2026-2028', () => {
    expect(civil(festivalDay('springFestival', 2026))).toEqual({ year: 2026, month: 2, day: 17 });
    expect(civil(festivalDay('springFestival', 2027))).toEqual({ year: 2027, month: 2, day: 6 });
    expect(civil(festivalDay('springFestival', 2028))).toEqual({ year: 2028, month: 1, day: 26 });
    expect(civil(festivalDay('midAutumn', 2026))).toEqual({ year: 2026, month: 9, day: 25 });
    expect(civil(festivalDay('midAutumn', 2027))).toEqual({ year: 2027, month: 9, day: 15 });
    expect(civil(festivalDay('midAutumn', 2028))).toEqual({ year: 2028, month: 10, day: 3 });
  });

  it('keeps the solar festivals on their fixed days', () => {
    expect(civil(festivalDay('newYear', 2027))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(civil(festivalDay('labourDay', 2027))).toEqual({ year: 2027, month: 5, day: 1 });
    expect(civil(festivalDay('nationalDay', 2027))).toEqual({ year: 2027, month: 10, day: 1 });
  });

  it('finds the next occurrence, moving to next year once this one has passed', () => {
    expect(civil(nextFestival('springFestival', dayNumber(2026, 2, 17), 2026))).toEqual({ year: 2026, month: 2, day: 17 });
    expect(civil(nextFestival('springFestival', dayNumber(2026, 2, 18), 2026))).toEqual({ year: 2027, month: 2, day: 6 });
    expect(civil(nextFestival('newYear', dayNumber(2026, 12, 3), 2026))).toEqual({ year: 2027, month: 1, day: 1 });
  });
});

describe('festival greeting due day', () => {
  // A greeting one day before: festivals are usually holidays, so it moves back to the last
  // working day before the holiday, never onto or past the festival.
  const calendar = compileCalendar(CHINA_CALENDAR);
  const greetingDay = (festival: number) => callbackDue(calendar, { day: festival }, { unit: 'days', amount: -1 }, 0).day;
  for (const year of [2026, 2027]) {
    it(`Spring Festival ${year}: the greeting lands on the last working day before the holiday`, () => {
      const festival = festivalDay('springFestival', year);
      const due = greetingDay(festival);
      expect(due).toBeLessThan(festival);
      expect(calendar.dayAt(due).workMs).toBeGreaterThan(0);
      for (let d = due + 1; d < festival; d++) expect(calendar.dayAt(d).workMs).toBe(0);
    });
  }
});
