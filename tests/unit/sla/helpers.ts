// Test helpers: readable local times in and out ('2025-06-10 11:50' in a calendar's zone).
import { CHINA_CALENDAR, compileCalendar, localToUtc, offsetMsAt, type CalendarSpec, type WeeklyHours } from '../../../shared/sla';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

export function at(local: string, timeZone = 'Asia/Shanghai'): number {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return localToUtc(timeZone, Date.UTC(y, mo - 1, d, h, mi));
}

export function local(instant: number, timeZone = 'Asia/Shanghai'): string {
  const t = new Date(instant + offsetMsAt(timeZone, instant));
  return t.toISOString().slice(0, 16).replace('T', ' ');
}

export const china = compileCalendar(CHINA_CALENDAR);

export const officeHours = (from: string, to: string) => ({
  from: Number(from.slice(0, 2)) * 60 + Number(from.slice(3)),
  to: Number(to.slice(0, 2)) * 60 + Number(to.slice(3)),
});

export function weekdaysOnly(...intervals: { from: number; to: number }[]): WeeklyHours {
  return { sun: [], mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals, sat: [] };
}

export function spec(partial: Partial<CalendarSpec>): CalendarSpec {
  return {
    id: 'test',
    names: { zh: '测试', en: 'Test' },
    timeZone: 'Asia/Shanghai',
    open24x7: false,
    weeklyHours: weekdaysOnly(officeHours('09:00', '17:00')),
    holidays: [],
    workdays: [],
    years: { from: 2000, to: 2100 },
    ...partial,
  };
}
