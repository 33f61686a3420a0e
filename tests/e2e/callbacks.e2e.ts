// Customers 360 end to end: an agent works the callbacks queue for a morning (reached, no answer,
// the 3DC call of a colleague's repair that turns out unsatisfied and becomes a complaint), the
// inbox; assets in the customer drawer and search by plate and VIN; Chinese and English.
import { expect, test, type Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, AGENT, completeSetup, openFestivalRule, settle, signIn } from './flows';

let app: LaunchedApp;
test.afterEach(async () => app?.close());

const COLLEAGUE = { name: 'lina', displayName: '李娜', password: 'lina-pass-1' };
const CUSTOMER = { kind: 'person' as const, tier: 'standard' as const, role: 'end_customer' as const, email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' };
const VEHICLE = { kind: 'vehicle' as const, vin: null, model: '', lastMaintenance: null, nextMaintenance: null, inspectionDate: null, insuranceRenewal: null };

function must<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
  const r = app.core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** The centre as the morning starts: staff, customers with cars, a repair finished by a colleague. */
function seedCentre(): { repairNumber: string } {
  must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
  must('users.create', { name: AGENT.name, displayName: AGENT.displayName, role: 'agent', password: AGENT.password });
  must('users.create', { name: COLLEAGUE.name, displayName: COLLEAGUE.displayName, role: 'agent', password: COLLEAGUE.password });
  const qian = must('customers.create', { customer: { ...CUSTOMER, name: '钱多多', phones: ['139 1000 2000'] } });
  must('assets.save', { customerId: qian.id, asset: { ...VEHICLE, plate: '沪A·88888', model: '帕萨特', vin: 'LSVAU218XN2183294', deliveryDate: '2026-02-24' } });
  const sun = must('customers.create', { customer: { ...CUSTOMER, name: '孙丽', phones: ['138 2000 3000'] } });
  must('assets.save', { customerId: sun.id, asset: { ...VEHICLE, plate: '粤BD12345', model: '比亚迪 汉', deliveryDate: '2026-02-24' } });
  const zhang = must('customers.create', { customer: { ...CUSTOMER, name: '张三丰', phones: ['137 3000 4000'], tier: 'key' } });
  must('auth.signIn', { name: COLLEAGUE.name, password: COLLEAGUE.password });
  const repair = must('tickets.create', { customer: { id: zhang.id }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '空调不制冷，已维修', description: '' });
  for (const action of ['accept', 'resolve', 'feedback', 'close'] as const) must('tickets.act', { id: repair.id, action });
  must('auth.signOut', {});
  return { repairNumber: repair.number };
}

const drawer = (page: Page) => page.getByTestId('callback-drawer');
const tab = (page: Page, bucket: 'overdue' | 'dueToday' | 'upcoming') => page.getByTestId(`callbacks-tab-${bucket}`);
const rows = (page: Page, bucket: 'overdue' | 'dueToday' | 'upcoming' = 'dueToday') => page.getByTestId(`callback-table-${bucket}`).locator('.ant-table-row');

async function noToasts(page: Page): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
}

test('an agent works the callbacks queue for a morning; an unsatisfied 3DC becomes a complaint', async () => {
  app = await launchApp({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await completeSetup(page);
  await expect(page.getByTestId('signin-submit')).toBeVisible();
  const { repairNumber } = seedCentre();
  await signIn(page, AGENT);

  await page.getByRole('menuitem', { name: '回访' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('回访');
  // Two 7DC delivery callbacks due today; the 3DC of the repair is due on Friday.
  await expect(tab(page, 'dueToday')).toContainText('2');
  await expect(tab(page, 'upcoming')).toContainText('1');
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText('7DC 交车回访');
  await settle(page);
  await screenshot(page, 'zh-CN-60-callbacks-queue');

  // First call: reached, all fives.
  await rows(page).filter({ hasText: '钱多多' }).click();
  await expect(page.getByTestId('callback-drawer-title')).toHaveText('回访 · 钱多多');
  await expect(page.getByTestId('callback-script')).toContainText('感谢您选购');
  const questions = page.getByTestId('callback-question');
  await expect(questions).toHaveCount(3);
  await expect(page.getByTestId('callback-save')).toBeDisabled(); // every question needs a score
  for (let i = 0; i < 3; i++) await questions.nth(i).locator('.ant-rate-star').nth(4).click();
  await page.getByTestId('callback-notes').fill('对交车讲解很满意');
  await settle(page);
  await screenshot(page, 'zh-CN-61-callback-drawer');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('callback-drawer')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(1);

  // Second call: no answer (key 2) → tried again on the next working day.
  await rows(page).first().click();
  await expect(page.getByTestId('callback-drawer-title')).toHaveText('回访 · 孙丽');
  await page.getByTestId('callback-drawer-title').click();
  await page.keyboard.press('2');
  await expect(page.getByTestId('callback-outcome').locator('.ant-radio-button-wrapper-checked')).toContainText('未接听');
  await page.getByTestId('callback-save').click();
  await expect(page.getByTestId('callback-drawer')).toHaveCount(0);
  await expect(tab(page, 'dueToday')).toContainText('0');
  await expect(tab(page, 'upcoming')).toContainText('2');

  // Friday morning: the 3DC of 李娜's repair falls due; the inbox tells.
  await app.setTime('2026-03-06T09:05:00+08:00');
  await expect(page.getByTestId('inbox-badge').locator('.ant-badge-count')).toBeVisible();
  await page.getByTestId('inbox-open').click();
  const item = page.getByTestId('inbox-item').filter({ hasText: '3DC 维修回访' });
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-read', 'no');
  await noToasts(page).catch(() => undefined);
  await settle(page);
  await screenshot(page, 'zh-CN-62-inbox');
  await item.click();
  await expect(page.getByTestId('callback-drawer-title')).toHaveText('回访 · 张三丰');
  await expect(drawer(page)).toContainText(repairNumber);
  await expect(drawer(page)).toContainText('服务人：李娜');
  const q = page.getByTestId('callback-question');
  await q.nth(0).locator('.ant-rate-star').nth(3).click();
  await q.nth(1).locator('.ant-rate-star').nth(1).click(); // 2 of 5: unsatisfied
  await q.nth(2).locator('.ant-rate-star').nth(3).click();
  await page.getByTestId('callback-notes').fill('空调仍有异响，客户不满意');
  await page.getByTestId('callback-save').click();
  await expect(page.getByTestId('callback-complaint')).toContainText('已生成投诉工单');

  // The complaint is in the queue, for the customer, naming the original ticket.
  await page.getByTestId('callback-complaint').getByText('打开投诉工单').click();
  await expect(page.getByTestId('page-title')).toHaveText('工单队列');
  await expect(page.locator('body')).toContainText('回访不满意');
  const complaint = (must('search.all', { q: '回访不满意' }).tickets)[0]!;
  expect(complaint).toMatchObject({ typeCode: 'complaint', customer: { name: '张三丰' } });
  await settle(page);
  await screenshot(page, 'zh-CN-63-complaint-from-callback');
});

test('customers 360 in English: assets in the drawer, search by plate and VIN, the callbacks queue', async () => {
  app = await launchApp({ locale: 'en-US' });
  const { page } = app;
  await completeSetup(page);
  await expect(page.getByTestId('signin-submit')).toBeVisible();
  seedCentre();
  await signIn(page, ADMIN);

  await page.getByRole('menuitem', { name: 'Customers' }).click();
  const search = page.getByTestId('customer-search');
  const table = page.getByTestId('customer-table').locator('.ant-table-row');
  for (const q of ['沪A88888', 'A88888', 'BD12345', 'LSVAU218XN2183294', '183294', 'sanfeng', 'qdd']) {
    await search.fill(q);
    await expect(table.first(), q).toBeVisible();
    await expect(table, q).toHaveCount(1);
  }
  await search.fill('A88888');
  await expect(table).toContainText('钱多多');
  await table.first().click();
  const assets = page.getByTestId('customer-assets');
  await expect(assets).toContainText('沪A88888 帕萨特');
  await expect(assets).toContainText('Delivered 2026-02-24');

  // Add a new-energy car: a wrong plate is refused, a mistyped VIN check digit only warns.
  await page.getByTestId('asset-add').click();
  await page.locator('.ant-dropdown-menu-item', { hasText: 'Vehicle' }).click();
  await page.getByTestId('asset-plate').fill('沪12345');
  await page.getByTestId('asset-vin').fill('LSVAU2180N2183294');
  await page.getByTestId('asset-model').fill('Model Y');
  await page.getByTestId('asset-save').click();
  await expect(page.getByTestId('asset-form')).toContainText('Not a valid plate number');
  await expect(page.getByTestId('asset-form')).toContainText('VIN check digit does not match (expected X)');
  await page.getByTestId('asset-plate').fill('沪AD12345');
  await expect(page.getByTestId('asset-form')).not.toContainText('Not a valid plate number');
  await settle(page);
  await screenshot(page, 'en-64-asset-form');
  await page.getByTestId('asset-save').click();
  await expect(page.getByTestId('asset-form')).toHaveCount(0);
  await expect(assets.getByTestId('asset-row')).toHaveCount(2);
  await expect(assets).toContainText('New energy');
  await noToasts(page);
  await assets.scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'en-65-customer-assets');
  await page.locator('.ant-drawer-close').click();

  await search.fill('AD12345');
  await expect(table).toHaveCount(1);
  await expect(table).toContainText('钱多多');

  await page.getByRole('menuitem', { name: 'Callbacks' }).click();
  await expect(tab(page, 'dueToday')).toContainText('Due today');
  await expect(rows(page)).toHaveCount(2);
  await rows(page).first().click();
  await expect(drawer(page)).toContainText('7DC delivery callback');
  await settle(page);
  await screenshot(page, 'en-66-callbacks-queue');
  await page.locator('.ant-drawer-close').click();

  // The admin edits the rules: 3DC three days after the repair, by a colleague.
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Callback rules' }).click();
  const rules = page.getByTestId('callback-rules');
  const dc3 = rules.locator('.ant-table-row', { hasText: '3DC repair callback' });
  await expect(dc3).toContainText('3 d after');
  await expect(dc3).toContainText('A colleague (not who served)');
  await expect(rules.locator('.ant-table-row', { hasText: 'Premium renewal reminder' })).toContainText('3 mo before, 2 mo before, 1 mo before');
  await dc3.getByTestId('rule-edit').click();
  await page.getByTestId('rule-offsets').fill('4');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(dc3).toContainText('4 d after');
  await noToasts(page);
  await settle(page);
  await screenshot(page, 'en-67-callback-rules');

  // The seeded festival greeting: five festivals to key accounts, edited with checkboxes.
  await openFestivalRule(page, { name: 'Festival greeting', trigger: "Festivals: New Year's Day, Spring Festival, Labour Day, Mid-Autumn Festival, National Day (Key accounts)", audience: 'Key accounts' });
  await screenshot(page, 'en-68-festival-rule');
});
