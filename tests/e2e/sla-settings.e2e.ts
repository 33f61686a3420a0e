// The SLA settings end to end: service levels (catalogue + due-time calculator), working calendars
// (edit, import), deduction rules — as an admin, then read-only as an agent; Chinese and English.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, AGENT, addUser, completeSetup, openFestivalRule, settle, signIn, signOut } from './flows';

let app: LaunchedApp;
test.afterEach(async () => app?.close());

const ROOT = resolve(__dirname, '../..');
const HOLIDAYS_2026_ICS = resolve(ROOT, 'node_modules/chinese-days/dist/years/2026.ics');
const HOLIDAYS_2026_EN_ICS = resolve(ROOT, 'node_modules/chinese-days/dist/years/2026.en.ics');
const BROKEN_ICS = resolve(__dirname, 'fixtures/broken-holidays.ics');
const TUE_1500 = Date.parse('2026-03-03T15:00:00+08:00');

// ---- steps, written the way a person uses these screens ----

async function openSettingsTab(page: Page, settings: string, tab: string): Promise<void> {
  await page.getByRole('menuitem', { name: settings }).click();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab, selected: true })).toBeVisible();
}

/** Picks an option of an antd Select by typing part of its label. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** Types a date (and time) into an antd DatePicker and commits it. */
async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  // antd puts the test id on the picker's input or on its wrapper, depending on the picker.
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
  if (await page.locator('.ant-picker-dropdown:visible').count()) await input.press('Escape');
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await expect(input).toHaveValue(value);
}

/** The calculator: a type, a tier, an intake time in the centre's zone. */
async function calculate(page: Page, typeLabel: string, tierLabel: string, at: string): Promise<void> {
  await pick(page, 'calc-type', typeLabel);
  await page.getByTestId('calc-tier').getByText(tierLabel, { exact: true }).click();
  await typeDate(page, 'calc-at', at);
}

async function addSpecialDay(page: Page, date: string, labelZh: string): Promise<void> {
  await typeDate(page, 'special-date', date);
  await page.getByTestId('special-add').getByRole('textbox').nth(1).fill(labelZh);
  await page.getByTestId('special-add-button').click();
  await expect(page.getByTestId('special-table')).toContainText(date);
}

/** Waits for a modal's opening animation, so its screenshot shows it settled. */
async function settleModal(page: Page): Promise<void> {
  const modal = page.locator('.ant-modal').last();
  await expect(modal).toBeVisible();
  await expect(modal).not.toHaveClass(/-(appear|enter)/);
  await expect(page.locator('.ant-modal-mask').last()).not.toHaveClass(/-(appear|enter)/);
  await settle(page);
}

async function chooseFile(page: Page, name: string, path: string): Promise<void> {
  await page.getByTestId('calendar-import').locator('input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer: readFileSync(path) });
}

async function setUp(locale: string, centre: string): Promise<LaunchedApp> {
  const launched = await launchApp({ locale });
  await completeSetup(launched.page, centre);
  await signIn(launched.page, ADMIN);
  return launched;
}

test('admin edits service levels, a calendar, imports holidays and edits deductions; an agent reads them (Chinese)', async () => {
  app = await setUp('zh-CN', '华东区客服中心');
  const { page } = app;

  // (a) The key-account target of 重置密码 goes from 15 to 10 minutes.
  await openSettingsTab(page, '设置', '服务时效');
  const row = page.getByTestId('catalogue-row-password_reset');
  await expect(row).toContainText('1 个工作日');
  await expect(row).toContainText('15 分钟（工作时间）');
  await expect(row).toContainText('大客户专线（全天候）');
  await expect(page.getByTestId('catalogue-row-complaint')).toContainText('24 小时（全天候）');
  await expect(page.getByTestId('catalogue-row-complaint')).toContainText('到期前 120 分钟');
  await expect(page.getByTestId('catalogue-row-account_open')).toContainText('80% 时预警');
  await page.getByTestId('catalogue-edit-password_reset').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('修改时效只影响之后新建的工单');
  await dialog.getByTestId('type-form-keyAccount').getByRole('spinbutton').first().fill('10');
  await dialog.getByTestId('type-form-save').click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('10 分钟（工作时间）');
  await expect(row).not.toContainText('15 分钟');
  const preview = app.core.call('sla.preview', { typeCode: 'password_reset', tier: 'key', at: TUE_1500 });
  expect(preview).toMatchObject({ ok: true, value: { targetMinutes: 10, due: TUE_1500 + 10 * 60_000, beyondKnownYears: false } });

  // The calculator: 1 working day from Tue 15:00 is due Wed 15:00 on the plain working week.
  await calculate(page, '重置密码', '普通客户', '2026-03-03 15:00');
  await expect(page.getByTestId('calc-due')).toHaveText('2026-03-04 周三 15:00');
  await expect(page.getByTestId('calc-target')).toHaveText('1 个工作日');
  await expect(page.getByTestId('calc-details')).toContainText('7 小时 30 分钟 工作时间');
  await expect(page.getByTestId('calc-details')).toContainText('中国大陆工作日历');
  await page.getByTestId('calc-tier').getByText('大客户', { exact: true }).click();
  await expect(page.getByTestId('calc-due')).toHaveText('2026-03-03 周二 15:10');
  await page.getByTestId('calc-tier').getByText('普通客户', { exact: true }).click();
  await settle(page);
  await screenshot(page, 'zh-CN-20-catalogue');

  // A field error from the main process lands on its field: a new type whose code exists already.
  await page.getByTestId('catalogue-add').click();
  await page.getByTestId('type-form-code').fill('password_reset');
  await page.getByTestId('type-form-name-zh').fill('重复');
  await page.getByTestId('type-form-name-en').fill('Duplicate');
  await page.getByTestId('type-form-save').click();
  await expect(page.getByTestId('type-form-error')).toHaveText('编号为 password_reset 的业务类型已存在。');
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

  // (b) A public holiday on Wednesday 2026-03-04 moves that due time to Thursday.
  await openSettingsTab(page, '设置', '工作日历');
  await expect(page.getByTestId('calendar-publish-hint')).toContainText('国务院办公厅每年 11 月');
  await expect(page.getByTestId('weekly-mon')).toBeVisible();
  await addSpecialDay(page, '2026-03-04', '临时停业');
  await expect(page.getByTestId('calendar-dirty')).toBeVisible();
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-dirty')).toBeHidden();
  await expect(page.getByTestId('special-table')).toContainText('临时停业');
  await expect(page.getByTestId('special-table')).toContainText('国庆节');
  await settle(page);
  await screenshot(page, 'zh-CN-21-calendars');
  await page.getByTestId('special-days').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'zh-CN-21-calendars-holidays');

  await openSettingsTab(page, '设置', '服务时效');
  await calculate(page, '重置密码', '普通客户', '2026-03-03 15:00');
  await expect(page.getByTestId('calc-due')).toHaveText('2026-03-05 周四 15:00');
  expect(app.core.call('sla.preview', { typeCode: 'password_reset', tier: 'standard', at: TUE_1500 })).toMatchObject({
    ok: true,
    value: { due: Date.parse('2026-03-05T15:00:00+08:00') },
  });

  // (c) Importing the State Council's 2026 schedule: the file is the authority for 2026, so the
  // made-up holiday goes; the preview says so before anything changes.
  await openSettingsTab(page, '设置', '工作日历');
  await chooseFile(page, '2026.ics', HOLIDAYS_2026_ICS);
  const previewBox = page.getByTestId('calendar-import-preview');
  await expect(previewBox).toBeVisible();
  await expect(page.getByTestId('import-years')).toHaveText('2026');
  await expect(page.getByTestId('import-changes')).toContainText('2026-03-04 周三');
  await expect(previewBox).toContainText('文件含公众假日 33 天、调休上班日 6 天');
  await settleModal(page);
  await screenshot(page, 'zh-CN-22-calendar-import');
  await page.getByTestId('calendar-import-apply').click();
  await expect(previewBox).toBeHidden();
  await expect(page.getByText('已导入 2026.ics，已知年份 2020–2026。')).toBeVisible();
  await expect(page.getByTestId('special-table')).not.toContainText('2026-03-04');
  expect(app.core.call('sla.preview', { typeCode: 'password_reset', tier: 'standard', at: TUE_1500 })).toMatchObject({
    ok: true,
    value: { due: Date.parse('2026-03-04T15:00:00+08:00') },
  });

  // A malformed file is refused with the reason and the line, translated; nothing changes.
  await chooseFile(page, 'broken-holidays.ics', BROKEN_ICS);
  await expect(page.getByTestId('calendar-import-error')).toContainText('无法导入 broken-holidays.ics');
  await expect(page.getByTestId('calendar-import-error')).toContainText('第 10 行的日期格式不正确');
  await chooseFile(page, 'holidays.txt', BROKEN_ICS);
  await expect(page.getByTestId('calendar-import-error')).toContainText('只能导入 .json 或 .ics 文件');

  // Deduction rules: the second overtime band costs 2 points instead of 1.
  await openSettingsTab(page, '设置', '扣分规则');
  const summary = page.getByTestId('deductions-summary');
  await expect(summary).toContainText('超时不超过 5 分钟扣 0.5 分；超时 5–10 分钟扣 1 分；超时超过 10 分钟按过失处理。');
  await expect(summary).toContainText('过失每次扣 1.5 分。');
  await page.getByTestId('band-1-points').fill('2');
  await page.getByTestId('deductions-add-error').click();
  await page.getByTestId('error-1-points').fill('3');
  await expect(summary).toContainText('超时 5–10 分钟扣 2 分');
  await expect(summary).toContainText('过失第 1 次扣 1.5 分，第 2 次及以后每次扣 3 分。');
  await page.getByTestId('deductions-save').click();
  await expect(page.getByText('扣分规则已保存。')).toBeVisible();
  expect(app.core.call('deductions.rules', {})).toMatchObject({
    ok: true,
    value: { overtimeBands: [{ upToMinutes: 5, points: 0.5 }, { upToMinutes: 10, points: 2 }], errorPoints: [1.5, 3] },
  });
  await settle(page);
  await screenshot(page, 'zh-CN-23-deductions');

  // The seeded festival greeting in Chinese: five festivals to key accounts.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('tab', { name: '回访规则' }).click();
  await openFestivalRule(page, { name: '节日问候', trigger: '节日：元旦、春节、劳动节、中秋节、国庆节（重点客户）', audience: '重点客户' });
  await screenshot(page, 'zh-CN-68-festival-rule');
  await page.locator('.ant-modal-footer .ant-btn').first().click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);

  // (d) An agent reads all three tabs without any way to edit, and the calculator works.
  await page.getByRole('tab', { name: '用户管理' }).click();
  await addUser(page, AGENT);
  await signOut(page);
  await signIn(page, AGENT);
  await openSettingsTab(page, '设置', '服务时效');
  await expect(page.getByTestId('catalogue-row-password_reset')).toContainText('10 分钟（工作时间）');
  await expect(page.getByTestId('catalogue-add')).toHaveCount(0);
  await expect(page.locator('[data-testid^="catalogue-edit-"]')).toHaveCount(0);
  await expect(page.getByText('仅管理员可修改业务类型和时效')).toBeVisible();
  await calculate(page, '投诉', '普通客户', '2026-03-06 17:30');
  await expect(page.getByTestId('calc-due')).toHaveText('2026-03-07 周六 17:30');
  await expect(page.getByTestId('calc-target')).toHaveText('24 小时（全天候）');
  await settle(page);
  await screenshot(page, 'zh-CN-24-catalogue-agent');

  await page.getByRole('tab', { name: '工作日历' }).click();
  await expect(page.getByTestId('weekly-mon')).toContainText('09:00–12:00');
  await expect(page.getByTestId('calendar-save')).toHaveCount(0);
  await expect(page.getByTestId('calendar-import')).toHaveCount(0);
  await expect(page.getByTestId('special-add')).toHaveCount(0);
  await expect(page.locator('[data-testid^="special-remove-"]')).toHaveCount(0);
  await page.getByRole('tab', { name: '扣分规则' }).click();
  await expect(page.getByTestId('deductions-save')).toHaveCount(0);
  await expect(page.getByTestId('deductions-add-band')).toHaveCount(0);
  await expect(page.getByTestId('band-0-minutes')).toBeDisabled();
  await expect(page.getByTestId('deductions-summary')).toContainText('超时 5–10 分钟扣 2 分');
  // The main process refuses edits whatever the screen shows.
  const refused = await page.evaluate(() => window.kefu.invoke('deductions.saveRules', { rules: { overtimeBands: [], errorPoints: [1] } }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('the SLA settings in English: service levels, calendars with an import, deduction rules', async () => {
  app = await setUp('en-US', 'East China Service Centre');
  const { page } = app;

  await openSettingsTab(page, 'Settings', 'Service levels');
  const row = page.getByTestId('catalogue-row-password_reset');
  await expect(row).toContainText('1 working day');
  await expect(row).toContainText('15 min (working time)');
  await expect(row).toContainText('warn at 80 %');
  await expect(page.getByTestId('catalogue-row-complaint')).toContainText('24 h (24x7)');
  await expect(page.getByTestId('catalogue-row-activation')).toContainText('60 min before due');
  await calculate(page, 'Password reset', 'Standard', '2026-09-30 15:00');
  // The day before the National Day week (1–7 October): the next working day is Thursday 8 October.
  await expect(page.getByTestId('calc-due')).toHaveText('Thu 2026-10-08 15:00');
  await settle(page);
  await screenshot(page, 'en-20-catalogue');

  // Beyond the known years the calculator still answers, and says so.
  await typeDate(page, 'calc-at', '2027-02-10 10:00');
  await expect(page.getByTestId('calc-beyond')).toHaveText('Beyond known years');

  await page.getByTestId('catalogue-edit-account_open').click();
  await expect(page.getByRole('dialog')).toContainText('Target for key accounts');
  await settleModal(page);
  await screenshot(page, 'en-20-catalogue-edit');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('tab', { name: 'Calendars' }).click();
  await expect(page.getByTestId('calendar-publish-hint')).toContainText('each November');
  await addSpecialDay(page, '2026-03-04', '临时停业');
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-dirty')).toBeHidden();
  await settle(page);
  await screenshot(page, 'en-21-calendars');
  await page.getByTestId('special-days').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'en-21-calendars-holidays');
  await chooseFile(page, '2026.en.ics', HOLIDAYS_2026_EN_ICS);
  await expect(page.getByTestId('calendar-import-preview')).toBeVisible();
  await expect(page.getByTestId('import-changes')).toContainText('2026-03-04 Wed');
  await settleModal(page);
  await screenshot(page, 'en-22-calendar-import');
  await page.getByTestId('calendar-import-apply').click();
  await expect(page.getByTestId('calendar-import-preview')).toBeHidden();
  await chooseFile(page, 'broken-holidays.ics', BROKEN_ICS);
  await expect(page.getByTestId('calendar-import-error')).toContainText('The date on line 10 is not valid');

  await page.getByRole('tab', { name: 'Deduction rules' }).click();
  await expect(page.getByTestId('deductions-summary')).toContainText(
    'Up to 5 min late costs 0.5 points; 5–10 min late costs 1 point; more than 10 min late counts as an error.',
  );
  await settle(page);
  await screenshot(page, 'en-23-deductions');
});
