// Instants as the centre reads them, "2026-03-03 09:00:00", fast enough for a million cells: the
// zone's offset is looked up once per quarter hour (offsets only change on such boundaries) and
// the date part once per local day; the time of day is arithmetic.
import { offsetMsAt } from '../../../../shared/sla/timeZone';

const QUARTER_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export function localTimeFormatter(timeZone: string): (ms: number) => string {
  const offsets = new Map<number, number>();
  const days = new Map<number, string>();
  return (ms) => {
    const q = Math.floor(ms / QUARTER_MS);
    let offset = offsets.get(q);
    if (offset === undefined) {
      offset = offsetMsAt(timeZone, q * QUARTER_MS);
      offsets.set(q, offset);
    }
    const local = ms + offset;
    const day = Math.floor(local / DAY_MS);
    let date = days.get(day);
    if (date === undefined) {
      const d = new Date(day * DAY_MS);
      date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `;
      days.set(day, date);
    }
    const secs = Math.floor((local - day * DAY_MS) / 1000);
    return `${date}${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
  };
}
