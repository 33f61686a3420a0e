// Import of customers with assets: a bad file changes nothing and reports every bad row; a good
// one lands in one transaction, searchable, with its reminders; the export reads back the layout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHeader, guessMapping } from '../../shared/customers/importLayout';
import { startCore, type TestCore } from './helpers';
import { CUSTOMER } from './samples';
import { snapshot } from './snapshot';

let t: TestCore;
beforeAll(async () => {
  t = await startCore();
  t.must('customers.create', { customer: { ...CUSTOMER, name: '已有客户', phones: ['139 9999 0000'] } });
});
afterAll(async () => t.close());

const header = exportHeader('zh-CN');
const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '');
const good = (i: number) => row({ 姓名: `导入客户${i}`, 电话: `138 0000 ${String(1000 + i)}`, 车牌号: `沪A${String(10000 + i)}`, 交车日期: '2026-03-01' });

describe('import', () => {
  it('a file with 10 bad rows changes nothing and reports every one of them', () => {
    const rows = [header, ...Array.from({ length: 20 }, (_, i) => good(i))];
    const bad = [
      row({ 姓名: '', 电话: '138 1111 0001' }),
      row({ 姓名: '坏电话', 电话: 'call me' }),
      row({ 姓名: '坏车架号', 车架号: 'LSVAU218XN218329' }),
      row({ 姓名: '坏车牌', 车牌号: '沪12345' }),
      row({ 姓名: '坏日期', 车牌号: '沪B12345', 交车日期: '2026-02-30' }),
      row({ 姓名: '坏类型', 类型: '机器人' }),
      row({ 姓名: '已有电话', 电话: '13999990000' }),
      row({ 姓名: '文件内重复', 电话: '138 0000 1000' }),
      row({ 姓名: '坏保单', 保单号: '!!' }),
      row({ 姓名: '坏生日', 生日: '13-45' }),
    ];
    rows.push(...bad);
    const mapping = guessMapping(header);
    const importId = '019ae000-0000-7000-8000-000000000001';
    t.must('import.stage', { importId, rows });
    const report = t.must('import.check', { importId, mapping, hasHeader: true });
    expect(report.total).toBe(30);
    expect(report.validCount).toBe(20);
    expect([...new Set(report.problems.map((p) => p.row))]).toEqual(Array.from({ length: 10 }, (_, i) => 22 + i));
    expect(report.problems.map((p) => p.messageKey)).toEqual(
      expect.arrayContaining(['validation.required', 'validation.phone', 'validation.vin', 'validation.plate', 'validation.isoDate', 'import.badKind', 'import.duplicatePhone', 'import.duplicatePhoneInFile', 'validation.documentNumber', 'import.badBirthday']),
    );
    const before = snapshot(t.core.db);
    expect(t.core.call('import.apply', { importId, mapping, hasHeader: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.importHasProblems' } });
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('a good file lands whole: searchable by plate, with its callbacks, audited; the export reads back', () => {
    const importId = '019ae000-0000-7000-8000-000000000002';
    t.must('import.stage', { importId, rows: [header, good(1), good(2)] });
    t.must('import.stage', { importId, rows: [good(3)] });
    expect(t.must('import.apply', { importId, mapping: guessMapping(header), hasHeader: true })).toEqual({ customers: 3, assets: 3 });
    expect(t.must('customers.search', { q: 'A10002' }).map((c) => c.name)).toEqual(['导入客户2']);
    const [c] = t.must('customers.search', { q: '导入客户3' });
    expect(t.must('callbacks.ofCustomer', { customerId: c!.id }).map((x) => x.rule.code)).toEqual(['dc7_delivery']);
    expect(t.core.call('import.check', { importId, mapping: {}, hasHeader: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const exported = t.must('export.customers', { offset: 0, limit: 100, language: 'zh-CN' });
    expect(exported.header).toEqual(header);
    expect(exported.rows.find((r) => r[0] === '导入客户2')).toEqual(expect.arrayContaining(['沪A10002', '2026-03-01']));
    expect(t.must('audit.list', {}).map((e) => e.action)).toEqual(expect.arrayContaining(['customers.import', 'customers.export']));
  });
});
