// Every figure of shared/stats/definitions.ts for a period, computed from the facts cache with a
// handful of aggregate queries, each a range scan of one index (the query-plan test keeps it so).
import { FIGURES, type FigureId } from '../../../shared/stats/definitions';
import { bucketsOf, defaultGroupBy, resolvePeriod } from '../../../shared/stats/period';
import type { BreakdownRow, ComplaintGroup, FigureValues, GroupBy, ResolvedPeriod, SeriesPoint, StatsFilters, StatsQuery, StatsSummary } from '../../../shared/stats/types';
import type { Db } from '../db/open';
import { filterSql } from './statsQuery';

const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);
const avg = (sum: number | null, n: number): number | null => (n > 0 && sum !== null ? Math.round((sum / n) * 100) / 100 : null);

interface CreatedRow {
  day: number;
  created: number;
  accepted: number;
  response: number | null;
  complaints: number;
  answered: number;
  reply: number | null;
}
interface CompletedRow {
  day: number;
  completed: number;
  breached: number;
  handled: number;
  handling: number | null;
  resolution: number | null;
  fcr: number;
  reopened: number;
}

function createdByDay(db: Db, p: ResolvedPeriod, filters: StatsFilters): CreatedRow[] {
  const w = filterSql(filters);
  return db
    .prepare(
      `SELECT f.created_day AS day, count(*) AS created, count(f.response_min) AS accepted, sum(f.response_min) AS response,
              sum(f.category = 'complaint') AS complaints,
              sum(f.category = 'complaint' AND f.resolution_min IS NOT NULL) AS answered,
              sum(CASE WHEN f.category = 'complaint' THEN f.resolution_min END) AS reply
       FROM ticket_facts f WHERE f.created_at >= ? AND f.created_at < ? AND ${w.sql} GROUP BY f.created_day`,
    )
    .all(p.from, p.to, ...w.params) as CreatedRow[];
}

function completedByDay(db: Db, p: ResolvedPeriod, filters: StatsFilters): CompletedRow[] {
  const w = filterSql(filters);
  return db
    .prepare(
      `SELECT f.feedback_day AS day, count(*) AS completed, sum(f.breached) AS breached, count(f.handling_min) AS handled,
              sum(f.handling_min) AS handling, sum(f.resolution_min) AS resolution,
              sum(f.reopens = 0 AND f.transfers = 0) AS fcr, sum(f.reopens > 0) AS reopened
       FROM ticket_facts f WHERE f.feedback_at >= ? AND f.feedback_at < ? AND ${w.sql} GROUP BY f.feedback_day`,
    )
    .all(p.from, p.to, ...w.params) as CompletedRow[];
}

/** Open at the end: received before it and not given feedback before it (two index ranges). */
export function backlogAt(db: Db, end: number, filters: StatsFilters): number {
  const w = filterSql(filters);
  const stillOpen = db.prepare(`SELECT count(*) FROM ticket_facts f WHERE f.feedback_at IS NULL AND f.created_at < ? AND ${w.sql}`).pluck().get(end, ...w.params) as number;
  const later = db.prepare(`SELECT count(*) FROM ticket_facts f WHERE f.feedback_at >= ? AND f.created_at < ? AND ${w.sql}`).pluck().get(end, end, ...w.params) as number;
  return stillOpen + later;
}

function sumRows<T extends object>(rows: T[], keys: (keyof T)[]): Record<keyof T, number> {
  const out = {} as Record<keyof T, number>;
  for (const k of keys) {
    let total = 0;
    for (const r of rows) total += (r[k] as number | null) ?? 0;
    out[k] = total;
  }
  return out;
}

function figuresOf(created: CreatedRow[], completed: CompletedRow[], backlog: number): FigureValues {
  const c = sumRows(created, ['created', 'accepted', 'response', 'complaints', 'answered', 'reply']);
  const d = sumRows(completed, ['completed', 'breached', 'handled', 'handling', 'resolution', 'fcr', 'reopened']);
  const values: FigureValues = {
    created: c.created,
    completed: d.completed,
    backlog,
    compliance: pct(d.completed - d.breached, d.completed),
    breaches: d.breached,
    firstResponse: avg(c.response, c.accepted),
    handling: avg(d.handling, d.handled),
    resolution: avg(d.resolution, d.completed),
    fcr: pct(d.fcr, d.completed),
    reopenRate: pct(d.reopened, d.completed),
    complaints: c.complaints,
    complaintReply: avg(c.reply, c.answered),
  };
  for (const id of Object.keys(FIGURES) as FigureId[]) if (!(id in values)) throw new Error(`figure ${id} is not computed`);
  return values;
}

function seriesOf(period: ResolvedPeriod, groupBy: GroupBy, created: CreatedRow[], completed: CompletedRow[]): SeriesPoint[] {
  const buckets = bucketsOf(period, groupBy);
  const index = (day: number) => buckets.findIndex((b) => day >= b.fromDay && day < b.toDay);
  const points: SeriesPoint[] = buckets.map((b) => ({ from: b.from, to: b.to, label: b.label, created: 0, completed: 0, onTime: 0, breaches: 0, compliance: null }));
  for (const r of created) {
    const i = index(r.day);
    if (i >= 0) points[i]!.created += r.created;
  }
  for (const r of completed) {
    const i = index(r.day);
    if (i < 0) continue;
    points[i]!.completed += r.completed;
    points[i]!.breaches += r.breached;
    points[i]!.onTime += r.completed - r.breached;
  }
  for (const p of points) p.compliance = pct(p.onTime, p.completed);
  return points;
}

function arrivalsOf(db: Db, p: ResolvedPeriod, filters: StatsFilters): number[][] {
  const w = filterSql(filters);
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const rows = db
    .prepare(`SELECT f.created_how AS how, count(*) AS n FROM ticket_facts f WHERE f.created_at >= ? AND f.created_at < ? AND ${w.sql} GROUP BY f.created_how`)
    .all(p.from, p.to, ...w.params) as { how: number; n: number }[];
  for (const r of rows) grid[Math.floor(r.how / 24)]![r.how % 24] = r.n;
  return grid;
}

function complaintsOf(db: Db, p: ResolvedPeriod, filters: StatsFilters): ComplaintGroup[] {
  const w = filterSql(filters);
  const rows = db
    .prepare(
      `SELECT f.complaint_category AS category, f.complaint_department AS departmentId, count(*) AS count,
              count(f.resolution_min) AS answered, sum(f.resolution_min) AS reply
       FROM ticket_facts f WHERE f.category = 'complaint' AND f.created_at >= ? AND f.created_at < ? AND ${w.sql}
       GROUP BY f.complaint_category, f.complaint_department ORDER BY count DESC, category, departmentId`,
    )
    .all(p.from, p.to, ...w.params) as { category: string | null; departmentId: string | null; count: number; answered: number; reply: number | null }[];
  return rows.map((r) => ({ category: r.category, departmentId: r.departmentId, count: r.count, answered: r.answered, replyMinutes: avg(r.reply, r.answered) }));
}

type BreakdownKey = 'type_code' | 'channel' | 'assignee_id';

/** Created and completed per type, channel and agent from two grouped scans, folded here. */
function breakdowns(db: Db, p: ResolvedPeriod, filters: StatsFilters): Record<BreakdownKey, BreakdownRow[]> {
  const w = filterSql(filters);
  const created = db
    .prepare(
      `SELECT f.type_code, f.channel, f.assignee_id, count(*) AS n FROM ticket_facts f
       WHERE f.created_at >= ? AND f.created_at < ? AND ${w.sql} GROUP BY f.type_code, f.channel, f.assignee_id`,
    )
    .all(p.from, p.to, ...w.params) as { type_code: string; channel: string; assignee_id: string | null; n: number }[];
  const completed = db
    .prepare(
      `SELECT f.type_code, f.channel, f.assignee_id, count(*) AS n, sum(f.breached) AS breached, count(f.handling_min) AS handled, sum(f.handling_min) AS handling
       FROM ticket_facts f WHERE f.feedback_at >= ? AND f.feedback_at < ? AND ${w.sql} GROUP BY f.type_code, f.channel, f.assignee_id`,
    )
    .all(p.from, p.to, ...w.params) as { type_code: string; channel: string; assignee_id: string | null; n: number; breached: number; handled: number; handling: number | null }[];
  const fold = (key: BreakdownKey): BreakdownRow[] => {
    const acc = new Map<string, { created: number; completed: number; breaches: number; handled: number; handling: number }>();
    const get = (k: string) => acc.get(k) ?? (acc.set(k, { created: 0, completed: 0, breaches: 0, handled: 0, handling: 0 }), acc.get(k)!);
    for (const r of created) get(r[key] ?? '').created += r.n;
    for (const r of completed) {
      const a = get(r[key] ?? '');
      a.completed += r.n;
      a.breaches += r.breached;
      a.handled += r.handled;
      a.handling += r.handling ?? 0;
    }
    return [...acc.entries()]
      .map(([k, a]) => ({ key: k, created: a.created, completed: a.completed, breaches: a.breaches, compliance: pct(a.completed - a.breaches, a.completed), handling: avg(a.handling, a.handled) }))
      .sort((x, y) => y.created - x.created || y.completed - x.completed || x.key.localeCompare(y.key));
  };
  return { type_code: fold('type_code'), channel: fold('channel'), assignee_id: fold('assignee_id') };
}

export function statsSummary(db: Db, query: StatsQuery, now: number, timeZone: string, ownOnly: boolean): StatsSummary {
  const { current, previous } = resolvePeriod(query.period, now, timeZone);
  const filters = query.filters ?? {};
  const groupBy = query.groupBy ?? defaultGroupBy(current);
  const created = createdByDay(db, current, filters);
  const completed = completedByDay(db, current, filters);
  const figures = figuresOf(created, completed, backlogAt(db, current.to, filters));
  const previousFigures = figuresOf(createdByDay(db, previous, filters), completedByDay(db, previous, filters), backlogAt(db, previous.to, filters));
  const b = breakdowns(db, current, filters);
  return {
    period: current,
    previous,
    groupBy,
    figures,
    previousFigures,
    series: seriesOf(current, groupBy, created, completed),
    arrivals: arrivalsOf(db, current, filters),
    complaints: complaintsOf(db, current, filters),
    byType: b.type_code,
    byChannel: b.channel,
    byAgent: b.assignee_id,
    ownOnly,
  };
}
