// Deduction points for a period: overtime bands, errors, credits, and the floor at 0.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUCTION_RULES, computeDeductions, deductionRulesSchema, type DeductionFacts } from '../../../shared/sla';

const period = { from: 0, to: 1_000_000 };
const ticket = (ticketId: string, lateMinutes: number, feedbackAt: number) => ({ ticketId, due: feedbackAt - lateMinutes * 60_000, feedbackAt, overtimeMinutes: lateMinutes });
const none: DeductionFacts = { tickets: [], errors: [], credits: [] };

describe('computeDeductions', () => {
  it('applies the overtime bands: ≤5 min 0.5, 5–10 min 1, on time nothing', () => {
    const r = computeDeductions({ ...none, tickets: [ticket('T0', 0, 100), ticket('T1', 5, 200), ticket('T2', 5.01, 300), ticket('T3', 10, 400)] }, DEFAULT_DEDUCTION_RULES, period);
    expect(r.lines.map((l) => [l.kind, l.rule, l.points])).toEqual([
      ['overtime', 'overtime.upTo5', 0.5],
      ['overtime', 'overtime.upTo10', 1],
      ['overtime', 'overtime.upTo10', 1],
    ]);
    expect(r.total).toBe(2.5);
  });

  it('turns more than 10 min late into an error; two errors make 3 points', () => {
    const r = computeDeductions(
      { ...none, tickets: [ticket('T9', 10.5, 500)], errors: [{ id: 'E1', at: 100, reason: 'wrong account closed', ticketId: 'T1' }] },
      DEFAULT_DEDUCTION_RULES,
      period,
    );
    expect(r.lines).toEqual([
      { kind: 'error', ordinal: 1, at: 100, errorId: 'E1', ticketId: 'T1', rule: 'error.recorded', reason: 'wrong account closed', points: 1.5 },
      { kind: 'error', ordinal: 2, at: 500, ticketId: 'T9', lateMinutes: 10.5, rule: 'error.overtime', reason: 'more than 10 min late', points: 1.5 },
    ]);
    expect(r.total).toBe(3);
  });

  it('offsets with credits but never goes below 0, listing every credit', () => {
    const r = computeDeductions({ ...none, tickets: [ticket('T1', 3, 100)], credits: [{ id: 'C1', at: 200, points: 2, reason: 'joined the service-week event' }] }, DEFAULT_DEDUCTION_RULES, period);
    expect(r).toMatchObject({ deducted: 0.5, credited: 2, total: 0 });
    expect(r.lines[1]).toMatchObject({ kind: 'credit', creditId: 'C1', points: -2 });
  });

  it('counts only facts inside the period and follows edited rules', () => {
    const rules = { overtimeBands: [{ id: 'grace', upToMinutes: 2, points: 0 }], errorPoints: [1, 2] };
    expect(deductionRulesSchema.safeParse(rules).success).toBe(true);
    const facts: DeductionFacts = {
      tickets: [ticket('T1', 1, 100), ticket('T2', 3, 200), ticket('T3', 3, 300), ticket('T4', 3, 2_000_000)],
      errors: [],
      credits: [],
    };
    const r = computeDeductions(facts, rules, period);
    expect(r.lines.map((l) => l.points)).toEqual([0, 1, 2]);
    expect(r.total).toBe(3);
  });

  it('rejects bands out of order', () => {
    expect(deductionRulesSchema.safeParse({ overtimeBands: [{ id: 'a', upToMinutes: 10, points: 1 }, { id: 'b', upToMinutes: 5, points: 1 }], errorPoints: [1] }).success).toBe(false);
  });
});

describe('the default rules', () => {
  it('are valid under the schema the settings screen saves them with', () => {
    expect(deductionRulesSchema.safeParse(DEFAULT_DEDUCTION_RULES).success).toBe(true);
  });
});
