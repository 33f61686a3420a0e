// Performance-deduction rules (绩效扣分, seed 000) as editable data. The defaults below are the
// seed's table; a supervisor may change every number without a code change.
import { z } from 'zod';

export const overtimeBandSchema = z.strictObject({
  /** Stable id, shown on every deduction line so a line can be traced to its rule. */
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,47}$/),
  /** The band covers lateness in (previous band's upToMinutes, upToMinutes]. */
  upToMinutes: z.number().positive(),
  points: z.number().min(0).max(100),
});

export const deductionRulesSchema = z
  .strictObject({
    /** Ascending bands; lateness beyond the last band is handled as an error (过失). */
    overtimeBands: z.array(overtimeBandSchema).max(10),
    /**
     * Points per error by its ordinal in the period: [first, second, …]; the last entry repeats.
     * The seed's "first 1.5, second 3 (cumulative)" is 1.5 each: the running total is 3 after two.
     */
    errorPoints: z.array(z.number().min(0).max(100)).min(1).max(10),
  })
  .refine((r) => r.overtimeBands.every((b, i) => i === 0 || b.upToMinutes > (r.overtimeBands[i - 1] as { upToMinutes: number }).upToMinutes), 'validation.sla.bandOrder');

export type OvertimeBand = z.infer<typeof overtimeBandSchema>;
export type DeductionRules = z.infer<typeof deductionRulesSchema>;

export const DEFAULT_DEDUCTION_RULES: DeductionRules = {
  overtimeBands: [
    { id: 'overtime.upTo5', upToMinutes: 5, points: 0.5 },
    { id: 'overtime.upTo10', upToMinutes: 10, points: 1 },
  ],
  errorPoints: [1.5],
};
