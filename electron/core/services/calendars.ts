// Working calendars as stored, and their compiled form for arithmetic. Compiling precomputes
// per-day working intervals, so compiled calendars are cached until the stored one changes.
import { compileCalendar, type CalendarSpec, type CompiledCalendar } from '../../../shared/sla';
import type { Db } from '../db/open';
import { stmt, pluck } from '../db/stmt';

export function listCalendars(db: Db): CalendarSpec[] {
  return (pluck(db, 'SELECT spec FROM calendars ORDER BY id').all() as string[]).map((s) => JSON.parse(s) as CalendarSpec);
}

export function findCalendar(db: Db, id: string): CalendarSpec | null {
  const spec = pluck(db, 'SELECT spec FROM calendars WHERE id = ?').get(id) as string | undefined;
  return spec ? (JSON.parse(spec) as CalendarSpec) : null;
}

export function saveCalendar(db: Db, calendar: CalendarSpec, at: number, by: string): void {
  // The compiled-calendar cache keys on updated_at, so every save must move it forward, even when
  // the clock stands still or went back (a restored backup, a corrected PC clock).
  const previous = pluck(db, 'SELECT updated_at FROM calendars WHERE id = ?').get(calendar.id) as number | undefined;
  at = previous === undefined ? at : Math.max(at, previous + 1);
  stmt(db,
    `INSERT INTO calendars (id, spec, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(calendar.id, JSON.stringify(calendar), at, by);
  compiled.delete(cacheKey(db, calendar.id));
}

const compiled = new Map<string, { version: number; calendar: CompiledCalendar }>();
const cacheKey = (db: Db, id: string) => `${db.name}\u0000${id}`;

/** The compiled calendar, recompiled only when the stored one has changed since. */
export function compiledCalendar(db: Db, id: string): CompiledCalendar | null {
  // Only the version is read on a hit: the queue asks once per open ticket, and the China
  // calendar's spec is ~16 KB of JSON.
  const version = pluck(db, 'SELECT updated_at FROM calendars WHERE id = ?').get(id) as number | undefined;
  if (version === undefined) return null;
  const key = cacheKey(db, id);
  const hit = compiled.get(key);
  if (hit && hit.version === version) return hit.calendar;
  const spec = pluck(db, 'SELECT spec FROM calendars WHERE id = ?').get(id) as string;
  const calendar = compileCalendar(JSON.parse(spec) as CalendarSpec);
  compiled.set(key, { version, calendar });
  return calendar;
}
