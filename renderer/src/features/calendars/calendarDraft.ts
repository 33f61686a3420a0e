// Pure edits of a calendar being changed on screen, and the checks run before it is saved (the
// main process checks again; these only make mistakes visible where they are made).
import type { CalendarSpec, LocalizedName, Weekday, WorkingInterval } from '../../../../shared/sla';
import { WEEKDAYS } from '../../../../shared/sla';
import { parseIsoDate, weekdayOf } from '../../../../shared/sla/civilDate';

export type SpecialKind = 'holiday' | 'workday';

/** Monday first, as calendars in China are printed. */
export const WEEK_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const dayMinutes = (intervals: readonly WorkingInterval[]): number => intervals.reduce((sum, i) => sum + Math.max(0, i.to - i.from), 0);

export const weekMinutes = (c: CalendarSpec): number => WEEKDAYS.reduce((sum, w) => sum + dayMinutes(c.weeklyHours[w]), 0);

/** The working time one "working day" target counts, as the engine derives it. */
export function standardDayMinutes(c: CalendarSpec): number {
  return c.standardDayMinutes ?? dayMinutes(c.weeklyHours[c.makeUpDayHours ?? 'mon']);
}

export function weekdayOfIso(iso: string): Weekday {
  const n = parseIsoDate(iso);
  return WEEKDAYS[n === null ? 0 : weekdayOf(n)] as Weekday;
}

export function setIntervals(c: CalendarSpec, day: Weekday, intervals: WorkingInterval[]): CalendarSpec {
  return { ...c, weeklyHours: { ...c.weeklyHours, [day]: intervals } };
}

/** Problems of one day's hours: index of each interval that is empty or overlaps the one before. */
export function badIntervals(intervals: readonly WorkingInterval[]): Set<number> {
  const bad = new Set<number>();
  const sorted = intervals.map((i, k) => ({ ...i, k })).sort((a, b) => a.from - b.from);
  sorted.forEach((i, n) => {
    if (i.from >= i.to) bad.add(i.k);
    const prev = sorted[n - 1];
    if (prev && i.from < prev.to) {
      bad.add(i.k);
      bad.add(prev.k);
    }
  });
  return bad;
}

/** A new interval after the day's last one, or the usual morning if the day is off. */
export function nextInterval(intervals: readonly WorkingInterval[]): WorkingInterval | null {
  const last = intervals[intervals.length - 1];
  if (!last) return { from: 9 * 60, to: 12 * 60 };
  if (last.to >= 1440) return null;
  const from = Math.min(last.to + 60, 1439);
  return { from, to: Math.min(from + 180, 1440) };
}

/** Adds a date as a holiday or a make-up working day (moving it if it was the other kind). */
export function addSpecialDay(c: CalendarSpec, date: string, kind: SpecialKind, label: LocalizedName | null): CalendarSpec {
  const holidays = c.holidays.filter((d) => d !== date);
  const workdays = c.workdays.filter((d) => d !== date);
  (kind === 'holiday' ? holidays : workdays).push(date);
  const labels = { ...(c.labels ?? {}) };
  if (label) labels[date] = label;
  return {
    ...c,
    holidays: holidays.sort(),
    workdays: workdays.sort(),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
  };
}

export function removeSpecialDay(c: CalendarSpec, date: string): CalendarSpec {
  const labels = { ...(c.labels ?? {}) };
  delete labels[date];
  const next: CalendarSpec = { ...c, holidays: c.holidays.filter((d) => d !== date), workdays: c.workdays.filter((d) => d !== date) };
  if (c.labels) next.labels = labels;
  return next;
}

/** A label from the two optional inputs: one given stands for both languages. */
export function labelFrom(zh: string, en: string): LocalizedName | null {
  const z = zh.trim();
  const e = en.trim();
  if (!z && !e) return null;
  return { zh: z || e, en: e || z };
}

export interface SpecialDayRow {
  date: string;
  kind: SpecialKind;
  weekday: Weekday;
  label: LocalizedName | null;
}

export function specialDaysOf(c: CalendarSpec, year: number): SpecialDayRow[] {
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const row = (date: string, kind: SpecialKind): SpecialDayRow => ({ date, kind, weekday: weekdayOfIso(date), label: c.labels?.[date] ?? null });
  return [...c.holidays.filter(inYear).map((d) => row(d, 'holiday')), ...c.workdays.filter(inYear).map((d) => row(d, 'workday'))].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/** Years worth offering in the year selector: the known range, years with dates, and the year after this one. */
export function selectableYears(c: CalendarSpec, thisYear: number): number[] {
  const years = new Set<number>([thisYear, thisYear + 1]);
  if (c.years) for (let y = c.years.from; y <= c.years.to; y++) years.add(y);
  for (const d of [...c.holidays, ...c.workdays]) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}

/** i18n keys of what is wrong before saving, or an empty list. */
export function draftProblems(c: CalendarSpec): string[] {
  const problems = new Set<string>();
  if (!c.open24x7) {
    for (const w of WEEKDAYS) {
      const list = c.weeklyHours[w];
      if (list.some((i) => i.from >= i.to)) problems.add('validation.sla.intervalOrder');
      else if (badIntervals(list).size > 0) problems.add('validation.sla.intervalOverlap');
    }
    if (weekMinutes(c) === 0) problems.add('validation.sla.noWorkingTime');
  }
  if (c.years && c.years.from > c.years.to) problems.add('validation.sla.yearOrder');
  return [...problems];
}

/** The calendar as it is saved: each day's hours in order (the engine requires it). */
export function normalized(c: CalendarSpec): CalendarSpec {
  const weeklyHours = { ...c.weeklyHours };
  for (const w of WEEKDAYS) weeklyHours[w] = [...c.weeklyHours[w]].sort((a, b) => a.from - b.from);
  return { ...c, weeklyHours };
}
