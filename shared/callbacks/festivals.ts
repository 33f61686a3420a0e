// The five festivals the centre greets customers on (DOMAIN.md, Callbacks and reminders). Spring
// Festival (正月初一) and Mid-Autumn (八月十五) are lunar and convert with the same library as
// lunar birthdays; the others are fixed solar dates. Pure: day numbers in, day numbers out.
import { dayNumber } from '../sla/civilDate';
import { lunarToDayNumber } from './lunar';

export const FESTIVALS = ['newYear', 'springFestival', 'labourDay', 'midAutumn', 'nationalDay'] as const;
export type Festival = (typeof FESTIVALS)[number];

/** Day number of `festival` in solar year `year` (the lunar new year of `year` falls in Jan/Feb of it). */
export function festivalDay(festival: Festival, year: number): number {
  switch (festival) {
    case 'newYear':
      return dayNumber(year, 1, 1);
    case 'springFestival':
      return lunarToDayNumber(year, 1, 1);
    case 'labourDay':
      return dayNumber(year, 5, 1);
    case 'midAutumn':
      return lunarToDayNumber(year, 8, 15);
    case 'nationalDay':
      return dayNumber(year, 10, 1);
  }
}

/** The first occurrence of `festival` on or after day number `from` (in solar year `fromYear`). */
export function nextFestival(festival: Festival, from: number, fromYear: number): number {
  for (let y = fromYear - 1; y <= fromYear + 1; y++) {
    const d = festivalDay(festival, y);
    if (d >= from) return d;
  }
  throw new RangeError(`No ${festival} found after day ${from}`);
}
