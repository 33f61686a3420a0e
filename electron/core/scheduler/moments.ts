// Keeping a ticket's due moments in step with the ticket, in the same transaction as its change.
// A running ticket has a warning and a breach moment; a paused, resolved or finished one has none
// pending (what already fired stays as the record that it fired).
import type { Db } from '../db/open';

export type MomentKind = 'sla.warning' | 'sla.breach';

interface TicketTiming {
  id: string;
  status: string;
  paused_since: number | null;
  feedback_at: number | null;
  due_at: number;
  warning_at: number;
}

const RUNNING = new Set(['new', 'accepted', 'in_progress']);

export function syncTicketMoments(db: Db, t: TicketTiming): void {
  const running = RUNNING.has(t.status) && t.paused_since === null && t.feedback_at === null;
  if (!running) {
    db.prepare('DELETE FROM due_moments WHERE subject_id = ? AND fired_at IS NULL').run(t.id);
    return;
  }
  const upsert = db.prepare(
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
  return (db.prepare('SELECT min(due_at) FROM due_moments WHERE fired_at IS NULL').pluck().get() as number | null) ?? null;
}
