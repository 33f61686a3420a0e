// Readable ticket numbers, unique across the centre's PCs without coordination:
// <seat>-<YYYYMMDD in the centre's zone>-<sequence of the seat's day>, e.g. A1-20260303-0007.
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function centreDay(ms: number, timeZone: string): string {
  // A formatter costs more to build than to use: one per zone.
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
}

export function nextTicketNumber(db: Db, seat: string, at: number, timeZone: string): string {
  const day = centreDay(at, timeZone);
  const { last } = stmt(db,
      `INSERT INTO ticket_counters (seat, day, last) VALUES (?, ?, 1)
       ON CONFLICT (seat, day) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(seat, day) as { last: number };
  return `${seat}-${day}-${String(last).padStart(4, '0')}`;
}
