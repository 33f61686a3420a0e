// Lunar (农历) birthdays to solar dates with tyme4ts (maintained, typed). A lunar month number is
// the ordinary month: in a year with a leap month (闰月) the birthday is kept in the ordinary month,
// as families do. A 30th in a year whose month has only 29 days falls on the 29th.
import { LunarDay, LunarMonth } from 'tyme4ts';
import { dayNumber } from '../sla/civilDate';

/** Day number (days since 1970-01-01) of lunar year/month/day. */
export function lunarToDayNumber(lunarYear: number, month: number, day: number): number {
  const days = LunarMonth.fromYm(lunarYear, month).getDayCount();
  const solar = LunarDay.fromYmd(lunarYear, month, Math.min(day, days)).getSolarDay();
  return dayNumber(solar.getYear(), solar.getMonth(), solar.getDay());
}

/** The first birthday on or after day number `from`. */
export function nextBirthday(b: { calendar: 'solar' | 'lunar'; month: number; day: number }, from: number, fromYear: number): number {
  for (let y = fromYear - 1; y <= fromYear + 2; y++) {
    const d = b.calendar === 'lunar' ? lunarToDayNumber(y, b.month, b.day) : solarBirthday(y, b.month, b.day);
    if (d >= from) return d;
  }
  throw new RangeError(`No birthday found after day ${from}`);
}

/** 29 February in a common year is celebrated on 28 February. */
function solarBirthday(year: number, month: number, day: number): number {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayNumber(year, month, Math.min(day, last));
}
