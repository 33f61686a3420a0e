// The day and month rollups of the facts cache (migration 11): what one fact adds to them, and
// writing those additions. Every change of a fact goes through here as "minus the old fact, plus
// the new one", in the transaction that changes the fact, so the rollups always equal a GROUP BY
// of ticket_facts (the integration test compares them). Minute sums are integer hundredths.
import { civilFromDayNumber, dayNumber } from '../../../shared/sla/civilDate';
import type { Db } from '../db/open';

/** A row of ticket_facts, as statsFacts.ts writes it. */
export interface Fact {
  ticket_id: string;
  created_at: number;
  created_day: number;
  created_how: number;
  type_code: string;
  category: string;
  channel: string;
  tier: string;
  customer_id: string;
  customer_role: string;
  assignee_id: string | null;
  department_id: string | null;
  accepted_at: number | null;
  feedback_at: number | null;
  feedback_day: number | null;
  closed_at: number | null;
  response_min: number | null;
  handling_min: number | null;
  resolution_min: number | null;
  overtime_min: number | null;
  breached: number;
  reopens: number;
  transfers: number;
  complaint_category: string | null;
  complaint_department: string | null;
  is_open: number;
  updated_at: number;
}

export const MEASURES = [
  'created', 'accepted', 'response', 'complaints', 'answered', 'reply',
  'completed', 'breached', 'handled', 'handling', 'resolution', 'fcr', 'reopened', 'backlog_delta',
] as const;
export type Measure = (typeof MEASURES)[number];
const M = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>;

/** The rollups' filter dimensions, named as in ticket_facts so one WHERE clause fits both. */
export const DIMENSIONS = ['type_code', 'category', 'channel', 'tier', 'customer_role', 'assignee_id', 'department_id'] as const;
/** The team rollup: every dimension but the agent. */
export const TEAM_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'assignee_id');

/** The full rollup (per agent) and the team's (without the agent dimension). */
export type RollupTable = 'stats_rollup' | 'stats_rollup_team' | 'stats_rollup_agent';
const TABLES: RollupTable[] = ['stats_rollup', 'stats_rollup_team', 'stats_rollup_agent'];
const DIMENSIONS_OF: Record<RollupTable, readonly string[]> = { stats_rollup: DIMENSIONS, stats_rollup_team: TEAM_DIMENSIONS, stats_rollup_agent: ['assignee_id'] };

export const DAY = 0;
export const MONTH = 1;

/** First day of the local month a day is in. */
export const monthOf = (day: number): number => {
  const c = civilFromDayNumber(day);
  return dayNumber(c.year, c.month, 1);
};
const nextMonth = (first: number): number => {
  const c = civilFromDayNumber(first);
  return c.month === 12 ? dayNumber(c.year + 1, 1, 1) : dayNumber(c.year, c.month + 1, 1);
};

export interface GrainRange {
  grain: typeof DAY | typeof MONTH;
  from: number;
  to: number;
}

/**
 * Local days [from, to) as the fewest rollup rows: whole months from the month grain, the days
 * before the first and after the last whole month from the day grain.
 */
export function grainRanges(from: number, to: number): GrainRange[] {
  if (to <= from) return [];
  const firstWhole = monthOf(from) === from ? from : nextMonth(monthOf(from));
  const lastWhole = monthOf(to);
  if (firstWhole >= lastWhole) return [{ grain: DAY, from, to }];
  const out: GrainRange[] = [];
  if (from < firstWhole) out.push({ grain: DAY, from, to: firstWhole });
  out.push({ grain: MONTH, from: firstWhole, to: lastWhole });
  if (lastWhole < to) out.push({ grain: DAY, from: lastWhole, to });
  return out;
}

const hundredths = (x: number | null): number => (x === null ? 0 : Math.round(x * 100));

/** Additions to the rollups, keyed by row, summed before they are written. */
export class RollupDelta {
  readonly rows = new Map<string, { table: RollupTable; key: (string | number)[]; m: number[] }>();
  readonly arrivals = new Map<string, { key: number[]; n: number }>();

  private row(table: RollupTable, grain: number, day: number, dims: string[]): number[] {
    const id = `${table}\u0001${grain}\u0001${day}\u0001${dims.join('\u0001')}`;
    let r = this.rows.get(id);
    if (!r) this.rows.set(id, (r = { table, key: [grain, day, ...dims], m: new Array<number>(MEASURES.length).fill(0) }));
    return r.m;
  }

  /** The day's and the month's rows, in the full rollup, the team's (no agent) and the agents' (agent only). */
  private both(day: number, dims: string[], add: (m: number[]) => void): void {
    const month = monthOf(day);
    const keys: [RollupTable, string[]][] = [
      ['stats_rollup', dims],
      ['stats_rollup_team', [...dims.slice(0, 5), dims[6]!]],
      ['stats_rollup_agent', [dims[5]!]],
    ];
    for (const [table, key] of keys) {
      add(this.row(table, DAY, day, key));
      add(this.row(table, MONTH, month, key));
    }
  }

  private arrival(grain: number, day: number, how: number, n: number): void {
    const id = `${grain}\u0001${day}\u0001${how}`;
    const a = this.arrivals.get(id);
    if (a) a.n += n;
    else this.arrivals.set(id, { key: [grain, day, how], n });
  }

  /** Adds (sign 1) or removes (sign -1) one fact. */
  add(f: Fact, sign: 1 | -1): void {
    const dims = [f.type_code, f.category, f.channel, f.tier, f.customer_role, f.assignee_id ?? '', f.department_id ?? ''];
    const complaint = f.category === 'complaint';
    this.both(f.created_day, dims, (m) => {
      m[M.created]! += sign;
      m[M.accepted]! += f.response_min === null ? 0 : sign;
      m[M.response]! += sign * hundredths(f.response_min);
      m[M.complaints]! += complaint ? sign : 0;
      m[M.answered]! += complaint && f.resolution_min !== null ? sign : 0;
      m[M.reply]! += complaint ? sign * hundredths(f.resolution_min) : 0;
      // Backlog at the start of day D = the sum of backlog_delta over the days before D: +1 from the
      // day after intake, -1 from the day after feedback (never before intake's own -1/+1 pair).
      m[M.backlog_delta]! += sign;
    });
    if (f.feedback_day !== null) {
      this.both(f.feedback_day, dims, (m) => {
        m[M.completed]! += sign;
        m[M.breached]! += f.breached ? sign : 0;
        m[M.handled]! += f.handling_min === null ? 0 : sign;
        m[M.handling]! += sign * hundredths(f.handling_min);
        m[M.resolution]! += sign * hundredths(f.resolution_min);
        m[M.fcr]! += f.reopens === 0 && f.transfers === 0 ? sign : 0;
        m[M.reopened]! += f.reopens > 0 ? sign : 0;
      });
      this.both(Math.max(f.created_day, f.feedback_day), dims, (m) => {
        m[M.backlog_delta]! -= sign;
      });
    }
    this.arrival(DAY, f.created_day, f.created_how, sign);
    this.arrival(MONTH, monthOf(f.created_day), f.created_how, sign);
  }

  get size(): number {
    return this.rows.size;
  }
}

const keyOf = (table: RollupTable) => ['grain', 'day', ...DIMENSIONS_OF[table]];
const ADD_ROW = (table: RollupTable) => {
  const cols = [...keyOf(table), ...MEASURES];
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
    ON CONFLICT DO UPDATE SET ${MEASURES.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`;
};
// A row no fact contributes to any more: nothing received and nothing completed that day.
const DROP_EMPTY_ROW = (table: RollupTable) => `DELETE FROM ${table} WHERE ${keyOf(table).map((k) => `${k} = ?`).join(' AND ')} AND created = 0 AND completed = 0`;
const ADD_ARRIVAL = `INSERT INTO stats_arrivals (grain, day, how, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`;
const DROP_EMPTY_ARRIVAL = 'DELETE FROM stats_arrivals WHERE grain = ? AND day = ? AND how = ? AND n = 0';

/** Writes the additions; `replaced` when facts were changed (rows may have become empty). */
export function writeDelta(db: Db, delta: RollupDelta, replaced: boolean): void {
  const add = Object.fromEntries(TABLES.map((t) => [t, db.prepare(ADD_ROW(t))]));
  const drop = replaced ? Object.fromEntries(TABLES.map((t) => [t, db.prepare(DROP_EMPTY_ROW(t))])) : null;
  for (const { table, key, m } of delta.rows.values()) {
    if (m.every((x) => x === 0)) continue;
    add[table]!.run(...key, ...m);
    drop?.[table]!.run(...key);
  }
  const addArrival = db.prepare(ADD_ARRIVAL);
  const dropArrival = replaced ? db.prepare(DROP_EMPTY_ARRIVAL) : null;
  for (const { key, n } of delta.arrivals.values()) {
    if (n === 0) continue;
    addArrival.run(...key, n);
    dropArrival?.run(...key);
  }
}
