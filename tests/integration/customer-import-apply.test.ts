// Applying an import is ONE transaction written in slices between turns of the event loop, with
// progress for the drawer (services/customerImportJob.ts). All or nothing: a failure on a row in
// the middle writes nothing at all. And nothing another user does meanwhile lands inside it: a
// ticket created while it runs waits (queued, not refused), then stays, whether the import
// committed or rolled back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import type { ImportApplyStatus } from '../../shared/contract/customers360';
import type { TicketDetail } from '../../shared/tickets/types';
import { exportHeader, guessMapping } from '../../shared/customers/importLayout';
import type { Result } from '../../shared/result';
import { NEW_CALLBACK_MOMENTS } from '../../electron/core/services/customerImportApply';
import { startCore, type TestCore } from './helpers';
import { applyImport } from './importApply';
import { validSamples } from './samples';
import { snapshot } from './snapshot';

const header = exportHeader('zh-CN');
const mapping = guessMapping(header);
const ROWS = 3000;
const FAILING_ROW = 2000;
const row = (i: number) => header.map((h) => ({ 姓名: `批量客户${i}`, 电话: `136${String(10_000_000 + i)}`, 车牌号: `沪C${String(10_000 + i)}`, 交车日期: '2026-03-01' })[h] ?? '');

let t: TestCore;
let events: AppEvent[] = [];
beforeEach(async () => {
  t = await startCore();
  events = [];
  t.core.on((e) => events.push(e));
});
afterEach(async () => t.close());

let imports = 0;
/** Stages a file of ROWS good rows (in parts: a call takes at most 5,000 rows). */
function stageFile(): string {
  const importId = `019ae000-0000-7000-8000-${String(++imports).padStart(12, '0')}`;
  const rows = [header, ...Array.from({ length: ROWS }, (_, i) => row(i))];
  for (let at = 0; at < rows.length; at += 1000) t.must('import.stage', { importId, rows: rows.slice(at, at + 1000) });
  return importId;
}

/** A fault the import cannot foresee: the database refuses one row in the middle of the file. */
function failOnRow(i: number) {
  t.core.db.exec(`CREATE TRIGGER test_import_fails BEFORE INSERT ON customers WHEN NEW.name = '批量客户${i}'
                  BEGIN SELECT RAISE(ABORT, 'injected failure on row ${i}'); END`);
}

const progressOf = (importId: string) =>
  events.flatMap((e) => (e.type === 'import.applying' && e.status.importId === importId ? [e.status] : []));
const imported = () => t.core.db.prepare(`SELECT count(*) FROM customers WHERE name LIKE '批量客户%'`).pluck().get() as number;

describe('applying an import', () => {
  it('reports the rows written as it goes, and commits them all at once', async () => {
    const importId = stageFile();
    const end = await applyImport(t, { importId, mapping, hasHeader: true });
    expect(end).toMatchObject({ state: 'done', done: ROWS, total: ROWS, result: { customers: ROWS, assets: ROWS, skipped: 0 }, error: null });
    const progress = progressOf(importId);
    // In slices: the drawer saw it part-way, rising, before the end.
    const partWay = progress.filter((p) => p.state === 'applying' && p.done > 0 && p.done < ROWS);
    expect(partWay.length).toBeGreaterThan(0);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: ROWS });
    expect(imported()).toBe(ROWS);
    expect(t.must('customers.search', { q: 'C12999' }).map((c) => c.name)).toEqual(['批量客户2999']);
  });

  it('a failure on a row in the middle writes nothing at all', async () => {
    const importId = stageFile();
    failOnRow(FAILING_ROW);
    const before = snapshot(t.core.db);
    const end = await applyImport(t, { importId, mapping, hasHeader: true });
    expect(end).toMatchObject({ state: 'failed', result: null, error: { messageKey: 'errors.importFailed' } });
    expect(end.error!.message).toContain(`injected failure on row ${FAILING_ROW}`);
    // It failed part-way: rows before the bad one had been written inside the transaction.
    expect(progressOf(importId).some((p) => p.state === 'applying' && p.done > 0 && p.done < FAILING_ROW)).toBe(true);
    expect(snapshot(t.core.db)).toBe(before);
    expect(imported()).toBe(0);
    // The file stays staged: fixed, it can be applied again.
    expect(t.must('import.status', { importId }).state).toBe('read');
  });

  for (const outcome of ['commits', 'rolls back'] as const) {
    it(`a ticket created while it runs waits for it, then stays (the import ${outcome})`, async () => {
      const importId = stageFile();
      if (outcome === 'rolls back') failOnRow(FAILING_ROW);
      const started = t.core.call('import.apply', { importId, mapping, hasHeader: true });
      expect(started).toMatchObject({ ok: true, value: { state: 'applying', done: 0, total: ROWS } });

      // Another user's call from a window, while the rows are being written: queued, not refused.
      const order: string[] = [];
      t.core.on((e) => {
        if (e.type === 'import.applying' && e.status.state !== 'applying') order.push(`import ${e.status.state}`);
        if (e.type === 'ticket.changed') order.push('ticket');
      });
      const ticket = t.core.invokeQueued('tickets.create', { ...validSamples['tickets.create'], subject: `导入期间的工单 ${outcome}` }) as Promise<Result<TicketDetail>>;
      const end = (await t.core.invokeQueued('import.progress', { importId })) as Result<ImportApplyStatus>;
      const created = await ticket;

      expect(end).toMatchObject({ ok: true, value: { state: outcome === 'commits' ? 'done' : 'failed' } });
      expect(created.ok).toBe(true);
      // It ran after the import's commit or rollback, not inside its transaction.
      expect(order).toEqual([`import ${outcome === 'commits' ? 'done' : 'failed'}`, 'ticket']);
      const id = created.ok ? created.value.id : '';
      expect(t.must('tickets.get', { id })).toMatchObject({ subject: `导入期间的工单 ${outcome}` });
      expect(imported()).toBe(outcome === 'commits' ? ROWS : 0);
    });
  }

  it('the app closing part-way rolls it back: the next start has none of it', async () => {
    const importId = stageFile();
    expect(t.core.call('import.apply', { importId, mapping, hasHeader: true }).ok).toBe(true);
    await new Promise<void>((resolve) => {
      const off = t.core.on((e) => {
        if (e.type === 'import.applying' && e.status.done > 0) {
          off();
          resolve();
        }
      });
    });
    const first = t;
    await first.core.close();
    t = await startCore({ dir: first.dir, setup: false });
    expect(imported()).toBe(0);
    expect(t.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await t.close();
    t = first; // afterEach removes its folder

  });

  it("plans the new callbacks' moments from the new rows only, not by reading every callback of the centre", () => {
    const plan = (t.core.db.prepare(`EXPLAIN QUERY PLAN ${NEW_CALLBACK_MOMENTS}`).all(0) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContain('SEARCH callbacks USING INTEGER PRIMARY KEY (rowid>?)');
    expect(plan.some((d) => d.startsWith('SCAN callbacks'))).toBe(false);
  });
});
