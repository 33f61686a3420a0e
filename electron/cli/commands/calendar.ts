// `calendar`: one year of a working calendar — public holidays, make-up working days (调休) and
// every date without working time — so support staff can check it against the State Council's
// schedule without opening the app.
import { parseArgs } from 'node:util';
import {
  CHINA_CALENDAR_ID,
  WEEKDAYS,
  compileCalendar,
  formatIsoDate,
  offsetMsAt,
  parseIsoDate,
  type CalendarSpec,
  type LocalizedName,
} from '../../../shared/sla';
import { withSlaSource } from './catalogue-source';
import { printJson, type CliCommand } from './types';

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

interface DayEntry {
  date: string;
  weekday: (typeof WEEKDAYS)[number];
  name: LocalizedName | null;
}

function thisYearIn(timeZone: string, now = Date.now()): number {
  return new Date(now + offsetMsAt(timeZone, now)).getUTCFullYear();
}

function parseYear(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new Error(`--year "${text}" is not a year between ${MIN_YEAR} and ${MAX_YEAR}.`);
  return year;
}

export function calendarYear(spec: CalendarSpec, year: number) {
  const first = parseIsoDate(`${year}-01-01`)!;
  const last = parseIsoDate(`${year}-12-31`)!;
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const entry = (date: string): DayEntry => ({
    date,
    weekday: WEEKDAYS[new Date(parseIsoDate(date)! * 86_400_000).getUTCDay()]!,
    name: spec.labels?.[date] ?? null,
  });
  const compiled = compileCalendar(spec);
  const nonWorkingDays: string[] = [];
  for (let d = first; d <= last; d++) if (compiled.dayAt(d).workMs === 0) nonWorkingDays.push(formatIsoDate(d));
  return {
    calendar: spec.id,
    timeZone: spec.timeZone,
    open24x7: spec.open24x7,
    year,
    knownYears: spec.years,
    publicHolidays: spec.holidays.filter(inYear).sort().map(entry),
    makeUpWorkdays: spec.workdays.filter(inYear).sort().map(entry),
    nonWorkingDays,
  };
}

export const calendar: CliCommand = {
  name: 'calendar',
  usage: 'calendar [--year <yyyy>] [--calendar <id>] [--data <dir>]',
  summary: `holidays, make-up working days and days without working time of a year (default: this year, calendar ${CHINA_CALENDAR_ID})`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { year: { type: 'string' }, calendar: { type: 'string' }, data: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const id = values.calendar ?? CHINA_CALENDAR_ID;
    const yearArg = values.year === undefined ? undefined : parseYear(values.year);
    return withSlaSource(args, (source) => {
      const spec = source.findCalendar(id);
      if (!spec) {
        const known = source.listCalendars().map((c) => c.id);
        throw new Error(`Unknown calendar "${id}". Known calendars: ${known.join(', ')}.`);
      }
      const year = yearArg ?? thisYearIn(spec.timeZone);
      if (!spec.open24x7) {
        const { years } = spec;
        if (!years) {
          process.stderr.write(`Warning: calendar ${spec.id} has no public-holiday data; ${year} shows the weekly hours only.\n`);
        } else if (year < years.from || year > years.to) {
          process.stderr.write(
            `Warning: calendar ${spec.id} knows public holidays for ${years.from}–${years.to} only; ${year} shows the weekly hours only. Import the year's holiday file in Settings.\n`,
          );
        }
      }
      printJson({ ...calendarYear(spec, year), source: source.source });
      return 0;
    });
  },
};
