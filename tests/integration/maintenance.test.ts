// FTS upkeep: automerge is off (migration 005), so writes only append index segments and
// db/maintenance.ts merges them in bounded steps. Search must find everything at every stage.
import { afterEach, describe, expect, it } from 'vitest';
import { MERGE_PAGES, mergeStep } from '../../electron/core/db/maintenance';
import { CUSTOMER } from './samples';
import { startCore, type TestCore } from './helpers';

let t: TestCore;
afterEach(async () => {
  await t.close();
});

const TICKETS = 400;
const CUSTOMERS = 40;
const tag = (i: number) => `K${String(i).padStart(4, '0')}Q`;
const phone = (i: number) => `139 ${String(5000 + i).padStart(4, '0')} ${String(7000 + i).padStart(4, '0')}`;

function ftsRowids(table: 'tickets_fts' | 'customers_fts', q: string): number[] {
  return t.core.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all(`"${q}"`) as number[];
}

function expectEverythingFound(ticketRowids: number[], customerRowids: number[]) {
  ticketRowids.forEach((rowid, i) => expect(ftsRowids('tickets_fts', tag(i)), tag(i)).toEqual([rowid]));
  customerRowids.forEach((rowid, i) => expect(ftsRowids('customers_fts', phone(i).replace(/ /g, '')), phone(i)).toEqual([rowid]));
  // A fragment shared by every ticket finds them all, once each.
  expect(ftsRowids('tickets_fts', '网银转账')).toEqual([...ticketRowids].sort((a, b) => a - b));
}

describe('FTS upkeep', () => {
  it('automerge is off on both FTS tables', async () => {
    t = await startCore();
    for (const table of ['tickets_fts', 'customers_fts']) {
      expect(t.core.db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get(), table).toBe(0);
    }
  });

  it('after many single-row writes and bounded merges, search still finds every ticket and customer', async () => {
    t = await startCore();
    const customerIds: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      customerIds.push(t.must('customers.create', { customer: { ...CUSTOMER, name: `客户${i}`, phones: [phone(i)] } }).id);
    }
    const ticketIds: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      // One transaction each, as agents work: one new FTS segment per write.
      const row = t.must('tickets.create', {
        customer: { id: customerIds[i % CUSTOMERS]! },
        typeCode: 'consultation',
        channel: 'phone',
        priority: 'normal',
        subject: `客户来电咨询网银转账限额 ${tag(i)}`,
        description: '客户来电反映网上银行单笔转账限额不够。',
      });
      ticketIds.push(row.id);
    }
    const rowidOf = (table: string, id: string) => t.core.db.prepare(`SELECT rowid FROM ${table} WHERE id = ?`).pluck().get(id) as number;
    const ticketRowids = ticketIds.map((id) => rowidOf('tickets', id));
    const customerRowids = customerIds.map((id) => rowidOf('customers', id));
    expectEverythingFound(ticketRowids, customerRowids);

    // Merge until FTS5 finds nothing more worth merging, checking search between steps.
    let steps = 0;
    for (; steps < 200; steps++) {
      const report = mergeStep(t.core.db, MERGE_PAGES);
      if (!report.some((r) => r.merged)) break;
      if (steps % 5 === 0) expectEverythingFound(ticketRowids, customerRowids);
    }
    expect(steps).toBeGreaterThan(0); // there was work to do
    expect(steps).toBeLessThan(200); // and it ends
    expectEverythingFound(ticketRowids, customerRowids);
    expect(t.core.db.prepare(`INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('integrity-check', 0)`).run()).toBeTruthy();

    // Writes after the merges are found as well.
    const late = t.must('tickets.create', {
      customer: { id: customerIds[0]! },
      typeCode: 'consultation',
      channel: 'phone',
      priority: 'normal',
      subject: `网银转账 ${tag(TICKETS)}`,
      description: '',
    });
    expect(ftsRowids('tickets_fts', tag(TICKETS))).toEqual([rowidOf('tickets', late.id)]);
  });

  it('the maintenance timer merges by itself and stops at close', async () => {
    const { createCore, manualClock } = await import('../../electron/core');
    const { tempDir } = await import('./helpers');
    const tmp = tempDir();
    const core = await createCore({ dataDir: tmp.dir, clock: manualClock(Date.now()), backupCheckEveryMs: 0, maintenanceEveryMs: 20 });
    t = { core, close: async () => { await core.close(); tmp.remove(); } } as TestCore;
    const insert = core.db.prepare('INSERT INTO tickets_fts (rowid, number, subject, description) VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= 60; i++) insert.run(i, `A1-${i}`, `主题 ${tag(i)}`, '');
    await new Promise((r) => setTimeout(r, 300));
    // The timer's steps left nothing worth merging.
    expect(mergeStep(core.db).every((r) => !r.merged)).toBe(true);
    for (let i = 1; i <= 60; i++) expect(ftsRowids('tickets_fts', tag(i))).toEqual([i]);
  });
});
