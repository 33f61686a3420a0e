// The statistics queries stay range scans of their indexes on ticket_facts: a month must not
// become a scan of the whole table as the centre grows (EXPLAIN QUERY PLAN, asserted).
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
    if (/ticket_facts/.test(sql)) seen.push(sql);
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
  it('every query of a summary, a drill-down and the performance board uses an index of ticket_facts, never a full scan', () => {
    const sqls = statementsOf(() => {
      t.must('stats.summary', { period: { preset: 'thisMonth' }, filters: { channel: 'phone' } });
      t.must('stats.summary', { period: { preset: 'thisYear' }, groupBy: 'month' });
      t.must('stats.tickets', { period: { preset: 'thisMonth' }, figure: 'breaches' });
      t.must('stats.tickets', { period: { preset: 'thisMonth' }, figure: 'backlog' });
      t.must('stats.performance', { period: { preset: 'thisMonth' } });
    });
    expect(sqls.length).toBeGreaterThanOrEqual(10);
    for (const sql of sqls) {
      if (/^\s*(INSERT|DELETE|UPDATE)/i.test(sql)) continue;
      const p = plan(sql);
      if (process.env.KEFU_PRINT_PLANS) console.log(p, "<=", sql.replace(/\s+/g, " ").slice(0, 90));
      expect(p, sql).not.toMatch(/SCAN f\b(?! USING)|SCAN ticket_facts\b(?! USING)/);
      if (/FROM ticket_facts f WHERE f\.created_at/.test(sql)) expect(p, sql).toMatch(/USING INDEX ticket_facts_created/);
      if (/FROM ticket_facts f WHERE f\.feedback_at >= \? AND f\.feedback_at < \?/.test(sql)) expect(p, sql).toMatch(/USING INDEX ticket_facts_feedback/);
      if (/feedback_at IS NULL AND (f\.)?created_at < \?/.test(sql)) expect(p, sql).toMatch(/USING INDEX ticket_facts_open/);
      if (/WHERE f\.created_at >= \? AND f\.created_at < \?|f\.created_at >= \? AND f\.created_at < \?/.test(sql)) expect(p, sql).toMatch(/ticket_facts_created \(created_at>\? AND created_at<\?\)/);
    }
  });
});
