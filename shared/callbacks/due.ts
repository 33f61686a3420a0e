// When a callback falls due: the trigger's day (an asset date, a birthday, the day a ticket closed)
// plus the rule's offset, moved off non-working days of the centre's calendar — forward for calls
// after an event (3DC after a Friday repair lands on Monday), backward for reminders before one
// (a reminder is never moved past the date it reminds of). Due at the first working minute of
// that day. Pure: the calendar and the instants are parameters.
import type { CompiledCalendar } from '../sla/calendar';
import { civilFromDayNumber, dayNumber } from '../sla/civilDate';
import { nextWorkingInstant } from '../sla/workingTime';
import type { Offset } from './rules';

export interface CallbackDue {
  /** Day number of the due day. */
  day: number;
  /** First working instant of the due day (or the exact instant for an hours offset). */
  dueAt: number;
  /** End of the last day the call may still be made. */
  windowEndAt: number;
}

/** Adds months keeping the day, clamped to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const c = civilFromDayNumber(day);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = civilFromDayNumber(dayNumber(year, month + 1, 1) - 1).day;
  return dayNumber(year, month, Math.min(c.day, last));
}

const MAX_SHIFT_DAYS = 40;

/** The nearest working day from `day` in direction `step` (+1 or -1), `day` itself if working. */
export function workingDayFrom(calendar: CompiledCalendar, day: number, step: 1 | -1): number {
  let d = day;
  for (let i = 0; i < MAX_SHIFT_DAYS; i++, d += step) if (calendar.dayAt(d).workMs > 0) return d;
  return day; // a calendar with no working day in 40 days: keep the day rather than drift
}

export function callbackDue(
  calendar: CompiledCalendar,
  base: { day: number } | { instant: number },
  offset: Offset,
  windowDays: number,
): CallbackDue {
  if (offset.unit === 'hours') {
    const from = 'instant' in base ? base.instant : calendar.dayAt(base.day).start;
    const dueAt = nextWorkingInstant(calendar, from + offset.amount * 3_600_000);
    const day = calendar.dayOf(dueAt).day;
    return { day, dueAt, windowEndAt: calendar.dayAt(day + windowDays).end };
  }
  const baseDay = 'day' in base ? base.day : calendar.dayOf(base.instant).day;
  const raw = offset.unit === 'months' ? addMonths(baseDay, offset.amount) : baseDay + offset.amount;
  const day = workingDayFrom(calendar, raw, offset.amount < 0 ? -1 : 1);
  const d = calendar.dayAt(day);
  const dueAt = d.bounds.length ? d.bounds[0]! : d.start;
  return { day, dueAt, windowEndAt: calendar.dayAt(day + windowDays).end };
}
