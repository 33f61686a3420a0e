// Seat codes: ticket numbers carry them (A1-20260303-0007), so two seats of one centre must never
// share one. This is the one place that decides whether this seat may take a code; the centre hub
// (multi-seat) extends it with the codes its registry of seats holds.
import { DomainError } from '../../../shared/result';
import type { Db } from '../db/open';
import { getSetting, setSetting } from './settings';

/** The codes this seat has held (its own old ticket numbers carry them), newest last. */
export function seatCodesHeld(db: Db): string[] {
  const held = getSetting(db, 'seat.codesHeld') ?? [];
  const current = getSetting(db, 'centre')?.seatCode;
  return current && !held.includes(current) ? [...held, current] : held;
}

/** Remembers that this seat now holds `code`. */
export function rememberSeatCode(db: Db, code: string, at: number, by: string | null): void {
  const held = seatCodesHeld(db);
  if (!held.includes(code)) setSetting(db, 'seat.codesHeld', [...held, code], at, by);
}

/**
 * A ticket number showing that another seat of the centre uses `code`, or null when this seat may
 * take it. The centre's data is what this database holds: tickets numbered with the code that this
 * seat never held came from another seat.
 */
export function seatCodeUsedElsewhere(db: Db, code: string): string | null {
  if (seatCodesHeld(db).includes(code)) return null;
  // A range on the unique index of numbers: 'A1-' ≤ number < 'A1.' ('.' follows '-').
  const number = db.prepare('SELECT number FROM tickets WHERE number >= ? AND number < ? LIMIT 1').pluck().get(`${code}-`, `${code}.`) as
    | string
    | undefined;
  return number ?? null;
}

export function assertSeatCodeFree(db: Db, code: string): void {
  const number = seatCodeUsedElsewhere(db, code);
  if (number) {
    throw new DomainError('CONFLICT', 'errors.seatCodeTaken', `The seat code ${code} is used by another seat (ticket ${number}).`, { code, number });
  }
}
