// A deliberately naive, independent working-time oracle: it walks minute by minute and asks
// "is this minute working time?" from first principles (Intl wall time, the spec's lists).
// Used to cross-check the engine in tests and as the benchmark's reference.
import type { CalendarSpec } from '../../../shared/sla';

const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function naiveCalendar(spec: CalendarSpec) {
  const holidays = new Set(spec.holidays);
  const workdays = new Set(spec.workdays);
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: spec.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  // Wall time per UTC minute would be exact but very slow; offsets only change on the quarter hour.
  const cache = new Map<number, { date: string; weekday: number; minute: number }>();
  const wall = (t: number) => {
    const quarter = Math.floor(t / 900_000);
    let w = cache.get(quarter);
    if (!w) {
      const p = Object.fromEntries(fmt.formatToParts(new Date(quarter * 900_000)).map((x) => [x.type, x.value]));
      w = {
        date: `${p.year}-${p.month}-${p.day}`,
        weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday as string),
        minute: (Number(p.hour) % 24) * 60 + Number(p.minute),
      };
      cache.set(quarter, w);
    }
    return { date: w.date, weekday: w.weekday, minute: w.minute + Math.floor((t % 900_000) / 60_000) };
  };
  const isWorkingMinute = (t: number): boolean => {
    if (spec.open24x7) return true;
    const w = wall(t);
    if (holidays.has(w.date)) return false;
    const day = workdays.has(w.date) ? (spec.makeUpDayHours ?? 'mon') : WEEKDAY[w.weekday]!;
    return spec.weeklyHours[day].some((i) => w.minute >= i.from && w.minute < i.to);
  };
  return {
    /** `from` must be on a whole minute. */
    addMinutes(from: number, minutes: number): number {
      let t = from;
      let left = minutes;
      while (left > 0) {
        if (isWorkingMinute(t)) left--;
        t += 60_000;
      }
      return t;
    },
    minutesBetween(from: number, to: number): number {
      let n = 0;
      for (let t = from; t < to; t += 60_000) if (isWorkingMinute(t)) n++;
      return n;
    },
  };
}
