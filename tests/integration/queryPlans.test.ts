// The query plans of the hot queries, on a real database: each reads through an index, never a
// scan of a table that grows with the centre's history (tickets, customers, due moments).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCEL_PENDING, NEXT_PENDING } from '../../electron/core/scheduler/moments';
import { DUE_MOMENTS } from '../../electron/core/scheduler/scheduler';
import { BY_ID, OPEN } from '../../electron/core/services/openQueue';
import { startCore, type TestCore } from './helpers';

let t: TestCore;
beforeAll(async () => {
  t = await startCore();
});
afterAll(async () => {
  await t.close();
});

const plan = (sql: string) => {
  const s = t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  // Values do not change the plan; each placeholder gets one of the right kind.
  const values = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x');
  return (s.all(...values) as { detail: string }[]).map((r) => r.detail);
};
/** A full scan of a table, as opposed to a search or a scan of a (partial) index. */
const fullScans = (details: string[]) => details.filter((d) => /^SCAN \w+$/.test(d.trim()) || /^SCAN \w+ (?!USING)/.test(d));

describe('query plans', () => {
  it('the open queue loads through the partial index of open tickets', () => {
    const p = plan(OPEN);
    expect(p.join(' | ')).toMatch(/SCAN t USING INDEX tickets_open_due/);
    expect(fullScans(p)).toEqual([]);
  });

  it('one ticket is read back by its primary key', () => {
    const p = plan(BY_ID);
    expect(p[0]).toMatch(/SEARCH t USING INDEX sqlite_autoindex_tickets_1 \(id=\?\)/);
    expect(fullScans(p)).toEqual([]);
  });

  it('the scheduler finds due moments through the pending index', () => {
    const p = plan(DUE_MOMENTS);
    expect(p.join(' | ')).toMatch(/due_moments_pending/);
    expect(fullScans(p)).toEqual([]);
    expect(plan(NEXT_PENDING).join(' | ')).toMatch(/due_moments_pending/);
  });

  it('cancelling a ticket’s pending moments searches by kind and ticket', () => {
    const p = plan(CANCEL_PENDING);
    expect(p.join(' | ')).toMatch(/SEARCH due_moments USING INDEX sqlite_autoindex_due_moments_1 \(kind=\? AND subject_id=\?\)/);
  });

  it('customer search reads the name, initials and FTS indexes', () => {
    // The statements of services/customers.ts searchCustomers.
    expect(plan('SELECT id FROM customers WHERE name >= ? AND name < ? ORDER BY name LIMIT ?')[0]).toMatch(/SEARCH customers USING (COVERING )?INDEX/);
    expect(plan('SELECT id FROM customers WHERE initials >= ? AND initials < ? ORDER BY initials LIMIT ?')[0]).toMatch(/SEARCH customers USING (COVERING )?INDEX/);
    const fts = plan('SELECT c.id FROM customers_fts f JOIN customers c ON c.rowid = f.rowid WHERE customers_fts MATCH ? LIMIT ?');
    expect(fts.join(' | ')).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
    expect(fts.join(' | ')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
  });

  it('ticket search by number uses the unique number index', () => {
    expect(plan('SELECT id FROM tickets t WHERE t.number >= ? AND t.number < ? ORDER BY t.number DESC LIMIT 10')[0]).toMatch(/SEARCH t USING (COVERING )?INDEX sqlite_autoindex_tickets_2 \(number>\? AND number<\?\)/);
  });
});
