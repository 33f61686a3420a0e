// Methods of statistics, per-agent performance (绩效), ticket history and reports (issue 12).
// Agents may call the read methods but see only their own tickets; the handlers enforce it.
import type { Credit, DrillResult, HistoryResult, PerformanceBoard, ReportData, StatsSummary } from '../stats/types';
import { drillSchema, grantCreditSchema, historyQuerySchema, performanceQuerySchema, reportQuerySchema, revokeCreditSchema, statsQuerySchema } from '../stats/types';
import { def } from './define';

export const statsMethods = {
  /** Every figure of shared/stats/definitions.ts for a period, its previous period, series and breakdowns. */
  'stats.summary': def<StatsSummary>()('agent', statsQuerySchema),
  /** The tickets behind a figure (or one point of its chart). */
  'stats.tickets': def<DrillResult>()('agent', drillSchema),
  'stats.performance': def<PerformanceBoard>()('agent', performanceQuerySchema),
  'stats.grantCredit': def<Credit>()('supervisor', grantCreditSchema),
  'stats.revokeCredit': def<Credit>()('supervisor', revokeCreditSchema),
  /** Any ticket ever, open or closed. */
  'tickets.history': def<HistoryResult>()('agent', historyQuerySchema),
  /** The daily, weekly or monthly report of the period containing `day`. */
  'stats.report': def<ReportData>()('supervisor', reportQuerySchema),
} as const;
