// Who changed what, when, from which seat: append-only and hash-chained (see db/chain.ts).
import type { AuditEntry } from '../../../shared/types';
import { appendChained } from '../db/chain';
import { AUDIT_CHAIN } from '../db/check';
import type { Db } from '../db/open';
import { newId } from '../ids';
import type { CallContext } from '../context';

export interface AuditRecord {
  action: string;
  subject?: string | null;
  before?: unknown;
  after?: unknown;
}

export function recordAudit(ctx: Pick<CallContext, 'db' | 'clock' | 'user' | 'seat'>, record: AuditRecord): void {
  const { db, clock } = ctx;
  const fields = [
    newId(clock),
    clock.now(),
    ctx.user?.id ?? null,
    ctx.seat,
    record.action,
    record.subject ?? null,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  ];
  appendChained(db, AUDIT_CHAIN, fields);
}

interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  seat: string | null;
  action: string;
  subject: string | null;
  before: string | null;
  after: string | null;
}

export function listAudit(db: Db, limit: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.seat, a.action, a.subject, a.before, a.after
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(limit) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    seat: r.seat,
    action: r.action,
    subject: r.subject,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}
