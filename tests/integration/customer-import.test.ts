// Import of customers with assets: a bad file changes nothing and reports every bad row; a good
// one lands in one transaction, searchable, with its reminders; the export reads back the layout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHeader, guessMapping, safeCell } from '../../shared/customers/importLayout';
import { exceljsDecodesSplitCharacters } from '../../electron/core/services/exceljsUtf8';
import { startCore, type TestCore } from './helpers';
import { importAll } from './importApply';
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

  it('a good file lands whole: searchable by plate, with its callbacks, audited; the export reads back', async () => {
    const importId = '019ae000-0000-7000-8000-000000000002';
    t.must('import.stage', { importId, rows: [header, good(1), good(2)] });
    t.must('import.stage', { importId, rows: [good(3)] });
    expect(await importAll(t, { importId, mapping: guessMapping(header), hasHeader: true })).toEqual({ customers: 3, assets: 3, skipped: 0 });
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

/** Uploads bytes as the import screen does and waits for the core to read them. */
async function uploadAndRead(importId: string, bytes: Buffer) {
  const PART = 150 * 1024;
  for (let part = 0; part * PART < bytes.length; part++) t.must('import.upload', { importId, part, bytes: bytes.subarray(part * PART, (part + 1) * PART).toString('base64') });
  let status = t.must('import.read', { importId });
  while (status.state === 'reading') {
    await new Promise((r) => setTimeout(r, 20));
    status = t.must('import.status', { importId });
  }
  return status;
}

describe('import of an uploaded file', () => {
  it('exceljs decodes a Chinese character split across two chunks of a sheet (its own decoder does not)', () => {
    expect(exceljsDecodesSplitCharacters()).toBe(true);
  });

  it('reads an .xlsx (dates and numbers as Excel shows them), skips the bad rows when asked, and an export reads back unchanged', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['Name', 'Phones', 'Plate', 'Delivered']);
    ws.addRow(['上传客户甲', 13700001111, '浙A11111', new Date(Date.UTC(2026, 1, 20))]);
    ws.addRow(['上传客户乙', 'no phone', '浙A22222', '2026-02-21']);
    ws.addRow([]);
    ws.addRow(['上传客户丙', '137 0000 3333', '浙A33333', '2026-02-22']);
    const importId = '019ae000-0000-7000-8000-000000000003';
    const status = await uploadAndRead(importId, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(status).toMatchObject({ state: 'read', kind: 'xlsx', rows: 4 });
    expect(status.head[1]).toEqual(['上传客户甲', '13700001111', '浙A11111', '2026-02-20']);
    const mapping = guessMapping(status.head[0]!);
    const report = t.must('import.check', { importId, mapping, hasHeader: true });
    expect(report).toMatchObject({ total: 3, validCount: 2, problems: [{ row: 3, field: 'phones', messageKey: 'validation.phone' }] });
    expect(t.core.call('import.apply', { importId, mapping, hasHeader: true })).toMatchObject({ ok: false, error: { messageKey: 'errors.importHasProblems' } });
    expect(await importAll(t, { importId, mapping, hasHeader: true, skipInvalid: true })).toEqual({ customers: 2, assets: 2, skipped: 1 });
    expect(t.must('customers.search', { q: 'A33333' }).map((c) => c.name)).toEqual(['上传客户丙']);

    // The export of everything, written as .xlsx and read back, gives the same rows.
    const exported = t.must('export.customers', { offset: 0, limit: 5000, language: 'en' });
    const out = new ExcelJS.Workbook();
    const sheet = out.addWorksheet('x');
    sheet.addRow(exported.header);
    for (const r of exported.rows) sheet.addRow(r.map((c) => safeCell(c)));
    const back = await uploadAndRead('019ae000-0000-7000-8000-000000000004', Buffer.from(await out.xlsx.writeBuffer()));
    const trim = (r: string[]) => {
      const c = [...r];
      while (c.length && !c[c.length - 1]) c.pop();
      return c;
    };
    expect(back.rows).toBe(exported.rows.length + 1);
    expect(back.head.slice(1)).toEqual(exported.rows.slice(0, 19).map(trim));
    const again = t.must('import.check', { importId: '019ae000-0000-7000-8000-000000000004', mapping: guessMapping(back.head[0]!), hasHeader: true });
    // Every row is already in the database: each one is reported as a duplicate, none as malformed.
    expect(again.validCount).toBe(0);
    expect(again.problems.every((p) => p.messageKey.startsWith('import.duplicate'))).toBe(true);
  });

  it('reads a CSV saved by Excel on a Chinese Windows (GB18030), and refuses a file that is neither', async () => {
    // "姓名,电话 / 国标客户,138 0000 7777" in GB18030 (bytes from iconv).
    const gb = Buffer.from('d0d5c3fb2cb5e7bbb00d0ab9fab1eabfcdbba72c313338203030303020373737370d0a', 'hex');
    const status = await uploadAndRead('019ae000-0000-7000-8000-000000000005', gb);
    expect(status).toMatchObject({ state: 'read', kind: 'csv', head: [['姓名', '电话'], ['国标客户', '138 0000 7777']] });
    const bad = await uploadAndRead('019ae000-0000-7000-8000-000000000006', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0, 0, 9]));
    expect(bad).toMatchObject({ state: 'failed', error: { messageKey: 'import.file.badXlsx' } });
    expect(t.core.call('import.check', { importId: '019ae000-0000-7000-8000-000000000006', mapping: { name: 0 }, hasHeader: true })).toMatchObject({ ok: false });
    expect(t.core.call('import.upload', { importId: '019ae000-0000-7000-8000-000000000007', part: 3, bytes: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
