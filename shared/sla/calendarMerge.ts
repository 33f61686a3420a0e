// Merging an imported holiday file into a calendar: the file is the authority for the years it
// covers (the State Council's schedule replaces any guess for those years); every other year is
// kept as it was. Pure, so the preview shows exactly what applying will do.
import type { ImportedCalendarDays } from './calendarImport';
import type { CalendarSpec, YearRange } from './types';

export interface CalendarMerge {
  calendar: CalendarSpec;
  added: { holidays: string[]; workdays: string[] };
  removed: { holidays: string[]; workdays: string[] };
}

const yearOfIso = (iso: string) => Number(iso.slice(0, 4));

export function mergeImportedDays(calendar: CalendarSpec, imported: ImportedCalendarDays): CalendarMerge {
  const inImported = (iso: string) => yearOfIso(iso) >= imported.years.from && yearOfIso(iso) <= imported.years.to;
  const keep = (dates: string[]) => dates.filter((d) => !inImported(d));
  const diff = (before: string[], after: string[]) => {
    const b = new Set(before.filter(inImported));
    const a = new Set(after);
    return { added: after.filter((d) => !b.has(d)), removed: [...b].filter((d) => !a.has(d)).sort() };
  };
  const holidays = diff(calendar.holidays, imported.holidays);
  const workdays = diff(calendar.workdays, imported.workdays);
  const years: YearRange = calendar.years
    ? { from: Math.min(calendar.years.from, imported.years.from), to: Math.max(calendar.years.to, imported.years.to) }
    : imported.years;
  const labels = calendar.labels
    ? Object.fromEntries(Object.entries(calendar.labels).filter(([d]) => !inImported(d) || imported.holidays.includes(d) || imported.workdays.includes(d)))
    : undefined;
  return {
    calendar: {
      ...calendar,
      holidays: [...keep(calendar.holidays), ...imported.holidays].sort(),
      workdays: [...keep(calendar.workdays), ...imported.workdays].sort(),
      years,
      ...(labels ? { labels } : {}),
    },
    added: { holidays: holidays.added, workdays: workdays.added },
    removed: { holidays: holidays.removed, workdays: workdays.removed },
  };
}
