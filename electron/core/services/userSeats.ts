// The seat each person last signed in at (a shared table): with a hub, one person may have left a
// session open on another PC; only the seat of their latest sign-in reminds them.
import type { Db } from '../db/open';

export function recordSignInSeat(db: Db, userId: string, seat: string, at: number): void {
  db.prepare(
    `INSERT INTO user_seats (id, seat, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET seat = excluded.seat, updated_at = excluded.updated_at
     WHERE user_seats.seat IS NOT excluded.seat`,
  ).run(userId, seat, at);
}

/** True unless the person's latest sign-in was at another seat. */
export function signedInHere(db: Db, userId: string, seat: string | null): boolean {
  const last = db.prepare('SELECT seat FROM user_seats WHERE id = ?').pluck().get(userId) as string | undefined;
  return last === undefined || seat === null || last === seat;
}
