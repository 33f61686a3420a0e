// Statistics, performance (绩效), ticket history and reports. Agents get the read methods for
// their own tickets only: the handlers narrow every query to the caller, whatever the input says.
import { DomainError } from '../../../shared/result';
import { roleAllows } from '../../../shared/roles';
import { PeriodError, resolvePeriod } from '../../../shared/stats/period';
import type { CallContext } from '../context';
import { grantCredit, revokeCredit } from '../services/credits';
import { ticketHistory } from '../services/history';
import { agentPerformance } from '../services/performance';
import { buildReport } from '../services/report';
import { getSetting } from '../services/settings';
import { statsSummary } from '../services/stats';
import { drillTickets } from '../services/statsDrill';
import { refreshFacts } from '../services/statsFacts';
import { type statsMethods } from '../../../shared/contract/stats';
import type { HandlersOf } from './types';


const zoneOf = (ctx: CallContext): string => getSetting(ctx.db, 'centre')?.timeZone ?? 'Asia/Shanghai';
/** Agents see their own figures only. */
const ownOnly = (ctx: CallContext): boolean => !roleAllows(ctx.user!.role, 'supervisor');

/** Runs a period computation, turning an impossible custom range into a translated VALIDATION error. */
function withPeriod<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PeriodError) throw new DomainError('VALIDATION', 'errors.periodInvalid', err.message);
    throw err;
  }
}

export const statsHandlers: HandlersOf<typeof statsMethods> = {
  'stats.summary': (query, ctx) =>
    withPeriod(() => {
      const now = ctx.clock.now();
      refreshFacts(ctx.db, now);
      const own = ownOnly(ctx);
      const filters = own ? { ...query.filters, agentId: ctx.user!.id } : query.filters;
      return statsSummary(ctx.db, { ...query, ...(filters ? { filters } : {}) }, now, zoneOf(ctx), own);
    }),

  'stats.tickets': (input, ctx) =>
    withPeriod(() => {
      const now = ctx.clock.now();
      refreshFacts(ctx.db, now);
      const filters = ownOnly(ctx) ? { ...input.filters, agentId: ctx.user!.id } : input.filters;
      return drillTickets(ctx.db, { ...input, ...(filters ? { filters } : {}) }, now, zoneOf(ctx));
    }),

  'stats.performance': ({ period, agentId }, ctx) =>
    withPeriod(() => {
      const now = ctx.clock.now();
      refreshFacts(ctx.db, now);
      const { current } = resolvePeriod(period, now, zoneOf(ctx));
      const own = ownOnly(ctx);
      return { period: current, agents: agentPerformance(ctx.db, current, own ? ctx.user!.id : agentId), ownOnly: own };
    }),

  'stats.grantCredit': (input, ctx) => grantCredit(ctx, input),
  'stats.revokeCredit': ({ id, reason }, ctx) => revokeCredit(ctx, id, reason),

  'tickets.history': (query, ctx) => withPeriod(() => ticketHistory(ctx.db, query, zoneOf(ctx))),

  'stats.report': ({ kind, day }, ctx) => withPeriod(() => buildReport(ctx.db, kind, day, ctx.clock.now())),
};
