// Per-agent performance (绩效) for a period: handled, compliance, handling time, and the deduction
// report of shared/sla's computeDeductions over the stored rules, the agent's late feedback,
// recorded errors and (unrevoked) credits; every line names its ticket or credit.
import { DEFAULT_DEDUCTION_RULES, computeDeductions, type DeductionRules, type ErrorFact, type OvertimeFact } from '../../../shared/sla';
import type { AgentPerformance, ResolvedPeriod } from '../../../shared/stats/types';
import type { Db } from '../db/open';
import { creditsIn } from './credits';
import { getSetting } from './settings';

const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

export function deductionRules(db: Db): DeductionRules {
  return getSetting(db, 'deductions.rules') ?? DEFAULT_DEDUCTION_RULES;
}

export function agentPerformance(db: Db, period: ResolvedPeriod, agentId?: string): AgentPerformance[] {
  const rules = deductionRules(db);
  const agents = (
    agentId
      ? db.prepare('SELECT id, display_name FROM users WHERE id = ?').all(agentId)
      : db
          .prepare(
            `SELECT id, display_name FROM users WHERE (role = 'agent' AND disabled = 0)
               OR id IN (SELECT assignee_id FROM ticket_facts WHERE feedback_at >= ? AND feedback_at < ?)
               OR id IN (SELECT agent_id FROM agent_errors WHERE at >= ? AND at < ?)
               OR id IN (SELECT agent_id FROM agent_credits WHERE at >= ? AND at < ?)
             ORDER BY display_name`,
          )
          .all(period.from, period.to, period.from, period.to, period.from, period.to)
  ) as { id: string; display_name: string }[];

  // What the agent finished, summed in SQL; only the overtime tickets are read one by one (their
  // lines name them). Joining every handled ticket for its number and subject made a month of a
  // 1M-ticket centre take seconds.
  const handledStmt = db.prepare(
    `SELECT count(*) AS handled, coalesce(sum(breached = 0), 0) AS on_time, count(handling_min) AS timed, total(handling_min) AS handling
     FROM ticket_facts WHERE assignee_id = ? AND feedback_at >= ? AND feedback_at < ?`,
  );
  const overtimeStmt = db.prepare(
    `SELECT f.ticket_id, f.feedback_at, f.overtime_min, t.due_at, t.number, t.subject
     FROM ticket_facts f JOIN tickets t ON t.id = f.ticket_id
     WHERE f.assignee_id = ? AND f.feedback_at >= ? AND f.feedback_at < ? AND f.overtime_min > 0`,
  );
  const errorStmt = db.prepare(
    `SELECT e.id, e.at, e.reason, e.ticket_id, t.number, t.subject FROM agent_errors e LEFT JOIN tickets t ON t.id = e.ticket_id
     WHERE e.agent_id = ? AND e.at >= ? AND e.at < ?`,
  );

  return agents.map((a) => {
    const handled = handledStmt.get(a.id, period.from, period.to) as { handled: number; on_time: number; timed: number; handling: number };
    const overtime = overtimeStmt.all(a.id, period.from, period.to) as {
      ticket_id: string;
      feedback_at: number;
      overtime_min: number;
      due_at: number;
      number: string;
      subject: string;
    }[];
    const errors = errorStmt.all(a.id, period.from, period.to) as { id: string; at: number; reason: string; ticket_id: string | null; number: string | null; subject: string | null }[];
    const credits = creditsIn(db, period.from, period.to, a.id);
    const tickets: OvertimeFact[] = overtime.map((h) => ({ ticketId: h.ticket_id, due: h.due_at, feedbackAt: h.feedback_at, overtimeMinutes: h.overtime_min }));
    const errorFacts: ErrorFact[] = errors.map((e) => ({ id: e.id, at: e.at, reason: e.reason, ...(e.ticket_id ? { ticketId: e.ticket_id } : {}) }));
    const report = computeDeductions(
      { tickets, errors: errorFacts, credits: credits.filter((c) => c.revokedAt === null).map((c) => ({ id: c.id, at: c.at, points: c.points, reason: c.reason })) },
      rules,
      period,
    );
    const names = new Map<string, { number: string; subject: string }>();
    for (const h of overtime) names.set(h.ticket_id, { number: h.number, subject: h.subject });
    for (const e of errors) if (e.ticket_id && e.number) names.set(e.ticket_id, { number: e.number, subject: e.subject ?? '' });
    const lines = report.lines.map((l) => {
      const t = 'ticketId' in l && l.ticketId ? names.get(l.ticketId) : undefined;
      return { ...l, ticketNumber: t?.number ?? null, subject: t?.subject ?? null };
    });
    const sumPoints = (kind: 'overtime' | 'error') => Math.round(report.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.points, 0) * 100) / 100;
    return {
      agentId: a.id,
      agentName: a.display_name,
      handled: handled.handled,
      onTime: handled.on_time,
      compliance: pct(handled.on_time, handled.handled),
      handlingMinutes: handled.timed ? Math.round((handled.handling / handled.timed) * 100) / 100 : null,
      overtimePoints: sumPoints('overtime'),
      errors: report.lines.filter((l) => l.kind === 'error').length,
      errorPoints: sumPoints('error'),
      deducted: report.deducted,
      credited: report.credited,
      net: report.total,
      lines,
      credits,
    };
  });
}
