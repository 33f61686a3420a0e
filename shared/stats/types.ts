// Statistics, performance, history and reports as they cross the IPC bridge.
import { z } from 'zod';
import { REQUEST_CATEGORIES } from '../sla/schemas';
import type { DeductionLine } from '../sla/deductions';
import { CHANNELS, TICKET_STATUSES } from '../tickets/lifecycle';
import type { TicketRow } from '../tickets/types';
import { idSchema } from '../validation';
import { FIGURE_IDS, type FigureId } from './definitions';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');

/** A period in the centre's time zone: a preset, or whole local days [from, to] inclusive. */
export const periodSchema = z.union([
  z.strictObject({ preset: z.enum(['today', 'thisWeek', 'thisMonth', 'lastMonth', 'thisYear']) }),
  z.strictObject({ from: isoDay, to: isoDay }),
]);
export type PeriodInput = z.infer<typeof periodSchema>;

export const GROUP_BY = ['day', 'week', 'month'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const statsFiltersSchema = z.strictObject({
  typeCode: z.string().max(48).optional(),
  category: z.enum(REQUEST_CATEGORIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  tier: z.enum(['standard', 'key']).optional(),
  role: z.enum(['partner', 'end_customer']).optional(),
  agentId: idSchema.optional(),
  departmentId: z.string().min(1).max(64).optional(),
});
export type StatsFilters = z.infer<typeof statsFiltersSchema>;

export const statsQuerySchema = z.strictObject({
  period: periodSchema,
  groupBy: z.enum(GROUP_BY).optional(),
  filters: statsFiltersSchema.optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** Narrows a figure's tickets to one point of a chart. */
export const drillSliceSchema = z.union([
  z.strictObject({ kind: z.literal('bucket'), from: z.number().int(), to: z.number().int() }),
  z.strictObject({ kind: z.literal('arrival'), weekday: z.number().int().min(0).max(6), hour: z.number().int().min(0).max(23) }),
  z.strictObject({ kind: z.literal('complaint'), category: z.string().max(40).nullable(), departmentId: z.string().max(64).nullable() }),
]);
export type DrillSlice = z.infer<typeof drillSliceSchema>;

export const drillSchema = z.strictObject({
  period: periodSchema,
  filters: statsFiltersSchema.optional(),
  figure: z.enum(FIGURE_IDS),
  slice: drillSliceSchema.optional(),
  /** For completed-cohort figures: only the breached (or only the on-time) ones. */
  breached: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).optional(),
});
export type DrillInput = z.infer<typeof drillSchema>;

export interface ResolvedPeriod {
  from: number;
  to: number;
  /** Local days, inclusive, for display: YYYY-MM-DD. */
  fromDay: string;
  toDay: string;
  timeZone: string;
}

export type FigureValues = Record<FigureId, number | null>;

export interface SeriesPoint {
  /** Start and end instants of the bucket, and its label (YYYY-MM-DD, YYYY-Www or YYYY-MM). */
  from: number;
  to: number;
  label: string;
  created: number;
  completed: number;
  onTime: number;
  breaches: number;
  compliance: number | null;
}

export interface ComplaintGroup {
  category: string | null;
  departmentId: string | null;
  count: number;
  answered: number;
  replyMinutes: number | null;
}

export interface BreakdownRow {
  key: string;
  created: number;
  completed: number;
  breaches: number;
  compliance: number | null;
  handling: number | null;
}

export interface StatsSummary {
  period: ResolvedPeriod;
  previous: ResolvedPeriod;
  groupBy: GroupBy;
  figures: FigureValues;
  previousFigures: FigureValues;
  series: SeriesPoint[];
  /** 7 × 24 counts: [weekday 0 = Monday][hour]. */
  arrivals: number[][];
  complaints: ComplaintGroup[];
  byType: BreakdownRow[];
  byChannel: BreakdownRow[];
  byAgent: BreakdownRow[];
  /** True when the caller is an agent: every figure is theirs only. */
  ownOnly: boolean;
}

export interface DrillResult {
  total: number;
  tickets: TicketRow[];
}

// --- Performance (绩效) ---

export const performanceQuerySchema = z.strictObject({ period: periodSchema, agentId: idSchema.optional() });

export interface Credit {
  id: string;
  agentId: string;
  agentName: string;
  at: number;
  points: number;
  reason: string;
  grantedBy: string;
  grantedByName: string;
  grantedAt: number;
  revokedAt: number | null;
  revokedByName: string | null;
  revokeReason: string | null;
}

/** A deduction line with the ticket number (or credit) that explains it. */
export type ExplainedLine = DeductionLine & { ticketNumber: string | null; subject: string | null };

export interface AgentPerformance {
  agentId: string;
  agentName: string;
  handled: number;
  onTime: number;
  compliance: number | null;
  handlingMinutes: number | null;
  overtimePoints: number;
  errors: number;
  errorPoints: number;
  deducted: number;
  credited: number;
  net: number;
  lines: ExplainedLine[];
  credits: Credit[];
}

export interface PerformanceBoard {
  period: ResolvedPeriod;
  agents: AgentPerformance[];
  ownOnly: boolean;
}

const reason = z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong');
export const grantCreditSchema = z.strictObject({
  agentId: idSchema,
  points: z.number().positive('validation.positive').max(100),
  reason,
  /** Places the credit in a period; defaults to now. */
  at: z.number().int().min(0).max(253402300799999).optional(),
});
export const revokeCreditSchema = z.strictObject({ id: idSchema, reason });

// --- Ticket history ---

export const historyQuerySchema = z.strictObject({
  /** Number, subject or description text, customer name or phone: one box. */
  q: z.string().trim().max(100, 'validation.tooLong').optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  agentId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export interface HistoryResult {
  /** Matching tickets, counted up to HISTORY_COUNT_CAP. */
  total: number;
  capped: boolean;
  tickets: TicketRow[];
}

export const HISTORY_COUNT_CAP = 10_000;

// --- Reports ---

export const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const reportQuerySchema = z.strictObject({ kind: z.enum(REPORT_KINDS), day: isoDay });

export interface ReportData {
  kind: ReportKind;
  centreName: string;
  generatedAt: number;
  summary: StatsSummary;
  performance: AgentPerformance[];
  typeNames: Record<string, { zh: string; en: string }>;
  departmentNames: Record<string, { zh: string; en: string }>;
  agentNames: Record<string, string>;
}
