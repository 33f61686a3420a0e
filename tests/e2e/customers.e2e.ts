// Customers end to end: create (key account, lunar birthday, contact person), multi-key search
// (name, pinyin initials, phone digits), the duplicate-phone warning, editing, field errors; Chinese and English.
import { expect, test, type Page } from '@playwright/test';
import type { Customer } from '../../shared/tickets/types';
import { launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, chooseLanguage, completeSetup, settle, signIn } from './flows';

let app: LaunchedApp;
test.afterEach(async () => app?.close());

// ---- steps, written the way a person uses these screens ----

/** Picks an option of an antd Select by typing into it, then choosing the option labelled `label`. */
async function pick(page: Page, testId: string, text: string, label = text): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

async function search(page: Page, q: string, expected: string[]): Promise<void> {
  await page.getByTestId('customer-search').fill(q);
  const rows = page.getByTestId('customer-table').locator('.ant-table-row');
  await expect(rows).toHaveCount(expected.length);
  for (const [i, name] of expected.entries()) await expect(rows.nth(i)).toContainText(name);
}

const drawer = (page: Page) => page.locator('.ant-drawer-content-wrapper:visible');

/** The drawer has slid in once its name field holds the focus. */
async function drawerOpen(page: Page, title: string): Promise<void> {
  await expect(page.getByTestId('customer-drawer-title')).toContainText(title);
  await expect(page.getByTestId('customer-name')).toBeFocused();
}

/** Lets the toasts go so screenshots show the screen itself. */
async function noToasts(page: Page): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
}

async function closeDrawer(page: Page): Promise<void> {
  await drawer(page).locator('.ant-drawer-close').click();
  await expect(drawer(page)).toHaveCount(0);
}

function customerNamed(app: LaunchedApp, name: string): Customer | undefined {
  const found = app.core.call('customers.search', { q: name, limit: 50 });
  if (!found.ok) throw new Error(found.error.message);
  const summary = found.value.find((c) => c.name === name);
  if (!summary) return undefined;
  const full = app.core.call('customers.get', { id: summary.id });
  if (!full.ok) throw new Error(full.error.message);
  return full.value;
}

test('customers: create with a lunar birthday, search by name / initials / phone, duplicate warning, edit, field errors', async () => {
  app = await launchApp({ locale: 'zh-CN' });
  const { page } = app;
  await completeSetup(page);
  await signIn(page, ADMIN);

  await page.getByRole('menuitem', { name: '客户' }).click();
  await expect(page.getByTestId('customer-empty')).toContainText('查找客户');
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await expect(page.getByTestId('customer-search')).toHaveAttribute('placeholder', '姓名、拼音首字母、电话、邮箱、微信…');
  await noToasts(page);
  await settle(page);
  await screenshot(page, 'zh-CN-29-customers-empty');

  // A key account: the drawer recommends a contact person until one is chosen.
  await page.getByTestId('customer-new').click();
  await expect(page.getByTestId('customer-drawer-title')).toHaveText('新建客户');
  await expect(page.getByTestId('customer-name')).toBeFocused();
  await page.getByTestId('customer-name').fill('王伟');
  await page.getByTestId('customer-tier').getByText('大客户').click();
  await expect(drawer(page)).toContainText('建议为大客户指定对接人。');
  await pick(page, 'customer-contact', '张敏');
  await expect(drawer(page)).not.toContainText('建议为大客户指定对接人。');
  await page.getByTestId('customer-phone-0').fill('138 0013 8000');
  await page.getByTestId('customer-birthday-calendar').getByText('农历').click();
  await pick(page, 'customer-birthday-month', '8', '八月');
  await pick(page, 'customer-birthday-day', '15', '十五');
  await expect(page.getByTestId('customer-drawer')).toContainText('八月');
  await expect(page.getByTestId('customer-drawer')).toContainText('十五');
  await page.getByTestId('customer-tags').click();
  await page.keyboard.type('车主');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-tags')).toContainText('车主');
  await page.getByTestId('customer-name').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.ant-message')).toContainText('已新建客户 王伟');
  await expect(drawer(page)).toHaveCount(0);

  const wang = customerNamed(app, '王伟')!;
  expect(wang).toMatchObject({
    tier: 'key',
    role: 'end_customer',
    phones: ['138 0013 8000'],
    birthday: { calendar: 'lunar', month: 8, day: 15 },
    contactName: ADMIN.displayName,
    tags: ['车主'],
  });

  // A second customer with another phone; the new-customer button sits next to the search box.
  await page.getByTestId('customer-new-top').click();
  await drawerOpen(page, '新建客户');
  await page.getByTestId('customer-name').fill('王伟华');
  await page.getByTestId('customer-phone-0').fill('139 1234 5678');
  await page.getByTestId('customer-save').click();
  await expect(page.locator('.ant-message')).toContainText('已新建客户 王伟华');
  await expect(drawer(page)).toHaveCount(0);

  // One box, several keys: the name, the pinyin initials, any 3+ digits of a phone.
  await search(page, '王伟', ['王伟', '王伟华']);
  await expect(page.getByTestId('customer-table').locator('.ant-table-row').first()).toContainText('大客户');
  await expect(page.getByTestId('customer-table').locator('.ant-table-row').first()).toContainText(ADMIN.displayName);
  await expect(page.getByTestId('customer-table').locator('.ant-table-row').first()).toContainText('车主');
  await expect(page.getByTestId('customer-count')).toHaveText('找到 2 位客户');
  await noToasts(page);
  await settle(page);
  await screenshot(page, 'zh-CN-30-customers');
  await search(page, 'ww', ['王伟', '王伟华']);
  await search(page, '8000', ['王伟']);
  await search(page, '赵钱孙', []);
  await expect(page.getByTestId('customer-table')).toContainText('没有找到与“赵钱孙”相关的客户');
  await screenshot(page, 'zh-CN-33-customers-none');

  // 王伟 has a ticket (taken in the queue); his drawer lists it.
  const ticket = app.core.call('tickets.create', {
    customer: { id: wang.id },
    typeCode: 'password_reset',
    channel: 'phone',
    priority: 'normal',
    subject: '重置网银密码',
    description: '',
  });
  expect(ticket).toMatchObject({ ok: true });

  // Enter opens the first result; the drawer edits it; Ctrl+Enter saves.
  await page.getByTestId('customer-search').fill('8000');
  await expect(page.getByTestId('customer-table').locator('.ant-table-row')).toHaveCount(1);
  await page.getByTestId('customer-search').press('Enter');
  await drawerOpen(page, '王伟');
  await expect(page.getByTestId('customer-drawer-title')).toContainText('大客户');
  await expect(page.getByTestId('customer-phone-0')).toHaveValue('138 0013 8000');
  await settle(page);
  await screenshot(page, 'zh-CN-31-customer-drawer');
  await expect(page.getByTestId('customer-tickets')).toContainText('重置网银密码');
  await expect(page.getByTestId('customer-tickets')).toContainText('待受理');
  await page.getByTestId('customer-tickets').scrollIntoViewIfNeeded();
  await screenshot(page, 'zh-CN-34-customer-tickets');
  await page.getByTestId('customer-name').scrollIntoViewIfNeeded();
  await page.getByTestId('customer-tags').click();
  await page.keyboard.type('老客户');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-tags')).toContainText('老客户');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.ant-message')).toContainText('已保存客户 王伟');
  await expect(drawer(page)).toHaveCount(0);
  const after = app.core.call('customers.get', { id: wang.id });
  expect(after).toMatchObject({ ok: true, value: { name: '王伟', tags: ['车主', '老客户'] } });
  // The row follows the change (customer.changed).
  await expect(page.getByTestId('customer-table').locator('.ant-table-row').first()).toContainText('老客户');

  // A third customer with 王伟's number: a warning naming him, with a link to open him; not a block.
  await page.getByTestId('customer-new-top').click();
  await drawerOpen(page, '新建客户');
  await page.getByTestId('customer-name').fill('李娜');
  await page.getByTestId('customer-phone-0').fill('13800138000');
  await page.getByTestId('customer-phone-0').press('Tab');
  await expect(page.getByTestId('customer-duplicate')).toContainText('该电话已属于：王伟（大客户）');
  await settle(page);
  await screenshot(page, 'zh-CN-32-customer-duplicate');
  await page.getByTestId('customer-duplicate-open').click();
  await expect(page.getByTestId('customer-drawer-title')).toContainText('王伟');
  await expect(page.getByTestId('customer-name')).toHaveValue('王伟');
  await expect(page.getByTestId('customer-duplicate')).toHaveCount(0);
  await closeDrawer(page);

  // A malformed e-mail is marked on its field, and nothing is created.
  await page.getByTestId('customer-new-top').click();
  await drawerOpen(page, '新建客户');
  await page.getByTestId('customer-name').fill('赵敏');
  await page.getByTestId('customer-email').fill('zhao@@example');
  await page.getByTestId('customer-save').click();
  await expect(drawer(page).locator('.ant-form-item-explain-error')).toHaveText('邮箱格式不正确');
  expect(customerNamed(app, '赵敏')).toBeUndefined();
  await closeDrawer(page);

  // The same screens in English.
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('menuitem', { name: 'Customers' })).toBeVisible();
  await search(page, 'ww', ['王伟', '王伟华']);
  await expect(page.getByTestId('customer-table').locator('.ant-table-row').first()).toContainText('Key account');
  await expect(page.getByTestId('customer-count')).toHaveText('2 customers found');
  await noToasts(page);
  await settle(page);
  await screenshot(page, 'en-30-customers');
  await page.getByTestId('customer-table').locator('.ant-table-row').first().click();
  await drawerOpen(page, '王伟');
  await expect(page.getByTestId('customer-drawer')).toContainText('Month 8');
  await expect(page.getByTestId('customer-drawer')).toContainText('Recent tickets');
  await settle(page);
  await screenshot(page, 'en-31-customer-drawer');
  await closeDrawer(page);
  await page.getByTestId('customer-new-top').click();
  await drawerOpen(page, 'New customer');
  await page.getByTestId('customer-name').fill('Li Na');
  await page.getByTestId('customer-phone-0').fill('138-0013-8000');
  await page.getByTestId('customer-phone-0').press('Tab');
  await expect(page.getByTestId('customer-duplicate')).toContainText('This phone already belongs to: 王伟 (Key account)');
  await settle(page);
  await screenshot(page, 'en-32-customer-duplicate');
});
