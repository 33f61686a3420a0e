// The WHERE clause of the facts for a set of filters, shared by the figures and their drill-down,
// so a figure and the list of tickets behind it can never disagree. The rollups (stats_rollup)
// name their dimensions as the facts do, so the same clause filters both.
import type { StatsFilters } from '../../../shared/stats/types';

export interface SqlPart {
  sql: string;
  params: (string | number)[];
}

/** Conditions on ticket_facts or stats_rollup aliased `f`; always starts with TRUE so callers can append. */
export function filterSql(filters: StatsFilters = {}): SqlPart {
  const parts: string[] = ['1'];
  const params: (string | number)[] = [];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`f.${column} = ?`);
    params.push(value);
  };
  eq('type_code', filters.typeCode);
  eq('category', filters.category);
  eq('channel', filters.channel);
  eq('tier', filters.tier);
  eq('assignee_id', filters.agentId);
  eq('department_id', filters.departmentId);
  // The customer's role as it is now (a partner stays one for all their tickets): the facts keep
  // it current (stats_dirty), so the rollups can be keyed by it.
  eq('customer_role', filters.role);
  return { sql: parts.join(' AND '), params };
}
