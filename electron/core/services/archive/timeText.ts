// Instants as the centre reads them, "2026-03-03 09:00:00", fast enough for a million cells: the
// zone's offset is looked up once per quarter hour (offsets only change on such boundaries).
import { offsetMsAt } from '../../../../shared/sla/timeZone';

const QUARTER_MS = 15 * 60 * 1000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export function localTimeFormatter(timeZone: string): (ms: number) => string {
  const offsets = new Map<number, number>();
  return (ms) => {
    const q = Math.floor(ms / QUARTER_MS);
    let offset = offsets.get(q);
    if (offset === undefined) {
      offset = offsetMsAt(timeZone, q * QUARTER_MS);
      offsets.set(q, offset);
    }
    const d = new Date(ms + offset);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
}
