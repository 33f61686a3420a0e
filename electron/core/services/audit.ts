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

/** Appends an entry; with `emit` (every handler's context has it) open audit views refresh. */
export function recordAudit(ctx: Pick<CallContext, 'db' | 'clock' | 'user' | 'seat'> & Partial<Pick<CallContext, 'emit'>>, record: AuditRecord): void {
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
  ctx.emit?.({ type: 'audit.changed' });
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

export interface AuditQuery {
  limit: number;
  /** Actions of one family, e.g. 'session' for session.signIn, session.signInFailed… */
  family?: string;
  /** Text anywhere in the actor's name, the action, the subject, the seat or the changes. */
  q?: string;
  from?: number;
  to?: number;
}

const likeEscaped = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listAudit(db: Db, query: AuditQuery): AuditEntry[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.family) {
    where.push("a.action LIKE ? ESCAPE '\\'");
    params.push(`${query.family.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  }
  if (query.q) {
    const columns = ['u.display_name', 'u.name', 'a.action', 'a.subject', 'a.seat', 'a.before', 'a.after'];
    where.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => likeEscaped(query.q!)));
  }
  if (query.from !== undefined) {
    where.push('a.at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    where.push('a.at < ?');
    params.push(query.to);
  }
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.seat, a.action, a.subject, a.before, a.after
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(...params, query.limit) as AuditRow[];
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
