// The import writes customers in bulk (services/customerImportApply.ts): no reads back, no deletes of
// index rows that cannot exist yet, callback rules and calendar read once. What it writes must be
// exactly what the customer and asset forms write for the same data: the same customer rows, search
// index, phone look-ups, search keys, assets, callbacks (due days, windows) and scheduler moments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHeader, guessMapping, parseRow } from '../../shared/customers/importLayout';
import { mulberry32, plate, vin } from '../bench/generate';
import { startCore, type TestCore } from './helpers';
import { importAll } from './importApply';

const header = exportHeader('zh-CN');
const mapping = guessMapping(header);

/** Rows with every kind of asset and birthday the rules plan from: solar, lunar, a leap-day-free 30th. */
function sheet(n: number): string[][] {
  const rng = mulberry32(5);
  return Array.from({ length: n }, (_, i) => {
    const v: Record<string, string> = {
      姓名: `对照客户${i}`,
      等级: i % 5 === 0 ? '大客户' : '普通',
      电话: `137${String(10_000_000 + i)}; 021-6${String(1_000_000 + i)}`,
      生日: i % 3 === 0 ? `农历${1 + (i % 12)}-${i % 7 === 0 ? 30 : 1 + (i % 28)}` : `1980-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    };
    if (i % 4 !== 3) Object.assign(v, { 车架号: vin(rng), 车牌号: plate(rng), 车型: '帕萨特', 交车日期: `2026-0${1 + (i % 3)}-2${i % 9}`, 下次保养: '2026-08-20', 年检日期: '2027-02-20', 保险到期: '2027-02-19' });
    if (i % 2 === 0) Object.assign(v, { 保单号: `P${String(10_000_000_000 + i)}`, 险种: '车险', 签单日期: `2026-0${1 + (i % 2)}-1${i % 9}`, 续期缴费日: '2027-02-20' });
    if (i % 6 === 0) Object.assign(v, { 合同号: `HT-${String(10_000_000 + i)}`, 合同开始: '2026-02-20', 合同结束: '2028-02-19' });
    return header.map((h) => v[h] ?? '');
  });
}

/** Everything the two paths write about customers, with ids replaced by the customer's name (ids are random). */
function written(t: TestCore) {
  const db = t.core.db;
  const names = new Map((db.prepare('SELECT id, name FROM customers').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const assetNames = new Map(
    (db.prepare('SELECT id, customer_id, kind, data FROM customer_assets').all() as { id: string; customer_id: string; kind: string; data: string }[]).map((r) => [
      r.id,
      `${names.get(r.customer_id)}/${r.kind}`,
    ]),
  );
  const named = (s: string) => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => names.get(id) ?? assetNames.get(id) ?? id);
  // The asset's JSON as stored: the same fields, in whichever order the writer built the object.
  const sorted = (json: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(json) as object).sort(([x], [y]) => x.localeCompare(y))));
  const rows = (sql: string) =>
    (db.prepare(sql).all() as Record<string, unknown>[]).map((r) => named(JSON.stringify(typeof r.data === 'string' ? { ...r, data: sorted(r.data) } : r))).sort();
  return {
    customers: rows('SELECT kind, name, initials, tier, role, phones, email, wechat, birthday, contact_user_id, tags, notes FROM customers'),
    fts: rows('SELECT f.name, f.phones, f.email, f.wechat, f.tags FROM customers_fts f JOIN customers c ON c.rowid = f.rowid'),
    phones: rows('SELECT digits, customer_id FROM customer_phones'),
    keys: rows('SELECT key, customer_id FROM customer_keys'),
    assets: rows('SELECT id, customer_id, kind, data FROM customer_assets'),
    callbacks: rows('SELECT rule_id, customer_id, origin_ticket_id, asset_id, occasion, due_day, due_at, window_end_at, status, excluded_user_id FROM callbacks'),
    moments: rows(`SELECT m.due_at, m.fired_at, c.occasion FROM due_moments m JOIN callbacks c ON c.id = m.subject_id WHERE m.kind = 'callback.due'`),
  };
}

let imported: TestCore;
let typed: TestCore;
beforeAll(async () => {
  [imported, typed] = await Promise.all([startCore(), startCore()]);
});
afterAll(async () => {
  await Promise.all([imported.close(), typed.close()]);
});

describe('import in bulk', () => {
  it('writes exactly what the customer and asset forms write for the same rows', async () => {
    const rows = sheet(60);
    const importId = '019ae000-0000-7000-8000-0000000000e1';
    imported.must('import.stage', { importId, rows: [header, ...rows] });
    expect(await importAll(imported, { importId, mapping, hasHeader: true })).toMatchObject({ customers: 60, skipped: 0 });

    rows.forEach((r, i) => {
      const { parsed } = parseRow(r, mapping, i + 2);
      const c = typed.must('customers.create', { customer: parsed!.customer });
      for (const asset of parsed!.assets) typed.must('assets.save', { customerId: c.id, asset });
    });

    const a = written(imported);
    const b = written(typed);
    // The data is rich enough to mean something: every asset kind, birthday greetings, a series.
    expect(a.assets.length).toBe(45 + 30 + 10);
    expect(new Set(a.callbacks.map((c) => JSON.parse(c).rule_id as string)).size).toBeGreaterThanOrEqual(5);
    expect(a.callbacks.length).toBeGreaterThan(200);
    for (const table of Object.keys(a) as (keyof typeof a)[]) expect({ table, rows: a[table] }).toEqual({ table, rows: b[table] });
  });
});
