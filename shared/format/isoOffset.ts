// ISO 8601 instants as people in a time zone read them: local wall time plus that zone's offset
// at that instant, e.g. 2026-03-04T15:00:00+08:00. Seconds are always shown, milliseconds never
// (the instant is truncated to its whole second, towards the past). The offset comes from the
// SLA engine's Intl-based offsetMsAt, so it is right on both sides of a DST change.
import { offsetMsAt } from '../sla/timeZone';

const SECOND_MS = 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "+08:00", "-03:30", "+00:00"; "+08:05:43" for the rare historical offset with seconds (LMT). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / SECOND_MS);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  // ISO 8601 expanded years, as Date.prototype.toISOString writes them.
  return `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
}

/**
 * The instant `ms` (epoch milliseconds) as local time in `timeZone` with its UTC offset.
 * Throws a RangeError for a non-finite instant or an unknown time zone.
 */
export function formatIsoWithOffset(ms: number, timeZone: string): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Not a finite instant: ${ms}`);
  const whole = Math.floor(ms / SECOND_MS) * SECOND_MS;
  const offset = offsetMsAt(timeZone, whole);
  const local = new Date(whole + offset);
  if (Number.isNaN(local.getTime())) throw new RangeError(`Instant out of range: ${ms}`);
  const date = `${formatYear(local.getUTCFullYear())}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offset)}`;
}
