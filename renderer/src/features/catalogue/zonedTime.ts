// The centre's wall time ⇄ epoch ms. Pickers show the browser's local time, but the centre's
// time zone is a setting: a picked "15:00" means 15:00 in the centre, wherever this PC's clock is.
import dayjs, { type Dayjs } from 'dayjs';
import { WEEKDAYS, localToUtc, offsetMsAt, type Weekday } from '../../../../shared/sla';

/** The instant at which the centre's clocks show the picked date and time (minutes precision). */
export function wallTimeToUtc(picked: Dayjs, timeZone: string): number {
  return localToUtc(timeZone, Date.UTC(picked.year(), picked.month(), picked.date(), picked.hour(), picked.minute()));
}

/** A picker value that shows what the centre's clocks show at `ms`. */
export function utcToWallTime(ms: number, timeZone: string): Dayjs {
  const local = new Date(ms + offsetMsAt(timeZone, ms));
  return dayjs(new Date(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The centre's date (YYYY-MM-DD), weekday and HH:mm at an instant. */
export function zonedParts(ms: number, timeZone: string): { date: string; weekday: Weekday; time: string } {
  const local = new Date(ms + offsetMsAt(timeZone, ms));
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    weekday: WEEKDAYS[local.getUTCDay()] as Weekday,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}
