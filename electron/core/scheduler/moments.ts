// Keeping a ticket's due moments in step with the ticket, in the same transaction as its change.
// A running ticket has a warning and a breach moment; a paused, resolved or finished one has none
// pending (what already fired stays as the record that it fired).
import { clockRunning, type TicketStatus } from '../../../shared/tickets/lifecycle';
import type { Db } from '../db/open';
import { stmt, pluck } from '../db/stmt';

export type MomentKind = 'sla.warning' | 'sla.breach';
/** Callbacks' moments are kept by services/callbacks.ts (syncCallbackMoment). */
export type CallbackMomentKind = 'callback.due';

export const CANCEL_PENDING = `DELETE FROM due_moments WHERE kind IN ('sla.warning', 'sla.breach') AND subject_id = ? AND fired_at IS NULL`;
export const NEXT_PENDING = 'SELECT min(due_at) FROM due_moments WHERE fired_at IS NULL';

interface TicketTiming {
  id: string;
  status: TicketStatus;
  paused_since: number | null;
  feedback_at: number | null;
  due_at: number;
  warning_at: number;
}


export function syncTicketMoments(db: Db, t: TicketTiming): void {
  if (!clockRunning({ status: t.status, pausedSince: t.paused_since, feedbackAt: t.feedback_at })) {
    // Named kinds, so the (kind, subject_id) index finds the rows instead of a scan of every moment.
    stmt(db, CANCEL_PENDING).run(t.id);
    return;
  }
  const upsert = stmt(db,
    `INSERT INTO due_moments (kind, subject_id, due_at) VALUES (?, ?, ?)
     ON CONFLICT (kind, subject_id) DO UPDATE SET
       -- A moved due time re-arms the moment; an unchanged one keeps its fired state.
       fired_at = CASE WHEN due_moments.due_at = excluded.due_at THEN due_moments.fired_at ELSE NULL END,
       due_at = excluded.due_at`,
  );
  upsert.run('sla.warning', t.id, t.warning_at);
  upsert.run('sla.breach', t.id, t.due_at);
}

export function nextPendingDue(db: Db): number | null {
  return (pluck(db, NEXT_PENDING).get() as number | null) ?? null;
}
