// What a calendar import yields — holiday and make-up dates plus the years they cover — and the
// checks shared by the JSON and iCalendar readers. Importers never throw: a bad file becomes a
// VALIDATION error naming the reason (an i18n key under calendar.import.*) and where it was.
import { fail, type AppError } from '../result';
import { parseIsoDate, yearOf } from './civilDate';
import type { YearRange } from './types';

/** The years a stored calendar may cover: the same bounds `calendars.save` enforces (schemas.ts). */
export const CALENDAR_YEARS = { min: 1900, max: 2200 } as const;

export interface ImportedCalendarDays {
  /** Sorted, unique `YYYY-MM-DD` dates. */
  holidays: string[];
  workdays: string[];
  years: YearRange;
}

export type CalendarImportResult = { ok: true; value: ImportedCalendarDays } | { ok: false; error: AppError };

export type ImportErrorReason =
  | 'empty'
  | 'invalidJson'
  | 'unknownShape'
  | 'badDate'
  | 'badYears'
  | 'dateOutsideYears'
  | 'yearOutOfRange'
  | 'conflict'
  | 'notICalendar'
  | 'notAllDay'
  | 'badRange'
  | 'unknownSummary'
  | 'unterminated';

export function importError(
  reason: ImportErrorReason,
  message: string,
  params: Record<string, string | number> = {},
): { ok: false; error: AppError } {
  return fail('VALIDATION', `calendar.import.${reason}`, message, params);
}

/** 1-based line of the first occurrence of `needle` in `text`, or 0 when absent. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) return 0;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Sorts and de-duplicates the dates, refuses a date that is both a holiday and a make-up day,
 * and derives the covered years from the dates when the file does not state them.
 * `lineOfDate` lets the caller point an error at the line the date came from.
 */
export function finishImport(
  holidays: Iterable<string>,
  workdays: Iterable<string>,
  statedYears: YearRange | null,
  lineOfDate: (date: string) => number,
): CalendarImportResult {
  const h = [...new Set(holidays)].sort();
  const w = [...new Set(workdays)].sort();
  if (h.length + w.length === 0) return importError('empty', 'The calendar file contains no holidays and no make-up working days.');
  const holidaySet = new Set(h);
  const both = w.find((d) => holidaySet.has(d));
  if (both) {
    return importError('conflict', `${both} is listed both as a holiday and as a make-up working day (line ${lineOfDate(both)}).`, {
      date: both,
      line: lineOfDate(both),
    });
  }
  const all = [...h, ...w];
  const years = statedYears ?? {
    from: Math.min(...all.map((d) => yearOf(parseIsoDate(d) as number))),
    to: Math.max(...all.map((d) => yearOf(parseIsoDate(d) as number))),
  };
  if (years.from < CALENDAR_YEARS.min || years.to > CALENDAR_YEARS.max) {
    const date = all.find((d) => Number(d.slice(0, 4)) < CALENDAR_YEARS.min || Number(d.slice(0, 4)) > CALENDAR_YEARS.max) ?? all[0]!;
    return importError(
      'yearOutOfRange',
      `${date} lies outside the years a calendar can cover (${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}; line ${lineOfDate(date)}).`,
      { date, min: CALENDAR_YEARS.min, max: CALENDAR_YEARS.max, line: lineOfDate(date) },
    );
  }
  const outside = all.find((d) => {
    const y = Number(d.slice(0, 4));
    return y < years.from || y > years.to;
  });
  if (outside) {
    return importError('dateOutsideYears', `${outside} lies outside the years the file covers (${years.from}–${years.to}).`, {
      date: outside,
      from: years.from,
      to: years.to,
      line: lineOfDate(outside),
    });
  }
  return { ok: true, value: { holidays: h, workdays: w, years } };
}
