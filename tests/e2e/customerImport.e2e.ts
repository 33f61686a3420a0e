// Importing customers with assets from an .xlsx built here with exceljs: the admin picks the file,
// maps a column the app did not recognise, reads the report of the bad rows, skips them (zh-CN) or
// fixes the file and picks it again (en), applies, and finds the customers by plate and VIN.
import { expect, test, type Page } from '@playwright/test';
import { vinCheckDigit } from '../../shared/customers/vin';
import { launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, chooseLanguage, completeSetup, dismissNotices, settle, signIn } from './flows';

let app: LaunchedApp;
test.afterEach(async () => app?.close());

/** A valid VIN ending in `tail` (6 digits), check digit computed. */
function vinEnding(tail: string): string {
  const chars = [...`LSVAU2180N2${tail}`];
  chars[8] = '0';
  chars[8] = vinCheckDigit(chars.join(''));
  return chars.join('');
}

async function workbook(header: string[], rows: string[][]): Promise<Buffer> {
  // Loaded after the core (the harness): the core loads exceljs' decoder its own way (exceljsUtf8.ts).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  // A real date cell, as Excel stores one: it must read back as 2026-02-20.
  ws.getCell('E2').value = new Date(Date.UTC(2026, 1, 20));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function pickFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page
    .getByTestId('import-drawer')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

const rowsOfReport = (page: Page) => page.getByTestId('import-problems').locator('.ant-table-row');

async function openImport(page: Page, menu: string, title: string): Promise<void> {
  await page.getByRole('menuitem', { name: menu }).click();
  await page.getByTestId('customer-import').click();
  await expect(page.locator('.ant-drawer-content-wrapper:visible .ant-drawer-title')).toHaveText(title);
}

async function searchFinds(page: Page, q: string, name: string): Promise<void> {
  await page.getByTestId('customer-search').fill(q);
  const rows = page.getByTestId('customer-table').locator('.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
}

test('import (zh-CN): map an unknown column, report of bad rows, skip them, apply, find by plate and VIN', async () => {
  app = await launchApp({ locale: 'zh-CN' });
  const { page } = app;
  await completeSetup(page);
  await signIn(page, ADMIN);
  await dismissNotices(page, (ms) => app.advance(ms));
  // Already in the database: the file's 刘洋 repeats this phone.
  expect(app.core.call('customers.create', { customer: { kind: 'person', name: '刘洋', tier: 'standard', role: 'end_customer', phones: ['139 0000 0009'], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' } })).toMatchObject({ ok: true });

  // 手机号码 is not one of the recognised headers: the admin maps it by hand.
  const header = ['姓名', '手机号码', '车架号', '车牌号', '交车日期', '保单号', '生日'];
  const good = [
    ['陈静', '138 0000 0001', vinEnding('100001'), '沪A12345', '2026-02-20', 'P20260001', '农历08-15'],
    ['李娜', '138 0000 0002', vinEnding('100002'), '沪AD12345', '2026-02-21', '', '1988-05-04'],
    ['张伟', '138 0000 0003', '', '苏E88888', '2026-02-22', 'P20260003', ''],
    ['上海宏达物流有限公司', '021-6234 5678', '', '', '', 'P20260004', ''],
  ];
  const bad = [
    ['王芳', '稍后提供', '', '', '', '', ''], // phone
    ['赵磊', '138 0000 0006', 'LSVAU2180N21000O1', '沪B00001', '', '', ''], // VIN with an O
    ['孙丽', '138 0000 0007', '', '沪C00001', '2026-02-30', '', ''], // no such day
    ['周杰', '138 0000 0001', '', '', '', '', ''], // phone repeats 陈静's row
    ['刘洋', '139 0000 0009', '', '', '', '', ''], // phone of an existing customer
  ];
  const file = await workbook(header, [...good, ...bad]);

  await openImport(page, '客户', '导入客户与资产');
  await expect(page.getByTestId('import-drawer')).toContainText('点击或拖入 Excel（.xlsx）或 CSV 文件');
  await pickFile(page, '客户资料.xlsx', file);
  await expect(page.getByTestId('import-file-summary')).toHaveText('客户资料.xlsx：10 行，7 列');
  await expect(page.getByTestId('import-map-0')).toContainText('姓名');
  await expect(page.getByTestId('import-map-1')).toContainText('不导入');
  await page.getByTestId('import-map-1').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="电话"]').click();
  await expect(page.getByTestId('import-map-1')).toContainText('电话');
  await expect(page.getByTestId('import-preview')).toContainText('138 0000 0001');
  // The date cell reads as the admin typed it in Excel.
  await expect(page.getByTestId('import-preview')).toContainText('2026-02-20');
  await settle(page);
  await screenshot(page, 'zh-CN-64-import-mapping');

  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toContainText('共 9 行：4 行可导入，5 行有问题');
  await expect(rowsOfReport(page)).toHaveCount(5);
  const report = page.getByTestId('import-problems');
  await expect(report).toContainText('电话格式不正确');
  await expect(report).toContainText('车架号应为 17 位字母或数字');
  await expect(report).toContainText('电话与文件中前面的行重复');
  await expect(report).toContainText('电话已属于已有客户');
  await expect(rowsOfReport(page).nth(2)).toContainText('交车日期');
  await settle(page);
  await screenshot(page, 'zh-CN-65-import-report');

  await page.getByTestId('import-apply-skipping').click();
  await page.getByTestId('import-skip-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('已导入 4 位客户、6 项资产');
  await expect(page.getByTestId('import-done')).toContainText('跳过了 5 行有问题的数据。');
  await settle(page);
  await dismissNotices(page, (ms) => app.advance(ms));
  await settle(page);
  await screenshot(page, 'zh-CN-66-import-done');
  await page.getByTestId('import-close').click();

  // Found by the plate without its province, by the VIN's last 6, by the phone.
  await searchFinds(page, 'AD12345', '李娜');
  await searchFinds(page, '100001', '陈静');
  await searchFinds(page, '0003', '张伟');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await settle(page);
  await screenshot(page, 'zh-CN-67-import-found');
  const names = app.core.call('customers.search', { q: '王芳', limit: 5 });
  expect(names).toMatchObject({ ok: true, value: [] });
});

test('import (en): a report in English, the fixed file picked again, applied whole', async () => {
  app = await launchApp({ locale: 'en-US' });
  const { page } = app;
  await completeSetup(page);
  await signIn(page, ADMIN);
  await dismissNotices(page, (ms) => app.advance(ms));
  await chooseLanguage(page, 'English');

  const header = ['Name', 'Phones', 'VIN', 'Plate', 'Delivery date', 'Policy number', 'Birthday'];
  const rows = [
    ['Chen Jing', '138 0000 0011', vinEnding('200011'), '沪A54321', '2026-02-20', '', ''],
    ['Li Na', '138 0000 0012', '', '京N12345', '2026-02-21', '', ''],
    ['Zhang Wei', 'none', '', '', '', '', ''],
  ];
  await openImport(page, 'Customers', 'Import customers and assets');
  await pickFile(page, 'customers.xlsx', await workbook(header, rows));
  await expect(page.getByTestId('import-map-1')).toContainText('Phones');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toContainText('3 rows: 2 can be imported, problems in 1');
  await expect(page.getByTestId('import-problems')).toContainText('Not a valid phone number');
  await settle(page);
  await screenshot(page, 'en-68-import-report');

  // The admin fixes the phone in Excel and picks the file again.
  await page.getByTestId('import-again').click();
  rows[2]![1] = '138 0000 0013';
  await pickFile(page, 'customers.xlsx', await workbook(header, rows));
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toContainText('All 3 rows can be imported');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 3 customers and 2 assets');
  await dismissNotices(page, (ms) => app.advance(ms));
  await settle(page);
  await screenshot(page, 'en-69-import-done');
  await page.getByTestId('import-close').click();
  await searchFinds(page, 'N12345', 'Li Na');
  await searchFinds(page, '0013', 'Zhang Wei');
});

// A file big enough that writing it takes a few seconds: the drawer shows the rows written of the
// total and the same share as the bar's percentage while the one transaction runs, then the result.
const BIG = 6000;
for (const lang of ['zh-CN', 'en'] as const) {
  test(`import (${lang}): a file of ${BIG} rows shows the rows written while they are, then lands whole`, async () => {
    app = await launchApp({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    const { page } = app;
    await completeSetup(page);
    await signIn(page, ADMIN);
    await dismissNotices(page, (ms) => app.advance(ms));
    if (lang === 'en') await chooseLanguage(page, 'English');
    const header = lang === 'en' ? ['Name', 'Phones', 'Plate', 'Delivery date'] : ['姓名', '电话', '车牌号', '交车日期'];
    const rows = Array.from({ length: BIG }, (_, i) => [`${lang === 'en' ? 'Customer' : '客户'}${i}`, `137 ${String(1000_0000 + i)}`, `沪D${String(10_000 + i)}`, '2026-03-01']);
    await openImport(page, lang === 'en' ? 'Customers' : '客户', lang === 'en' ? 'Import customers and assets' : '导入客户与资产');
    await pickFile(page, 'big.xlsx', await workbook(header, rows));
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-summary')).toContainText(lang === 'en' ? `All ${BIG} rows can be imported` : `全部 ${BIG} 行均可导入`, { timeout: 30_000 });
    await page.getByTestId('import-apply').click();

    const progress = page.getByTestId('import-progress');
    const written = lang === 'en' ? new RegExp(`Importing: (\\d+) of ${BIG} customers written`) : new RegExp(`正在导入：已写入 (\\d+) / ${BIG} 位客户`);
    // Read part-way (the words and the bar in one look), then pictured while it still runs.
    let text = '';
    await expect
      .poll(async () => (text = (await progress.textContent({ timeout: 1000 }).catch(() => null)) ?? ''), { timeout: 30_000, intervals: [20] })
      .toMatch(written);
    await screenshot(page, `${lang}-66a-import-applying`);
    const done = Number(written.exec(text)![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(BIG);
    // The bar says the same share as the words: rows written / total.
    expect(text).toContain(`${Math.floor((done / BIG) * 100)}%`);
    await expect(page.getByTestId('import-done')).toContainText(lang === 'en' ? `Imported ${BIG} customers and ${BIG} assets` : `已导入 ${BIG} 位客户、${BIG} 项资产`, { timeout: 60_000 });
    await page.getByTestId('import-close').click();
    await searchFinds(page, 'D15999', `${lang === 'en' ? 'Customer' : '客户'}5999`);
  });
}
