// The day and month rollups (stats_rollup, stats_arrivals) always equal a GROUP BY of the facts
// they summarise, written here in plain SQL over ticket_facts: after the first build, after tickets
// change (events replayed), after a customer's role changes without any ticket event (the hub or
// an import writing the row), and after a rebuild from scratch. The figures of a month with
// filters read from the rollups equal the same figures read from the facts row by row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_IDS } from '../../shared/stats/definitions';
import type { StatsFilters } from '../../shared/stats/types';
import { factsBuildProgress, rebuildFacts, startFactsBuild } from '../../electron/core/services/statsFacts';
import { scriptCentre, type ScriptedCentre } from '../fixtures/statsCentre';
import { startCore, type TestCore } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MARCH = Date.parse('2026-03-01T00:00:00+08:00');
const APRIL = Date.parse('2026-04-01T00:00:00+08:00');
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

let t: TestCore;
let centre: ScriptedCentre;

beforeAll(async () => {
  t = await startCore();
  // Spills into April, so the month grain has two months and a month query has trailing days.
  centre = scriptCentre({ must: t.must, setTime: (ms) => t.clock.set(ms) }, { from: MARCH + 10 * DAY, days: 30, count: 140, seed: 7 });
  t.clock.set(Date.parse('2026-04-12T10:00:00+08:00'));
}, 120_000);
afterAll(async () => t.close());

/** The rollup key's dimensions from a fact (none = ''), joined into one text key; the team's has no agent. */
const DIMS_OF = {
  stats_rollup: ['type_code', 'category', 'channel', 'tier', 'customer_role', "coalesce(assignee_id, '')", "coalesce(department_id, '')"].join(" || '|' || "),
  stats_rollup_team: ['type_code', 'category', 'channel', 'tier', 'customer_role', "coalesce(department_id, '')"].join(" || '|' || "),
  stats_rollup_agent: "coalesce(assignee_id, '')",
};
type Table = keyof typeof DIMS_OF;
/** The local month's first day of a day number, in SQL. */
const month = (col: string) => `CAST(julianday(strftime('%Y-%m-01', ${col} * 86400, 'unixepoch')) - 2440587.5 AS INTEGER)`;

/** What the rollups must hold, from the facts: key → the 13 sums (backlog is checked as a figure). */
function expectedRollup(table: Table): Map<string, number[]> {
  const DIMS = DIMS_OF[table];
  const out = new Map<string, number[]>();
  const add = (key: string, values: number[], offset: number) => {
    const row = out.get(key) ?? new Array<number>(13).fill(0);
    values.forEach((v, i) => (row[offset + i]! += v));
    out.set(key, row);
  };
  for (const [grain, day] of [[0, 'created_day'], [1, month('created_day')]] as const) {
    const rows = t.core.db
      .prepare(
        `SELECT ${grain} || '|' || ${day} || '|' || ${DIMS} AS k, count(*), count(response_min), coalesce(sum(round(response_min * 100)), 0),
                sum(category = 'complaint'), sum(category = 'complaint' AND resolution_min IS NOT NULL),
                coalesce(sum(CASE WHEN category = 'complaint' THEN round(resolution_min * 100) END), 0)
         FROM ticket_facts GROUP BY k`,
      )
      .raw()
      .all() as [string, ...number[]][];
    for (const [k, ...v] of rows) add(k, v, 0);
  }
  for (const [grain, day] of [[0, 'feedback_day'], [1, month('feedback_day')]] as const) {
    const rows = t.core.db
      .prepare(
        `SELECT ${grain} || '|' || ${day} || '|' || ${DIMS} AS k, count(*), sum(breached), count(handling_min),
                coalesce(sum(round(handling_min * 100)), 0), coalesce(sum(round(resolution_min * 100)), 0),
                sum(reopens = 0 AND transfers = 0), sum(reopens > 0)
         FROM ticket_facts WHERE feedback_at IS NOT NULL GROUP BY k`,
      )
      .raw()
      .all() as [string, ...number[]][];
    for (const [k, ...v] of rows) add(k, v, 6);
  }
  return out;
}

function actualRollup(table: Table): Map<string, number[]> {
  const key = {
    stats_rollup: "type_code || '|' || category || '|' || channel || '|' || tier || '|' || customer_role || '|' || assignee_id || '|' || department_id",
    stats_rollup_team: "type_code || '|' || category || '|' || channel || '|' || tier || '|' || customer_role || '|' || department_id",
    stats_rollup_agent: 'assignee_id',
  }[table];
  const rows = t.core.db
    .prepare(
      `SELECT grain || '|' || day || '|' || ${key},
              created, accepted, response, complaints, answered, reply, completed, breached, handled, handling, resolution, fcr, reopened
       FROM ${table}`,
    )
    .raw()
    .all() as [string, ...number[]][];
  return new Map(rows.map(([k, ...v]) => [k, v]));
}

function expectRollupsEqualFacts() {
  for (const table of ['stats_rollup', 'stats_rollup_team', 'stats_rollup_agent'] as const) {
    const got = actualRollup(table);
    expect(got.size).toBeGreaterThan(0);
    expect(Object.fromEntries(got), table).toEqual(Object.fromEntries(expectedRollup(table)));
  }
  // The team's rollup is smaller: that is what it is for.
  expect(actualRollup('stats_rollup_team').size).toBeLessThan(actualRollup('stats_rollup').size);
  // Arrivals: per grain, day and weekday × hour.
  const arrivals = (sql: string) => Object.fromEntries((t.core.db.prepare(sql).raw().all() as [string, number][]).map(([k, n]) => [k, n]));
  expect(arrivals("SELECT grain || '|' || day || '|' || how, n FROM stats_arrivals")).toEqual(
    arrivals(
      `SELECT k, count(*) FROM (SELECT '0|' || created_day || '|' || created_how AS k FROM ticket_facts
       UNION ALL SELECT '1|' || ${month('created_day')} || '|' || created_how FROM ticket_facts) GROUP BY k`,
    ),
  );
}

/** The figures of a period read row by row from the facts (the computation before the rollups). */
function factFigures(from: number, to: number, f: StatsFilters) {
  const where: string[] = ['1'];
  const params: (string | number)[] = [];
  const eq = (col: string, v: string | undefined) => v !== undefined && (where.push(`${col} = ?`), params.push(v));
  eq('type_code', f.typeCode);
  eq('category', f.category);
  eq('channel', f.channel);
  eq('tier', f.tier);
  eq('customer_role', f.role);
  eq('assignee_id', f.agentId);
  eq('department_id', f.departmentId);
  const w = where.join(' AND ');
  const db = t.core.db;
  const c = db
    .prepare(`SELECT count(*) n, avg(response_min) r, sum(category = 'complaint') k, avg(CASE WHEN category = 'complaint' THEN resolution_min END) kr FROM ticket_facts WHERE created_at >= ? AND created_at < ? AND ${w}`)
    .get(from, to, ...params) as { n: number; r: number | null; k: number | null; kr: number | null };
  const d = db
    .prepare(
      `SELECT count(*) n, sum(breached) b, avg(handling_min) h, avg(resolution_min) res, sum(reopens = 0 AND transfers = 0) fcr, sum(reopens > 0) ro
       FROM ticket_facts WHERE feedback_at >= ? AND feedback_at < ? AND ${w}`,
    )
    .get(from, to, ...params) as { n: number; b: number | null; h: number | null; res: number | null; fcr: number | null; ro: number | null };
  const backlog = db.prepare(`SELECT count(*) FROM ticket_facts WHERE created_at < ? AND (feedback_at IS NULL OR feedback_at >= ?) AND ${w}`).pluck().get(to, to, ...params) as number;
  const pct = (a: number | null, b: number) => (b ? Math.round(((a ?? 0) / b) * 10_000) / 100 : null);
  const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
  return {
    created: c.n,
    completed: d.n,
    backlog,
    compliance: pct(d.n - (d.b ?? 0), d.n),
    breaches: d.b ?? 0,
    firstResponse: r2(c.r),
    handling: r2(d.h),
    resolution: r2(d.res),
    fcr: pct(d.fcr, d.n),
    reopenRate: pct(d.ro, d.n),
    complaints: c.k ?? 0,
    complaintReply: r2(c.kr),
  };
}

function expectFiguresFromFacts(filterSets: StatsFilters[]) {
  for (const filters of filterSets) {
    for (const [period, groupBy] of [[PERIOD, 'day'], [PERIOD, 'month'], [{ from: '2026-03-05', to: '2026-04-11' }, 'month'], [{ from: '2026-03-05', to: '2026-04-11' }, 'week']] as const) {
      const s = t.must('stats.summary', { period, filters, groupBy });
      const want = factFigures(s.period.from, s.period.to, filters);
      for (const id of FIGURE_IDS) {
        const what = `${id} ${JSON.stringify(filters)} ${JSON.stringify(period)} by ${groupBy}`;
        if (want[id] === null) expect(s.figures[id], what).toBeNull();
        else expect(s.figures[id], what).toBeCloseTo(want[id], 2);
      }
      // The series adds up to the figures, whichever grain it was read from.
      expect(s.series.reduce((a, p) => a + p.created, 0)).toBe(s.figures.created);
      expect(s.series.reduce((a, p) => a + p.completed, 0)).toBe(s.figures.completed);
    }
  }
}

const FILTERS = (): StatsFilters[] => [
  {},
  { channel: 'phone' },
  { tier: 'key', role: 'partner' },
  { category: 'complaint' },
  { agentId: centre.agents[0]!.id, channel: 'phone' },
  { departmentId: 'tech' },
];

describe('rollups of the facts cache', () => {
  it('after the first build they equal a GROUP BY of the facts, and every figure with filters equals the facts read row by row', () => {
    t.must('stats.summary', { period: PERIOD });
    expectRollupsEqualFacts();
    expect(t.core.db.prepare('SELECT count(DISTINCT grain) FROM stats_rollup').pluck().get()).toBe(2);
    expectFiguresFromFacts(FILTERS());
  });

  it('the backlog at the end of every day of the month equals the facts open then', () => {
    for (let d = 1; d <= 31; d += 3) {
      const day = `2026-03-${String(d).padStart(2, '0')}`;
      for (const filters of [{}, { tier: 'key' as const }]) {
        const s = t.must('stats.summary', { period: { from: day, to: day }, filters });
        expect(s.figures.backlog, `${day} ${JSON.stringify(filters)}`).toBe(factFigures(s.period.from, s.period.to, filters).backlog);
      }
    }
  });

  it('ticket changes and a customer role changed without a ticket event keep them equal, and a rebuild gives the same rows', () => {
    const db = t.core.db;
    // A few tickets move on: feedback on resolved ones, a reopen of a completed one.
    const resolved = db.prepare("SELECT id FROM tickets WHERE status = 'resolved' LIMIT 2").pluck().all() as string[];
    for (const id of resolved) t.must('tickets.act', { id, action: 'feedback' });
    const done = db.prepare("SELECT id FROM tickets WHERE status = 'feedback_given' LIMIT 1").pluck().all() as string[];
    for (const id of done) t.must('tickets.act', { id, action: 'reopen', note: '客户再次来电' });
    expect(resolved.length + done.length).toBeGreaterThan(1);
    // As the hub or an import writes a customer row: no ticket event, only the trigger notices.
    const customer = db.prepare("SELECT customer_id FROM ticket_facts WHERE customer_role = 'end_customer' GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
    const partnersBefore = t.must('stats.summary', { period: PERIOD, filters: { role: 'partner' } }).figures.created!;
    const moved = db.prepare('SELECT count(*) FROM ticket_facts WHERE customer_id = ? AND created_at >= ? AND created_at < ?').pluck().get(customer, MARCH, APRIL) as number;
    expect(moved).toBeGreaterThan(0);
    db.prepare("UPDATE customers SET role = 'partner' WHERE id = ?").run(customer);
    expect(t.must('stats.summary', { period: PERIOD, filters: { role: 'partner' } }).figures.created).toBe(partnersBefore + moved);
    expect(db.prepare('SELECT count(*) FROM stats_dirty').pluck().get()).toBe(0);
    expectRollupsEqualFacts();
    expectFiguresFromFacts(FILTERS());

    const before = actualRollup('stats_rollup');
    const teamBefore = actualRollup('stats_rollup_team');
    const agentsBefore = actualRollup('stats_rollup_agent');
    const summary = t.must('stats.summary', { period: PERIOD, groupBy: 'week', filters: { channel: 'phone' } });
    rebuildFacts(db, t.clock.now());
    expect(Object.fromEntries(actualRollup('stats_rollup'))).toEqual(Object.fromEntries(before));
    expect(Object.fromEntries(actualRollup('stats_rollup_team'))).toEqual(Object.fromEntries(teamBefore));
    expect(Object.fromEntries(actualRollup('stats_rollup_agent'))).toEqual(Object.fromEntries(agentsBefore));
    expect(t.must('stats.summary', { period: PERIOD, groupBy: 'week', filters: { channel: 'phone' } })).toEqual(summary);
  });

  it('a background build answers "being prepared" with its progress, between slices the app keeps working, and then the same figures', async () => {
    const summary = t.must('stats.summary', { period: PERIOD, filters: { tier: 'standard' } });
    startFactsBuild(t.core.db, () => t.clock.now());
    const r = t.core.call('stats.summary', { period: PERIOD });
    expect(r.ok ? null : [r.error.code, r.error.messageKey, typeof r.error.params?.percent]).toEqual(['CONFLICT', 'errors.statsPreparing', 'number']);
    // Everything else answers while it builds (each slice is its own short transaction).
    expect(t.must('tickets.history', { limit: 5 }).tickets.length).toBeGreaterThan(0);
    expect(factsBuildProgress(t.core.db)).toMatchObject({ total: 140 });
    while (factsBuildProgress(t.core.db)) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(t.must('stats.summary', { period: PERIOD, filters: { tier: 'standard' } })).toEqual(summary);
    expectRollupsEqualFacts();
  });
});
