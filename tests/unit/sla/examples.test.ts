// The worked examples from the product brief, on the bundled China calendar
// (Mon–Fri 09:00–12:00 + 13:30–18:00, Asia/Shanghai).
import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, computeDue, compileCalendar, workingMinutesBetween, type SlaTarget } from '../../../shared/sla';
import { at, china, local, officeHours, spec } from './helpers';

const minutes = (amount: number): SlaTarget => ({ amount, unit: 'minutes', clock: 'working' });
const workingDays = (amount: number): SlaTarget => ({ amount, unit: 'workingDays', clock: 'working' });
const due = (start: string, target: SlaTarget) => local(computeDue(china, at(start), target).due);

describe('working-time examples on the China calendar', () => {
  it.each<[string, string, SlaTarget, string]>([
    ['15 min across lunch', '2025-06-10 11:50', minutes(15), '2025-06-10 13:35'],
    ['30 min across the weekend', '2025-06-13 17:45', minutes(30), '2025-06-16 09:15'],
    ['1 working day lands at the same clock time', '2025-06-10 15:00', workingDays(1), '2025-06-11 15:00'],
    ['1 working day from Saturday ends Monday at closing', '2025-06-14 10:00', workingDays(1), '2025-06-16 18:00'],
    ['a due time is the closing time, never the next opening', '2025-06-10 09:00', { amount: 3, unit: 'hours', clock: 'working' }, '2025-06-10 12:00'],
    ['intake before National Day lands after it', '2025-09-30 15:00', workingDays(1), '2025-10-09 15:00'],
    ['30 min at the eve of National Day', '2025-09-30 17:45', minutes(30), '2025-10-09 09:15'],
    ['make-up Sunday 2025-09-28 is a working day', '2025-09-27 10:00', workingDays(1), '2025-09-28 18:00'],
    ['make-up Saturday 2025-10-11 is a working day', '2025-10-10 17:45', minutes(30), '2025-10-11 09:15'],
    ['Spring Festival 2026 is skipped (from make-up Saturday 02-14)', '2026-02-14 17:00', workingDays(1), '2026-02-24 17:00'],
    ['24x7 ignores the calendar', '2025-10-01 23:50', { amount: 30, unit: 'minutes', clock: '24x7' }, '2025-10-02 00:20'],
    ['24 h reply on the 24x7 clock', '2025-09-30 17:45', { amount: 24, unit: 'hours', clock: '24x7' }, '2025-10-01 17:45'],
  ])('%s', (_name, start, target, expected) => {
    expect(due(start, target)).toBe(expected);
  });

  it('counts working minutes between instants, skipping lunch, nights and holidays', () => {
    expect(workingMinutesBetween(china, at('2025-06-10 11:50'), at('2025-06-10 13:35'))).toBe(15);
    expect(workingMinutesBetween(china, at('2025-09-30 17:00'), at('2025-10-09 10:00'))).toBe(120);
    expect(workingMinutesBetween(china, at('2025-06-10 18:00'), at('2025-06-10 09:00'))).toBe(0);
  });

  it('stops the clock during pauses', () => {
    const pause = { from: at('2025-06-10 10:00'), to: at('2025-06-10 14:00') };
    expect(local(addWorkingMinutes(china, at('2025-06-10 09:50'), 30, [pause]))).toBe('2025-06-10 14:20');
    expect(workingMinutesBetween(china, at('2025-06-10 09:00'), at('2025-06-10 15:00'), [pause])).toBe(120);
  });
});

describe('known holiday years', () => {
  it('does not flag a due time inside the covered years', () => {
    expect(computeDue(china, at('2026-12-30 15:00'), workingDays(1)).beyondKnownYears).toBe(false);
  });

  it('flags a due time that runs past the last known year and uses weekdays only', () => {
    const result = computeDue(china, at('2026-12-31 15:00'), workingDays(1));
    expect(result.beyondKnownYears).toBe(true);
    expect(local(result.due)).toBe('2027-01-01 15:00'); // New Year 2027 is not yet published
  });

  it('flags intake before the first known year', () => {
    expect(computeDue(china, at('2019-12-30 09:00'), minutes(10)).beyondKnownYears).toBe(true);
  });

  it('never flags a 24x7 target', () => {
    expect(computeDue(china, at('2030-01-01 09:00'), { amount: 1, unit: 'hours', clock: '24x7' }).beyondKnownYears).toBe(false);
  });
});

describe('daylight saving time (Europe/Berlin)', () => {
  const tz = 'Europe/Berlin';
  const berlin = compileCalendar(spec({ timeZone: tz }));
  const allDaySunday = compileCalendar(spec({ timeZone: tz, weeklyHours: { sun: [officeHours('00:00', '24:00')], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] }, makeUpDayHours: 'sun' }));

  it('keeps wall-clock office hours across the spring change', () => {
    expect(local(computeDue(berlin, at('2025-03-28 15:00', tz), workingDays(1)).due, tz)).toBe('2025-03-31 15:00');
    expect(local(addWorkingMinutes(berlin, at('2025-03-28 16:00', tz), 120), tz)).toBe('2025-03-31 10:00');
  });

  it('keeps wall-clock office hours across the autumn change', () => {
    expect(local(addWorkingMinutes(berlin, at('2025-10-24 16:30', tz), 60), tz)).toBe('2025-10-27 09:30');
  });

  it('counts the real length of a 23 h and a 25 h day', () => {
    expect(workingMinutesBetween(allDaySunday, at('2025-03-29 12:00', tz), at('2025-03-31 12:00', tz))).toBe(23 * 60);
    expect(workingMinutesBetween(allDaySunday, at('2025-10-25 12:00', tz), at('2025-10-27 12:00', tz))).toBe(25 * 60);
    expect(local(addWorkingMinutes(allDaySunday, at('2025-03-30 00:00', tz), 3 * 60), tz)).toBe('2025-03-30 04:00');
  });
});

describe('local times in a DST gap or overlap', () => {
  it('maps a skipped wall time to the transition and a repeated one to its first occurrence', async () => {
    const { localToUtc } = await import('../../../shared/sla');
    expect(new Date(localToUtc('Europe/Berlin', Date.UTC(2025, 2, 30, 2, 30))).toISOString()).toBe('2025-03-30T01:00:00.000Z');
    expect(new Date(localToUtc('Europe/Berlin', Date.UTC(2025, 9, 26, 2, 30))).toISOString()).toBe('2025-10-26T00:30:00.000Z');
  });
});

describe('compileCalendar refuses a calendar the arithmetic cannot use', () => {
  it.each([
    ['no working time', spec({ weeklyHours: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } }), /weeklyHours has no working time/],
    ['overlapping intervals', spec({ weeklyHours: { ...spec({}).weeklyHours, tue: [officeHours('09:00', '12:00'), officeHours('11:00', '13:00')] } }), /weeklyHours\.tue\[1\] overlaps/],
    ['unknown zone', spec({ timeZone: 'Mars/Olympus' }), /"Mars\/Olympus" is not a known IANA time zone/],
    ['holiday that is also a make-up day', spec({ holidays: ['2025-10-01'], workdays: ['2025-10-01'] }), /2025-10-01, which is also a holiday/],
  ])('%s', (_name, bad, message) => {
    expect(() => compileCalendar(bad)).toThrow(message);
  });
});
