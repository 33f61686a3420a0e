// Credits (抵消): points a supervisor grants an agent against deductions, with a reason. Stored,
// audited, and revocable (a revoked credit stays on record with who revoked it and why).
import { DomainError } from '../../../shared/result';
import type { Credit } from '../../../shared/stats/types';
import type { CallContext } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { recordAudit } from './audit';

interface CreditRow {
  id: string;
  agent_id: string;
  agent_name: string;
  at: number;
  points: number;
  reason: string;
  granted_by: string;
  granted_by_name: string;
  granted_at: number;
  revoked_at: number | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}

const SELECT = `
  SELECT c.*, a.display_name AS agent_name, g.display_name AS granted_by_name, r.display_name AS revoked_by_name
  FROM agent_credits c JOIN users a ON a.id = c.agent_id JOIN users g ON g.id = c.granted_by LEFT JOIN users r ON r.id = c.revoked_by`;

const toCredit = (r: CreditRow): Credit => ({
  id: r.id,
  agentId: r.agent_id,
  agentName: r.agent_name,
  at: r.at,
  points: r.points,
  reason: r.reason,
  grantedBy: r.granted_by,
  grantedByName: r.granted_by_name,
  grantedAt: r.granted_at,
  revokedAt: r.revoked_at,
  revokedByName: r.revoked_by_name,
  revokeReason: r.revoke_reason,
});

/** Every credit of the agents in [from, to), revoked ones included (the board shows both). */
export function creditsIn(db: Db, from: number, to: number, agentId?: string): Credit[] {
  const rows = agentId
    ? db.prepare(`${SELECT} WHERE c.agent_id = ? AND c.at >= ? AND c.at < ? ORDER BY c.at`).all(agentId, from, to)
    : db.prepare(`${SELECT} WHERE c.at >= ? AND c.at < ? ORDER BY c.at`).all(from, to);
  return (rows as CreditRow[]).map(toCredit);
}

function mustGet(db: Db, id: string): Credit {
  const r = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CreditRow | undefined;
  if (!r) throw new DomainError('NOT_FOUND', 'errors.creditNotFound', `No credit with id ${id}.`, { id });
  return toCredit(r);
}

export function grantCredit(ctx: CallContext, input: { agentId: string; points: number; reason: string; at?: number | undefined }): Credit {
  const agent = ctx.db.prepare('SELECT id FROM users WHERE id = ?').get(input.agentId);
  if (!agent) throw new DomainError('NOT_FOUND', 'errors.userNotFound', `No user with id ${input.agentId}.`, { id: input.agentId });
  const now = ctx.clock.now();
  const id = newId(ctx.clock);
  ctx.db
    .prepare('INSERT INTO agent_credits (id, agent_id, at, points, reason, granted_by, granted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, input.agentId, input.at ?? now, Math.round(input.points * 100) / 100, input.reason, ctx.user!.id, now, now);
  const credit = mustGet(ctx.db, id);
  recordAudit(ctx, { action: 'credit.grant', subject: id, after: { agentId: credit.agentId, points: credit.points, reason: credit.reason, at: credit.at } });
  return credit;
}

export function revokeCredit(ctx: CallContext, id: string, reason: string): Credit {
  const before = mustGet(ctx.db, id);
  if (before.revokedAt !== null) {
    throw new DomainError('CONFLICT', 'errors.creditRevoked', `Credit ${id} was already revoked.`, { id });
  }
  const now = ctx.clock.now();
  ctx.db.prepare('UPDATE agent_credits SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, updated_at = ? WHERE id = ?').run(now, ctx.user!.id, reason, now, id);
  recordAudit(ctx, { action: 'credit.revoke', subject: id, before: { points: before.points, reason: before.reason }, after: { revokeReason: reason } });
  return mustGet(ctx.db, id);
}
