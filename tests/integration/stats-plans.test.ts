// The statistics queries stay range scans: the figures read key ranges of the day/month rollups
// (stats_rollup, stats_arrivals), the rest ranges of the indexes of ticket_facts; a month must not
// become a scan of a whole table as the centre grows (EXPLAIN QUERY PLAN, asserted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { startCore, type TestCore } from './helpers';

let t: TestCore;
let db: Db;
beforeAll(async () => {
  t = await startCore();
  db = t.core.db;
  db.exec('ANALYZE');
});
afterAll(async () => t.close());

/** Captures every statement the statistics run, by wrapping db.prepare while a call runs. */
function statementsOf(fn: () => void): string[] {
  const seen: string[] = [];
  const original = db.prepare.bind(db);
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    if (/ticket_facts|stats_rollup|stats_arrivals/.test(sql)) seen.push(sql);
    return original(sql);
  };
  try {
    fn();
  } finally {
    (db as unknown as { prepare: typeof original }).prepare = original;
  }
  return [...new Set(seen)];
}

function plan(sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 0);
  const named = /@ids/.test(sql) ? { ids: '[]' } : undefined;
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named ? stmt.all(named) : stmt.all(...params)) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

describe('query plans of the statistics', () => {
  it('every query of a summary, a drill-down and the performance board reads a key range of a rollup or an index of ticket_facts, never a whole table', () => {
    const sqls = statementsOf(() => {
      t.must('stats.summary', { period: { preset: 'thisMonth' }, filters: { channel: 'phone' } });
      t.must('stats.summary', { period: { preset: 'thisMonth' } });
      t.must('stats.summary', { period: { preset: 'thisYear' }, groupBy: 'month' });
      t.must('stats.summary', { period: { from: '2025-11-12', to: '2026-02-03' }, groupBy: 'month', filters: { role: 'partner', tier: 'key' } });
      t.must('stats.tickets', { period: { preset: 'thisMonth' }, figure: 'breaches' });
      t.must('stats.tickets', { period: { preset: 'thisMonth' }, figure: 'backlog' });
      t.must('stats.performance', { period: { preset: 'thisMonth' } });
    });
    expect(sqls.length).toBeGreaterThanOrEqual(10);
    let rollupReads = 0;
    let teamReads = 0;
    for (const sql of sqls) {
      if (/^\s*(INSERT|DELETE|UPDATE)/i.test(sql)) continue;
      const p = plan(sql);
      if (process.env.KEFU_PRINT_PLANS) console.log(p, '<=', sql.replace(/\s+/g, ' ').slice(0, 90));
      // No full scan of any table (SQLite says SCAN <table> without an index; "SCAN r" reads the UNION ALL co-routine).
      expect(p, sql).not.toMatch(/SCAN (f|t|c|ticket_facts|tickets|stats_rollup|stats_rollup_team|stats_rollup_agent|stats_arrivals)\b(?! USING)/);
      expect(p, sql).not.toMatch(/SCAN tickets\b/);
      if (/FROM stats_rollup(_team|_agent)? f WHERE f\.grain = \? AND f\.day >= \? AND f\.day < \?/.test(sql)) {
        if (/stats_rollup_team/.test(sql)) teamReads++;
        rollupReads++;
        // Every UNION ALL branch is a range of the primary key: (grain, day) first.
        const branches = sql.split(' UNION ALL ').length;
        const ranges = p.match(/SEARCH f USING PRIMARY KEY \(grain=\? AND day>\? AND day<\?\)/g) ?? [];
        expect(ranges.length, `${p} <= ${sql}`).toBe(branches);
      }
      if (/FROM stats_arrivals WHERE grain = \? AND day >= \? AND day < \?/.test(sql)) {
        const branches = sql.split(' UNION ALL ').length;
        expect((p.match(/SEARCH stats_arrivals USING PRIMARY KEY \(grain=\? AND day>\? AND day<\?\)/g) ?? []).length, p).toBe(branches);
      }
      if (/FROM ticket_facts f WHERE f\.feedback_at >= \? AND f\.feedback_at < \?/.test(sql)) expect(p, sql).toMatch(/USING INDEX ticket_facts_feedback/);
      if (/feedback_at IS NULL AND (f\.)?created_at < \?/.test(sql)) expect(p, sql).toMatch(/USING (COVERING )?INDEX ticket_facts_open/);
      if (/INDEXED BY ticket_facts_arrival/.test(sql)) expect(p, sql).toMatch(/USING COVERING INDEX ticket_facts_arrival \(created_at>\? AND created_at<\?\)/);
      if (/INDEXED BY ticket_facts_complaint/.test(sql)) expect(p, sql).toMatch(/USING COVERING INDEX ticket_facts_complaint \(created_at>\? AND created_at<\?\)/);
    }
    // Figures, previous period, backlog and breakdowns of the four summaries all came from the rollups.
    expect(rollupReads).toBeGreaterThanOrEqual(4);
    // Without an agent filter the figures read the team rollup (no agent dimension, fewer rows).
    expect(teamReads).toBeGreaterThanOrEqual(3);
  });
});
