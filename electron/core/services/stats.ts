// Every figure of shared/stats/definitions.ts for a period, computed from the day and month
// rollups of the facts cache (statsRollup.ts): a month reads its days, a year its months, each
// read a range of the rollup's primary key (the query-plan test keeps it so). Arrivals under a
// filter and complaints read covering indexes of the facts. The drill-down (statsDrill.ts) lists
// the same tickets from the facts with the same filters.
import { FIGURES, type FigureId } from '../../../shared/stats/definitions';
import { parseIsoDate } from '../../../shared/sla/civilDate';
import { bucketsOf, defaultGroupBy, resolvePeriod } from '../../../shared/stats/period';
import type { BreakdownRow, ComplaintGroup, FigureValues, GroupBy, ResolvedPeriod, SeriesPoint, StatsFilters, StatsQuery, StatsSummary } from '../../../shared/stats/types';
import type { Db } from '../db/open';
import { DAY, MEASURES, grainRanges, type GrainRange, type Measure, type RollupTable } from './statsRollup';
import { filterSql, type SqlPart } from './statsQuery';

const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);
const avg = (sum: number | null, n: number): number | null => (n > 0 && sum !== null ? Math.round((sum / n) * 100) / 100 : null);

/** The summed measures of a set of rollup rows (minute sums in hundredths). */
type Sums = Record<Measure, number>;
const SUMS = MEASURES.map((m) => `coalesce(sum(r.${m}), 0) AS ${m}`).join(', ');

const dayOf = (iso: string): number => parseIsoDate(iso)!;
/** Far past every ticket: the end of "from this day on". */
const END_OF_TIME = 3_000_000;

/**
 * The rollup rows of these ranges matching the filters, as one UNION ALL of primary-key range
 * scans (each branch carries the filters so it reads only its own key range). Without an agent
 * filter the team rollup answers (a tenth of the rows); per agent, the full one.
 */
function rollupRows(ranges: GrainRange[], filters: StatsFilters, table: RollupTable = filters.agentId === undefined ? 'stats_rollup_team' : 'stats_rollup'): SqlPart {
  const w = filterSql(filters);
  if (ranges.length === 0) return { sql: `SELECT * FROM ${table} WHERE 0`, params: [] };
  return {
    sql: ranges.map(() => `SELECT * FROM ${table} f WHERE f.grain = ? AND f.day >= ? AND f.day < ? AND ${w.sql}`).join(' UNION ALL '),
    params: ranges.flatMap((r) => [r.grain, r.from, r.to, ...w.params]),
  };
}

const periodRanges = (p: ResolvedPeriod): GrainRange[] => grainRanges(dayOf(p.fromDay), dayOf(p.toDay) + 1);

/** Sums per rollup row day (a day, or a month's first day): the series and the totals. */
function sumsByDay(db: Db, ranges: GrainRange[], filters: StatsFilters): (Sums & { day: number })[] {
  const q = rollupRows(ranges, filters);
  return db.prepare(`SELECT r.day AS day, ${SUMS} FROM (${q.sql}) r GROUP BY r.day`).all(...q.params) as (Sums & { day: number })[];
}

function totalOf(rows: Sums[]): Sums {
  const out = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Sums;
  for (const r of rows) for (const m of MEASURES) out[m] += r[m];
  return out;
}

/**
 * Open at the start of `day`: received before it and not given feedback before it. The rollups
 * hold +1 on the day of intake and -1 on the day of feedback (backlog_delta), so the backlog is
 * what is open now minus the deltas from that day on (a short range for a recent period).
 */
function backlogAt(db: Db, day: number, filters: StatsFilters): number {
  const w = filterSql(filters);
  const openNow = db.prepare(`SELECT count(*) FROM ticket_facts f INDEXED BY ticket_facts_open WHERE f.feedback_at IS NULL AND f.created_at < ? AND ${w.sql}`).pluck().get(Number.MAX_SAFE_INTEGER, ...w.params) as number;
  const q = rollupRows(grainRanges(day, END_OF_TIME), filters);
  const later = db.prepare(`SELECT coalesce(sum(r.backlog_delta), 0) FROM (${q.sql}) r`).pluck().get(...q.params) as number;
  return openNow - later;
}

/** A mean of minutes from a sum in hundredths, to 0.01. */
const avgOf = (hundredths: number, n: number): number | null => (n > 0 ? Math.round(hundredths / n) / 100 : null);

function figuresOf(s: Sums, backlog: number): FigureValues {
  const values: FigureValues = {
    created: s.created,
    completed: s.completed,
    backlog,
    compliance: pct(s.completed - s.breached, s.completed),
    breaches: s.breached,
    firstResponse: avgOf(s.response, s.accepted),
    handling: avgOf(s.handling, s.handled),
    resolution: avgOf(s.resolution, s.completed),
    fcr: pct(s.fcr, s.completed),
    reopenRate: pct(s.reopened, s.completed),
    complaints: s.complaints,
    complaintReply: avgOf(s.reply, s.answered),
  };
  for (const id of Object.keys(FIGURES) as FigureId[]) if (!(id in values)) throw new Error(`figure ${id} is not computed`);
  return values;
}

function seriesOf(period: ResolvedPeriod, groupBy: GroupBy, rows: (Sums & { day: number })[]): SeriesPoint[] {
  const buckets = bucketsOf(period, groupBy);
  const index = (day: number) => buckets.findIndex((b) => day >= b.fromDay && day < b.toDay);
  const points: SeriesPoint[] = buckets.map((b) => ({ from: b.from, to: b.to, label: b.label, created: 0, completed: 0, onTime: 0, breaches: 0, compliance: null }));
  for (const r of rows) {
    const i = index(r.day);
    if (i < 0) continue;
    points[i]!.created += r.created;
    points[i]!.completed += r.completed;
    points[i]!.breaches += r.breached;
    points[i]!.onTime += r.completed - r.breached;
  }
  for (const p of points) p.compliance = pct(p.onTime, p.completed);
  return points;
}

const hasFilters = (filters: StatsFilters): boolean => Object.values(filters).some((v) => v !== undefined);

/** Received per weekday × hour: the unfiltered rollup, or a covering-index range of the facts. */
function arrivalsOf(db: Db, p: ResolvedPeriod, filters: StatsFilters): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let rows: { how: number; n: number }[];
  if (!hasFilters(filters)) {
    const ranges = periodRanges(p);
    if (ranges.length === 0) return grid;
    rows = db
      .prepare(
        `SELECT r.how AS how, sum(r.n) AS n FROM (${ranges.map(() => 'SELECT how, n FROM stats_arrivals WHERE grain = ? AND day >= ? AND day < ?').join(' UNION ALL ')}) r GROUP BY r.how`,
      )
      .all(...ranges.flatMap((r) => [r.grain, r.from, r.to])) as { how: number; n: number }[];
  } else {
    const w = filterSql(filters);
    rows = db
      .prepare(`SELECT f.created_how AS how, count(*) AS n FROM ticket_facts f INDEXED BY ticket_facts_arrival WHERE f.created_at >= ? AND f.created_at < ? AND ${w.sql} GROUP BY f.created_how`)
      .all(p.from, p.to, ...w.params) as { how: number; n: number }[];
  }
  for (const r of rows) grid[Math.floor(r.how / 24)]![r.how % 24] = r.n;
  return grid;
}

function complaintsOf(db: Db, p: ResolvedPeriod, filters: StatsFilters): ComplaintGroup[] {
  const w = filterSql(filters);
  const rows = db
    .prepare(
      `SELECT f.complaint_category AS category, f.complaint_department AS departmentId, count(*) AS count,
              count(f.resolution_min) AS answered, sum(f.resolution_min) AS reply
       FROM ticket_facts f INDEXED BY ticket_facts_complaint WHERE f.category = 'complaint' AND f.created_at >= ? AND f.created_at < ? AND ${w.sql}
       GROUP BY f.complaint_category, f.complaint_department ORDER BY count DESC, category, departmentId`,
    )
    .all(p.from, p.to, ...w.params) as { category: string | null; departmentId: string | null; count: number; answered: number; reply: number | null }[];
  return rows.map((r) => ({ category: r.category, departmentId: r.departmentId, count: r.count, answered: r.answered, replyMinutes: avg(r.reply, r.answered) }));
}

type BreakdownKey = 'type_code' | 'channel' | 'assignee_id';

type Breakdown = { key: string; created: number; completed: number; breached: number; handled: number; handling: number }[];

/** One breakdown: the rollup rows of the period grouped by one dimension. */
function breakdown(db: Db, ranges: GrainRange[], filters: StatsFilters, table: RollupTable, key: BreakdownKey): BreakdownRow[] {
  const q = rollupRows(ranges, filters, table);
  const rows = db
    .prepare(
      `SELECT r.${key} AS key, sum(r.created) AS created, sum(r.completed) AS completed, sum(r.breached) AS breached,
              sum(r.handled) AS handled, sum(r.handling) AS handling
       FROM (${q.sql}) r GROUP BY r.${key}`,
    )
    .all(...q.params) as Breakdown;
  return rows
    .filter((a) => a.created > 0 || a.completed > 0)
    .map((a) => ({ key: a.key, created: a.created, completed: a.completed, breaches: a.breached, compliance: pct(a.completed - a.breached, a.completed), handling: avgOf(a.handling, a.handled) }))
    .sort((x, y) => y.created - x.created || y.completed - x.completed || x.key.localeCompare(y.key));
}

/**
 * Received and completed per type, channel and agent, each from the smallest rollup that has its
 * dimension and the filters: type and channel from the team's unless an agent is chosen, the
 * agents from the agents' own rollup when nothing else is filtered.
 */
function breakdowns(db: Db, ranges: GrainRange[], filters: StatsFilters): Record<BreakdownKey, BreakdownRow[]> {
  const byKind: RollupTable = filters.agentId === undefined ? 'stats_rollup_team' : 'stats_rollup';
  const byAgent: RollupTable = hasFilters(filters) ? 'stats_rollup' : 'stats_rollup_agent';
  return {
    type_code: breakdown(db, ranges, filters, byKind, 'type_code'),
    channel: breakdown(db, ranges, filters, byKind, 'channel'),
    assignee_id: breakdown(db, ranges, filters, byAgent, 'assignee_id'),
  };
}

export function statsSummary(db: Db, query: StatsQuery, now: number, timeZone: string, ownOnly: boolean): StatsSummary {
  const { current, previous } = resolvePeriod(query.period, now, timeZone);
  const filters = query.filters ?? {};
  const groupBy = query.groupBy ?? defaultGroupBy(current);
  // Day and week buckets need day rows; a month-grouped period reads whole months from the month grain.
  const currentRanges = groupBy === 'month' ? periodRanges(current) : [{ grain: DAY, from: dayOf(current.fromDay), to: dayOf(current.toDay) + 1 } as GrainRange];
  const byDay = sumsByDay(db, currentRanges, filters);
  const figures = figuresOf(totalOf(byDay), backlogAt(db, dayOf(current.toDay) + 1, filters));
  const previousFigures = figuresOf(totalOf(sumsByDay(db, periodRanges(previous), filters)), backlogAt(db, dayOf(previous.toDay) + 1, filters));
  const b = breakdowns(db, periodRanges(current), filters);
  return {
    period: current,
    previous,
    groupBy,
    figures,
    previousFigures,
    series: seriesOf(current, groupBy, byDay),
    arrivals: arrivalsOf(db, current, filters),
    complaints: complaintsOf(db, current, filters),
    byType: b.type_code,
    byChannel: b.channel,
    byAgent: b.assignee_id,
    ownOnly,
  };
}
