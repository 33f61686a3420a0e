// An agent's deduction points for a period, computed from facts only (tickets' lateness, errors
// recorded by a supervisor, credits), so the figure can be recomputed at any time and every
// point is explained by a line naming its ticket, lateness and rule.
//
// Decisions:
// - Lateness is the ticket's overtime on its own SLA clock (working minutes for working-time
//   targets), as computed by the SLA engine; on time (0) never deducts.
// - Lateness beyond the last overtime band becomes an error (过失) and takes its place among the
//   period's errors in time order (at its feedback time).
// - Credits (抵消) offset points but the total never goes below 0: a credit cannot bank points
//   against future deductions. Every credit is still listed in full.
import type { DeductionRules } from './deductionRules';

export interface OvertimeFact {
  ticketId: string;
  due: number;
  feedbackAt: number;
  /** Overtime on the ticket's SLA clock, from the SLA engine (overtimeAt). */
  overtimeMinutes: number;
}

export interface ErrorFact {
  id: string;
  at: number;
  reason: string;
  ticketId?: string;
}

export interface CreditFact {
  id: string;
  at: number;
  points: number;
  reason: string;
}

export interface DeductionFacts {
  tickets: readonly OvertimeFact[];
  errors: readonly ErrorFact[];
  credits: readonly CreditFact[];
}

export type DeductionLine =
  | { kind: 'overtime'; at: number; ticketId: string; lateMinutes: number; rule: string; points: number }
  | { kind: 'error'; at: number; ordinal: number; ticketId?: string; lateMinutes?: number; errorId?: string; rule: string; reason: string; points: number }
  | { kind: 'credit'; at: number; creditId: string; rule: 'credit'; reason: string; points: number };

export interface DeductionReport {
  /** Lines in time order; credits carry negative points. */
  lines: DeductionLine[];
  deducted: number;
  credited: number;
  /** max(0, deducted − credited), rounded to 0.01. */
  total: number;
}

/** Facts with an instant in [from, to) belong to the period. */
export interface Period {
  from: number;
  to: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function computeDeductions(facts: DeductionFacts, rules: DeductionRules, period: Period): DeductionReport {
  const inPeriod = (at: number): boolean => at >= period.from && at < period.to;
  const lines: DeductionLine[] = [];
  type PendingError = { at: number; ticketId?: string; lateMinutes?: number; errorId?: string; rule: string; reason: string };
  const errors: PendingError[] = [];

  for (const t of facts.tickets) {
    if (!inPeriod(t.feedbackAt) || !(t.overtimeMinutes > 0)) continue;
    const late = t.overtimeMinutes;
    const band = rules.overtimeBands.find((b) => late <= b.upToMinutes);
    if (band) {
      lines.push({ kind: 'overtime', at: t.feedbackAt, ticketId: t.ticketId, lateMinutes: late, rule: band.id, points: band.points });
    } else {
      const limit = rules.overtimeBands[rules.overtimeBands.length - 1]?.upToMinutes ?? 0;
      errors.push({ at: t.feedbackAt, ticketId: t.ticketId, lateMinutes: late, rule: 'error.overtime', reason: `more than ${limit} min late` });
    }
  }
  for (const e of facts.errors) {
    if (!inPeriod(e.at)) continue;
    errors.push({ at: e.at, errorId: e.id, rule: 'error.recorded', reason: e.reason, ...(e.ticketId ? { ticketId: e.ticketId } : {}) });
  }
  errors.sort((a, b) => a.at - b.at);
  errors.forEach((e, i) => {
    const points = rules.errorPoints[Math.min(i, rules.errorPoints.length - 1)] ?? 0;
    lines.push({ kind: 'error', ordinal: i + 1, points, ...e });
  });
  for (const c of facts.credits) {
    if (!inPeriod(c.at)) continue;
    lines.push({ kind: 'credit', at: c.at, creditId: c.id, rule: 'credit', reason: c.reason, points: -Math.abs(c.points) });
  }
  lines.sort((a, b) => a.at - b.at);

  const deducted = round2(lines.reduce((s, l) => (l.points > 0 ? s + l.points : s), 0));
  const credited = round2(lines.reduce((s, l) => (l.points < 0 ? s - l.points : s), 0));
  return { lines, deducted, credited, total: Math.max(0, round2(deducted - credited)) };
}
