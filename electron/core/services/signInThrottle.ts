// Wrong passwords per user name: a few are free (typos happen), then the name is refused for a
// while that doubles with every further failure. The core's handlers are synchronous, so the
// "delay" is a refusal that says how long to wait, timed by the core's clock (tests move it).
// Names unknown to the centre are counted the same way, so the answer does not reveal which exist.
import type { Db } from '../db/open';
import { newId } from '../ids';
import type { Clock } from '../clock';

/** Wrong attempts in a row before the first wait. */
export const FREE_ATTEMPTS = 3;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

interface ThrottleRow {
  id: string;
  failures: number;
  locked_until: number | null;
}

const find = (db: Db, name: string) =>
  db.prepare('SELECT id, failures, locked_until FROM sign_in_throttle WHERE name = ?').get(name) as ThrottleRow | undefined;

/** How long `failures` wrong attempts in a row lock the name for (0: not locked). */
export function lockMsAfter(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS - 1));
}

/** Milliseconds the name must still wait before another attempt is even checked (0: go ahead). */
export function signInWaitMs(db: Db, name: string, now: number): number {
  const row = find(db, name);
  return row?.locked_until && row.locked_until > now ? row.locked_until - now : 0;
}

/** Counts a wrong attempt; returns the failures in a row and how long the name is now locked. */
export function recordSignInFailure(db: Db, clock: Clock, name: string): { failures: number; lockMs: number } {
  const now = clock.now();
  const row = find(db, name);
  const failures = (row?.failures ?? 0) + 1;
  const lockMs = lockMsAfter(failures);
  const lockedUntil = lockMs > 0 ? now + lockMs : null;
  if (row) {
    db.prepare('UPDATE sign_in_throttle SET failures = ?, last_failed_at = ?, locked_until = ?, updated_at = ? WHERE id = ?').run(
      failures,
      now,
      lockedUntil,
      now,
      row.id,
    );
  } else {
    db.prepare('INSERT INTO sign_in_throttle (id, name, failures, last_failed_at, locked_until, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      newId(clock),
      name,
      failures,
      now,
      lockedUntil,
      now,
    );
  }
  return { failures, lockMs };
}

/** A successful sign-in starts the count again. */
export function clearSignInFailures(db: Db, name: string): void {
  db.prepare('DELETE FROM sign_in_throttle WHERE name = ?').run(name);
}
