// The scheduler: one timer waits for the earliest pending due moment. Firing marks the moments
// fired and records their notifications in ONE transaction, so each moment fires exactly once —
// across restarts, duplicate resume events and clock jumps. Delivery (OS notification, toast)
// follows the commit. Timers do not count sleep: the shell calls `wake()` on resume, and the
// timer never waits longer than MAX_WAIT_MS, so a clock change is noticed within that time.
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import { newId } from '../ids';
import type { Logger } from '../log';
import { describeError } from '../log';
import type { MomentKind } from './moments';
import { nextPendingDue } from './moments';

export const MAX_WAIT_MS = 30_000;

/** The moments due by an instant, with what delivery needs (query plan: tests/integration/queryPlans.test.ts). */
export const DUE_MOMENTS = `SELECT m.id, m.kind, m.subject_id AS ticketId, m.due_at AS dueAt, t.number, t.type_code AS typeCode,
            t.assignee_id AS assigneeId, c.name AS customerName
     FROM due_moments m JOIN tickets t ON t.id = m.subject_id JOIN customers c ON c.id = t.customer_id
     WHERE m.fired_at IS NULL AND m.due_at <= ? ORDER BY m.due_at, m.id`;

export interface FiredMoment {
  id: number;
  kind: MomentKind;
  ticketId: string;
  number: string;
  customerName: string;
  typeCode: string;
  assigneeId: string | null;
  dueAt: number;
}

/** A callback's due moment: the inbox of everyone who may make the call gets it. */
export interface FiredCallback {
  id: number;
  callbackId: string;
  customerName: string;
  ruleNames: { zh: string; en: string };
  excludedUserId: string | null;
  dueAt: number;
}

export interface FiredBatch {
  moments: FiredMoment[];
  callbacks: FiredCallback[];
  /** Fired at start-up for moments that fell due while the app was closed. */
  caughtUp: boolean;
  firedAt: number;
}

export interface Scheduler {
  /** Catches up on moments missed while closed (one summary), then arms the timer. */
  start(): FiredBatch | null;
  /** Fires whatever is due now; returns what fired. Safe to call any number of times. */
  wake(): FiredBatch | null;
  /** Re-arms the timer after a change to the moments (called after every committed change). */
  rearm(): void;
  stop(): void;
}

/** A due moment that is not about a ticket (e.g. the month-close reminder). */
export interface FiredOther {
  id: number;
  kind: string;
  subjectId: string;
  dueAt: number;
}

export function createScheduler(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  deliver(batch: FiredBatch): void;
  /** Delivers fired moments of kinds other than sla.* (after the commit that marked them fired). */
  deliverOther?(moments: FiredOther[], caughtUp: boolean): void;
  /** True while a long write holds the database (writeGate.ts): nothing fires; rearm() after it. */
  paused?(): boolean;
}): Scheduler {
  const { db, clock } = deps;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const due = db.prepare(DUE_MOMENTS);
  const dueOther = db.prepare(
    `SELECT id, kind, subject_id AS subjectId, due_at AS dueAt FROM due_moments
     WHERE fired_at IS NULL AND due_at <= ? AND kind NOT LIKE 'sla.%' AND kind != 'callback.due' ORDER BY due_at, id`,
  );
  const dueCallbacks = db.prepare(
    `SELECT m.id, m.subject_id AS callbackId, m.due_at AS dueAt, c.name AS customerName, r.rule AS rule, cb.excluded_user_id AS excludedUserId
     FROM due_moments m JOIN callbacks cb ON cb.id = m.subject_id JOIN customers c ON c.id = cb.customer_id
     JOIN callback_rules r ON r.id = cb.rule_id
     WHERE m.fired_at IS NULL AND m.due_at <= ? AND m.kind = 'callback.due' ORDER BY m.due_at, m.id`,
  );
  const markFired = db.prepare('UPDATE due_moments SET fired_at = ? WHERE id = ? AND fired_at IS NULL');
  const record = db.prepare(
    'INSERT INTO notifications (id, moment_id, kind, ticket_id, recipient_id, created_at, caught_up, callback_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const fire = (caughtUp: boolean): FiredBatch | null => {
    const now = clock.now();
    let others: FiredOther[] = [];
    const batch = db.transaction((): FiredBatch | null => {
      const moments = (due.all(now) as FiredMoment[]).filter((m) => markFired.run(now, m.id).changes === 1);
      for (const m of moments) record.run(newId(clock), m.id, m.kind, m.ticketId, m.assigneeId, now, caughtUp ? 1 : 0, null);
      const callbacks = (dueCallbacks.all(now) as (Omit<FiredCallback, 'ruleNames'> & { rule: string })[])
        .filter((m) => markFired.run(now, m.id).changes === 1)
        .map(({ rule, ...m }) => ({ ...m, ruleNames: (JSON.parse(rule) as { names: FiredCallback['ruleNames'] }).names }));
      for (const m of callbacks) record.run(newId(clock), m.id, 'callback.due', null, null, now, caughtUp ? 1 : 0, m.callbackId);
      // Fired even without a listener: a moment left pending would keep the timer spinning.
      others = (dueOther.all(now) as FiredOther[]).filter((m) => markFired.run(now, m.id).changes === 1);
      for (const m of others) record.run(newId(clock), m.id, m.kind, null, null, now, caughtUp ? 1 : 0, null);
      return moments.length || callbacks.length ? { moments, callbacks, caughtUp, firedAt: now } : null;
    })();
    if (others.length && deps.deliverOther) {
      try {
        deps.deliverOther(others, caughtUp);
      } catch (err) {
        deps.logger.error('Delivering fired moments failed', describeError(err));
      }
    }
    if (batch) {
      try {
        deps.deliver(batch);
      } catch (err) {
        deps.logger.error('Delivering fired moments failed', describeError(err));
      }
    }
    return batch;
  };

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || deps.paused?.()) return;
    const next = nextPendingDue(db);
    if (next === null) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, next - clock.now()));
    timer = setTimeout(() => {
      timer = null;
      wakeUp();
    }, wait);
    timer.unref?.();
  };

  const wakeUp = (caughtUp = false) => {
    if (deps.paused?.()) return null;
    try {
      return fire(caughtUp);
    } catch (err) {
      deps.logger.error('The scheduler failed to fire', describeError(err));
      return null;
    } finally {
      arm();
    }
  };

  return {
    start: () => wakeUp(true),
    wake: () => wakeUp(false),
    rearm: arm,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
