// An import is written on a connection of its own, in slices of one transaction: the replication
// triggers fire there as for any write, so the hub receives every imported customer, asset and
// callback, and another seat ends with the same rows (and finds the customer by plate).
import { describe, expect, it } from 'vitest';
import { exportHeader, guessMapping } from '../../../shared/customers/importLayout';
import { toSendCount } from '../../../electron/core/sync/outbox';
import { importAll } from '../importApply';
import { settle, twoSeats } from './seats';

const header = exportHeader('zh-CN');
const ROWS = 400;
const row = (i: number) =>
  header.map(
    (h) =>
      ({
        姓名: `同步客户${i}`,
        电话: `135${String(10_000_000 + i)}`,
        车牌号: `浙A${String(10_000 + i)}`,
        交车日期: '2026-03-01',
        ...(i % 2 === 0 ? { 保单号: `P${String(20_000_000_000 + i)}`, 签单日期: '2026-02-20', 续期缴费日: '2027-02-20' } : {}),
      })[h] ?? '',
  );

describe('an import on a seat of a centre', () => {
  const centre = twoSeats({ settled: true });

  it('reaches the hub whole: the other seat has the same customers, assets and callbacks', async () => {
    const { a, b } = centre;
    const importId = '019ae000-0000-7000-8000-0000000000a1';
    a.must('import.stage', { importId, rows: [header, ...Array.from({ length: ROWS }, (_, i) => row(i))] });
    const before = toSendCount(a.core.db);
    const result = await importAll(a, { importId, mapping: guessMapping(header), hasHeader: true });
    expect(result).toEqual({ customers: ROWS, assets: ROWS + ROWS / 2, skipped: 0 });
    const callbacks = a.core.db.prepare('SELECT count(*) FROM callbacks').pluck().get() as number;
    expect(callbacks).toBeGreaterThan(ROWS);
    // Every row written went to the outbox in the same transaction (plus the audit's own rows, if any).
    expect(toSendCount(a.core.db) - before).toBeGreaterThanOrEqual(ROWS + result.assets + callbacks);

    await settle([a, b]);
    const da = a.core.hub.digests();
    const db = b.core.hub.digests();
    for (const table of ['customers', 'customer_assets', 'callbacks']) expect(db[table], table).toEqual(da[table]);
    expect(b.must('customers.search', { q: 'A10399' }).map((c) => c.name)).toEqual(['同步客户399']);
  }, 60_000);
});
