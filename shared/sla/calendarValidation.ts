// Checks a calendar spec before compiling it. A bad calendar would make the arithmetic loop
// forever (no working time) or silently wrong (overlapping intervals), so it fails loudly here.
import { parseIsoDate } from './civilDate';
import { isValidTimeZone } from './timeZone';
import { WEEKDAYS, type CalendarSpec } from './types';

function fail(field: string, problem: string): never {
  throw new RangeError(`Calendar spec: ${field} ${problem}`);
}

export function validateCalendarSpec(spec: CalendarSpec): void {
  if (!isValidTimeZone(spec.timeZone)) fail('timeZone', `"${spec.timeZone}" is not a known IANA time zone`);
  let weeklyMinutes = 0;
  for (const w of WEEKDAYS) {
    const list = spec.weeklyHours[w];
    if (!Array.isArray(list)) fail(`weeklyHours.${w}`, 'is missing');
    let previousEnd = 0;
    list.forEach(({ from, to }, i) => {
      const where = `weeklyHours.${w}[${i}]`;
      if (!Number.isInteger(from) || !Number.isInteger(to)) fail(where, `must be whole minutes, got ${from}–${to}`);
      if (from < 0 || to > 1440 || from >= to) fail(where, `must satisfy 0 ≤ from < to ≤ 1440, got ${from}–${to}`);
      if (from < previousEnd) fail(where, `overlaps or precedes the previous interval (starts ${from}, previous ends ${previousEnd})`);
      previousEnd = to;
      weeklyMinutes += to - from;
    });
  }
  if (!spec.open24x7 && weeklyMinutes === 0) fail('weeklyHours', 'has no working time in the week');
  const holidays = new Set<string>();
  for (const d of spec.holidays) {
    if (parseIsoDate(d) === null) fail('holidays', `contains "${d}", not a YYYY-MM-DD date`);
    holidays.add(d);
  }
  for (const d of spec.workdays) {
    if (parseIsoDate(d) === null) fail('workdays', `contains "${d}", not a YYYY-MM-DD date`);
    if (holidays.has(d)) fail('workdays', `contains ${d}, which is also a holiday`);
  }
  if (spec.years && (spec.years.from > spec.years.to || !Number.isInteger(spec.years.from) || !Number.isInteger(spec.years.to))) {
    fail('years', `must be whole years with from ≤ to, got ${spec.years.from}–${spec.years.to}`);
  }
  if (spec.standardDayMinutes !== undefined && !(spec.standardDayMinutes > 0)) {
    fail('standardDayMinutes', `must be positive, got ${spec.standardDayMinutes}`);
  }
  const makeUp = spec.makeUpDayHours ?? 'mon';
  if (!spec.open24x7 && spec.standardDayMinutes === undefined && spec.weeklyHours[makeUp].length === 0) {
    fail('makeUpDayHours', `names ${makeUp}, which has no hours; set standardDayMinutes or pick a working weekday`);
  }
}
