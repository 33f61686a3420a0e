// When callbacks fall due: working days of the China calendar, lunar birthdays, reminder series.
import { describe, expect, it } from 'vitest';
import { LunarMonth } from 'tyme4ts';
import { addMonths, callbackDue } from '../../../shared/callbacks/due';
import { lunarToDayNumber, nextBirthday } from '../../../shared/callbacks/lunar';
import { DEFAULT_CALLBACK_RULES } from '../../../shared/callbacks/rules';
import { CHINA_CALENDAR, compileCalendar, formatIsoDate, parseIsoDate } from '../../../shared/sla';

const calendar = compileCalendar(CHINA_CALENDAR);
const day = (iso: string) => parseIsoDate(iso)!;
const rule = (code: string) => DEFAULT_CALLBACK_RULES.find((r) => r.code === code)!;
const dueDays = (code: string, base: string) => {
  const r = rule(code);
  return r.offsets.map((o) => formatIsoDate(callbackDue(calendar, { day: day(base) }, o, r.windowDays).day));
};

describe('3DC after a repair', () => {
  it('a Friday repair is called on Monday, at the first working minute', () => {
    const friday = Date.parse('2026-09-18T16:00:00+08:00');
    const due = callbackDue(calendar, { instant: friday }, rule('dc3_repair').offsets[0]!, 2);
    expect(formatIsoDate(due.day)).toBe('2026-09-21');
    expect(due.dueAt).toBe(Date.parse('2026-09-21T09:00:00+08:00'));
  });
  it('a Friday repair whose third day is a public holiday is called on the next working day', () => {
    // Qingming 2026: Saturday 4 April to Monday 6 April.
    expect(dueDays('dc3_repair', '2026-04-03')).toEqual(['2026-04-07']);
    // National Day 2026: 1–7 October; Saturday 10 October is a make-up working day.
    expect(dueDays('dc3_repair', '2026-09-30')).toEqual(['2026-10-08']);
  });
  it('a reminder before a date moves earlier, never past the date it reminds of', () => {
    // Maintenance on 8 Oct 2026: a week before is 1 Oct (National Day) → the last working day before.
    expect(dueDays('maintenance', '2026-10-08')).toEqual(['2026-09-30']);
  });
});

describe('series', () => {
  it('premium renewal reminders: three, from three months before the premium is due, on working days', () => {
    // Premium due 2026-06-30: 30 Mar (Mon), 30 Apr (Thu), 30 May (Sat → Fri 29 May).
    expect(dueDays('premium_renewal', '2026-06-30')).toEqual(['2026-03-30', '2026-04-30', '2026-05-29']);
    expect(rule('premium_renewal').offsets.length).toBeGreaterThanOrEqual(3);
  });
  it('policy visits at delivery and 1, 4, 7, 10 months after signing', () => {
    // 15 Feb is in the Spring Festival holiday (15–23 Feb 2026); 15 Aug is a Saturday, 15 Nov a Sunday.
    expect(dueDays('policy_visit', '2026-01-15')).toEqual(['2026-01-15', '2026-02-24', '2026-05-15', '2026-08-17', '2026-11-16']);
  });
  it('adds months keeping the day, clamped to the month end', () => {
    expect(formatIsoDate(addMonths(day('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatIsoDate(addMonths(day('2026-05-31'), -3))).toBe('2026-02-28');
    expect(formatIsoDate(addMonths(day('2025-11-30'), 3))).toBe('2026-02-28');
  });
});

describe('lunar birthdays', () => {
  it('in a year with a leap sixth month (2025), the birthday is in the ordinary sixth month', () => {
    expect(formatIsoDate(lunarToDayNumber(2025, 6, 15))).toBe('2025-07-09');
    // not the leap month's 15th (闰六月十五 = 2025-08-08)
    expect(formatIsoDate(nextBirthday({ calendar: 'lunar', month: 6, day: 15 }, day('2025-07-01'), 2025))).toBe('2025-07-09');
    // after it passed, the next one is in 2026
    expect(nextBirthday({ calendar: 'lunar', month: 6, day: 15 }, day('2025-07-10'), 2025)).toBeGreaterThan(day('2026-01-01'));
  });
  it('a 30th in a month of 29 days falls on the 29th', () => {
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => LunarMonth.fromYm(2026, m).getDayCount() === 29)!;
    expect(lunarToDayNumber(2026, short, 30)).toBe(lunarToDayNumber(2026, short, 29));
  });
  it('29 February in a common year falls on 28 February', () => {
    expect(formatIsoDate(nextBirthday({ calendar: 'solar', month: 2, day: 29 }, day('2026-01-01'), 2026))).toBe('2026-02-28');
  });
  it('the greeting is due 7 days before and may be made until 2 days before', () => {
    const r = rule('birthday');
    const due = callbackDue(calendar, { day: day('2026-03-20') }, r.offsets[0]!, r.windowDays);
    expect(formatIsoDate(due.day)).toBe('2026-03-13');
    expect(due.windowEndAt).toBe(Date.parse('2026-03-19T00:00:00+08:00'));
  });
});
