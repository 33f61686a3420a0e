// The replication seam without a hub: triggers generated from a declaration capture every write
// in the writer's transaction, stay silent before a hub is configured and while hub changes are
// applied, and a table joins by declaring itself.
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../electron/core/sync/apply';
import { forgetColumns } from '../../../electron/core/sync/columns';
import type { SharedTable } from '../../../electron/core/sync/declare';
import { enableCapture, enqueueSnapshot, toSendCount, unpushed } from '../../../electron/core/sync/outbox';
import { SHARED_TABLES } from '../../../electron/core/sync/tables';
import { installTriggers } from '../../../electron/core/sync/triggers';
import { startCore, type TestCore } from '../helpers';
import { CUSTOMER } from '../samples';

let t: TestCore;
afterEach(async () => {
  forgetColumns();
  await t?.close();
});

describe('the outbox', () => {
  it('a single seat (no hub) writes no outbox rows', async () => {
    t = await startCore();
    t.must('customers.create', { customer: CUSTOMER });
    expect(toSendCount(t.core.db)).toBe(0);
  });

  it('once capturing, a write and its outbox row commit or roll back together; a failed call leaves none', async () => {
    t = await startCore();
    enableCapture(t.core.db);
    const c = t.must('customers.create', { customer: CUSTOMER });
    const rows = unpushed(t.core.db, 100);
    expect(rows.map((r) => [r.tbl, r.op, r.pk])).toContainEqual(['customers', 'insert', c.id]);
    expect(rows.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.change_id))).toBe(true);
    expect(rows.find((r) => r.tbl === 'customers')!.seat).toBe('A1');
    const before = toSendCount(t.core.db);
    // A ticket for an unknown request type is refused: nothing written, nothing to send.
    expect(t.core.call('tickets.create', { customer: { id: c.id }, typeCode: 'no_such_type', channel: 'phone', priority: 'normal', subject: 'x', description: '' }).ok).toBe(false);
    expect(toSendCount(t.core.db)).toBe(before);
    // An update records the columns it changed; local settings (the language) are not sent.
    t.clock.advance(1000);
    t.must('customers.update', { id: c.id, customer: { ...CUSTOMER, notes: '新备注' } });
    t.must('prefs.setLanguage', { language: 'en' });
    const update = unpushed(t.core.db, 100).find((r) => r.op === 'update' && r.tbl === 'customers')!;
    expect(JSON.parse(update.changed!)).toEqual(expect.arrayContaining(['notes', 'updated_at']));
    expect(JSON.parse(update.changed!)).not.toContain('name');
    expect(unpushed(t.core.db, 100).some((r) => r.tbl === 'settings' && r.pk === 'ui.language')).toBe(false);
  });

  it('changes applied from the hub do not echo back into the outbox', async () => {
    t = await startCore();
    enableCapture(t.core.db);
    const before = toSendCount(t.core.db);
    applyChanges(t.core.db, [
      { seq: 1, changeId: '019c0000-0000-7000-8000-000000000001', table: 'departments', pk: 'legal', op: 'insert', row: { id: 'legal', name_zh: '法务部', name_en: 'Legal', active: 1, position: 60, updated_at: 1, updated_by: null }, changed: null, base: 0, seat: 'Z9', at: 1 },
    ]);
    expect(t.must('departments.list', {}).map((d) => d.id)).toContain('legal');
    expect(toSendCount(t.core.db)).toBe(before);
    expect(t.core.db.prepare('SELECT applying, pulled_seq FROM sync_state').get()).toEqual({ applying: 0, pulled_seq: 1 });
  });

  it('a new table joins replication by one declaration: captured, snapshotted, applied', async () => {
    t = await startCore();
    const db = t.core.db;
    db.exec(`CREATE TABLE customer_notes (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, text TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT`);
    db.prepare(`INSERT INTO customer_notes VALUES ('n1', 'c1', '早于连接', 1)`).run();
    const declared: SharedTable[] = [...SHARED_TABLES, { table: 'customer_notes', pk: 'id', merge: 'lww' }];
    expect(installTriggers(db, declared)).toBe(true);
    expect(installTriggers(db, declared)).toBe(false); // unchanged: nothing recreated
    db.transaction(() => {
      enableCapture(db);
      enqueueSnapshot(db, 'A1', declared);
    })();
    db.prepare(`INSERT INTO customer_notes VALUES ('n2', 'c1', '连接之后', 2)`).run();
    const rows = unpushed(db, 1000).filter((r) => r.tbl === 'customer_notes');
    expect(rows.map((r) => [r.pk, r.op, JSON.parse(r.row!).text])).toEqual([
      ['n1', 'insert', '早于连接'],
      ['n2', 'insert', '连接之后'],
    ]);
    // A column added later by a migration is replicated too: the triggers follow the schema.
    db.exec(`ALTER TABLE customer_notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0`);
    forgetColumns();
    expect(installTriggers(db, declared)).toBe(true);
    db.prepare(`UPDATE customer_notes SET pinned = 1 WHERE id = 'n2'`).run();
    const pinned = unpushed(db, 1000).filter((r) => r.tbl === 'customer_notes').at(-1)!;
    expect(JSON.parse(pinned.changed!)).toEqual(['pinned']);
    installTriggers(db); // back to the real list for the other tests' close
  });
});
