// A new agent's morning on a 1366×768 laptop, in Chinese and in English (issue 14): the queue
// with the detail open keeps every countdown whole, a long ticket does not push its actions and
// SLA panel out of sight, intake saves once however fast Ctrl+Enter is pressed, Esc closes the
// drawer, the request-type picker reaches all 15 types, the new-type dialog fits, nothing in the
// English layout is broken mid-word or cut at an edge.
import { expect, test, type Locator } from '@playwright/test';
import type { TicketRow } from '../../shared/tickets/types';
import { launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, completeSetup, settle, signIn } from './flows';

const VIEWPORT = { width: 1366, height: 768 };
let app: LaunchedApp;
test.afterEach(async () => app?.close());

const LANGS = [
  { lang: 'zh-CN', locale: 'zh-CN', queue: '工单队列', newCustomer: (n: string) => `新建客户「${n}」`, showMore: '展开', settings: '设置', levels: '服务时效' },
  { lang: 'en', locale: 'en-US', queue: 'Queue', newCustomer: (n: string) => `New customer “${n}”`, showMore: 'Show more', settings: 'Settings', levels: 'Service levels' },
] as const;

const LONG_SUBJECT = '客户反映网银登录后无法查看历史交易明细并且多次重置密码仍然提示账户异常需要尽快处理，'.repeat(3).slice(0, 120);
const LONG_DESCRIPTION = Array.from({ length: 80 }, (_, i) => `第${i + 1}段：客户来电说明情况，已核实身份，需要后台协助排查登录异常与交易明细缺失的问题。`).join('\n').slice(0, 4000);

const customer = (name: string, tier: 'standard' | 'key', phone: string) => ({
  new: { kind: 'person' as const, name, tier, role: 'end_customer' as const, phones: [phone], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' },
});

/** Tickets of every shape a real morning has: key accounts, urgent, a very long one. */
function seed(a: LaunchedApp): TicketRow {
  const call = <T,>(method: string, input: unknown) => {
    const r = a.core.invoke(method, input) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const make = (name: string, tier: 'standard' | 'key', typeCode: string, priority: string, subject: string, description = '') =>
    call<TicketRow>('tickets.create', { customer: customer(name, tier, `139 0000 ${String(1000 + name.length).slice(-4)}`), typeCode, channel: 'phone', priority, subject, description });
  make('上海宏达贸易有限公司', 'key', 'account_open_online', 'urgent', '网上开户业务归属确认');
  make('欧阳娜娜', 'standard', 'data_change', 'high', '资料变更：手机号码');
  make('张三丰', 'key', 'complaint', 'normal', '投诉：营业厅排队时间过长');
  make('李娜', 'standard', 'login_unlock', 'normal', '登录名解锁');
  const long = make('王伟', 'key', 'remote_help', 'urgent', LONG_SUBJECT, LONG_DESCRIPTION);
  make('赵敏', 'standard', 'consultation', 'low', '咨询理财产品');
  return long;
}

/** The box of an element is wholly inside another's (1 px of rounding allowed). */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  if (!a || !b) return false;
  return a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
}

/** Text that does not fit its box (cut by an ellipsis, overflow or a line break inside a word). */
async function clipped(el: Locator): Promise<boolean> {
  return el.evaluate((e) => e.scrollWidth > e.clientWidth + 1);
}

const inViewport = async (el: Locator) => {
  const b = await el.boundingBox();
  return !!b && b.y >= 0 && b.y + b.height <= VIEWPORT.height && b.x >= 0 && b.x + b.width <= VIEWPORT.width;
};

for (const L of LANGS) {
  test(`1366×768 ${L.lang}: queue with the detail open, a long ticket, intake, pickers and dialogs`, async () => {
    app = await launchApp({ locale: L.locale, viewport: VIEWPORT, time: '2026-03-03T10:00:00+08:00' });
    const { page } = app;
    await completeSetup(page);
    await signIn(page, ADMIN);
    const long = seed(app);
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('page-title')).toHaveText(L.queue);
    const rows = page.getByTestId('queue-row');
    await expect(rows).toHaveCount(6);

    // 6: the long ticket's detail: subject and description clamped, actions and SLA panel in view.
    await rows.filter({ hasText: '王伟' }).click();
    const panel = page.getByTestId('ticket-panel');
    await expect(panel.getByTestId('ticket-number')).toHaveText(long.number);
    await settle(page);
    await screenshot(page, `${L.lang}-89-laptop-detail-opened`);
    await expect(page.getByTestId('action-accept')).toBeVisible();
    expect(await inViewport(page.getByTestId('action-accept')), 'the actions are above the fold').toBe(true);
    expect(await inViewport(page.getByTestId('sla-panel')), 'the SLA panel is above the fold').toBe(true);
    await expect(panel.getByTestId('ticket-description').getByText(L.showMore)).toBeVisible();

    // 1: with the detail open every countdown is whole, subjects keep room, the filters fit.
    const list = page.getByTestId('queue-list');
    for (const row of await rows.all()) {
      const countdown = row.getByTestId('countdown');
      expect(await inside(countdown, list), 'countdown inside the list').toBe(true);
      expect(await clipped(countdown), 'countdown not cut').toBe(false);
      const subject = row.getByTestId('queue-subject');
      expect((await subject.boundingBox())!.width, 'the subject keeps room').toBeGreaterThan(100);
      // 9: tags do not overlap the subject.
      for (const tag of await row.locator('.ant-tag').all()) {
        const [tb, sb] = [(await tag.boundingBox())!, (await subject.boundingBox())!];
        const overlaps = tb.x < sb.x + sb.width && sb.x < tb.x + tb.width && tb.y < sb.y + sb.height && sb.y < tb.y + tb.height;
        expect(overlaps, 'a tag overlaps the subject').toBe(false);
      }
    }
    const toolbar = page.getByTestId('queue-toolbar');
    for (const chip of await page.getByTestId('queue-filter').locator('[data-filter]').all()) {
      expect(await inside(chip, toolbar), `filter chip ${await chip.textContent()} inside the toolbar`).toBe(true);
      expect(await clipped(chip), `filter chip ${await chip.textContent()} not truncated`).toBe(false);
    }
    // 9: no word broken across lines in the detail's labels and values.
    for (const cell of await panel.locator('.ant-descriptions-item-label, .ant-descriptions-item-content').all()) {
      const wrap = await cell.evaluate((e) => `${getComputedStyle(e).wordBreak} ${getComputedStyle(e).overflowWrap}`);
      expect(wrap, 'no break inside words').toBe('normal normal');
      expect(await clipped(cell), `"${await cell.textContent()}" fits`).toBe(false);
    }
    await screenshot(page, `${L.lang}-90-laptop-queue-detail`);

    await panel.getByTestId('ticket-description').getByText(L.showMore).click();
    await expect(panel.getByTestId('ticket-description')).toContainText('第80段');
    await screenshot(page, `${L.lang}-91-laptop-detail-expanded`);

    // 10: Esc closes the intake drawer even while the customer box has text.
    await page.keyboard.press('Alt+N');
    const drawer = page.locator('.ant-drawer-section');
    await expect(drawer).toBeVisible();
    await page.getByTestId('intake-customer-search').locator('input').fill('周');
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(1); // the suggestions are open
    await page.keyboard.press('Escape'); // shuts the suggestions, the text stays
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
    await expect(drawer).toHaveCount(1);
    await page.keyboard.press('Escape'); // closes the drawer
    await expect(drawer).toHaveCount(0);

    // 2: Ctrl+Enter twice quickly saves one ticket.
    await page.keyboard.press('Alt+N');
    await page.getByTestId('intake-customer-search').locator('input').fill('周杰');
    await page.locator('.ant-select-item-option', { hasText: L.newCustomer('周杰') }).click();
    await page.getByTestId('intake-new-phone').fill('137 0000 2222');
    // 10: the request-type picker scrolls to every one of the 15 types, all on screen.
    await page.getByTestId('intake-type').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await expect(dropdown).toBeVisible();
    expect(await inViewport(dropdown), 'the type list is on screen').toBe(true);
    await screenshot(page, `${L.lang}-92-laptop-type-picker`);
    await dropdown.hover();
    await page.mouse.wheel(0, 2000);
    const last = dropdown.locator('.ant-select-item-option', { hasText: L.lang === 'en' ? 'After-sales request' : '售后' });
    await expect(last).toBeVisible();
    expect(await inside(last, dropdown)).toBe(true);
    await last.click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    // 9: "Urgent" is not cut at the drawer's edge.
    const urgent = drawer.getByTestId('intake-priority').locator('.ant-segmented-item').last();
    await urgent.scrollIntoViewIfNeeded();
    expect(await inside(urgent, drawer), 'the last priority inside the drawer').toBe(true);
    await page.getByTestId('intake-subject').fill('重复保存测试');
    await screenshot(page, `${L.lang}-93-laptop-intake`);
    const before = (app.core.invoke('tickets.queue', {}) as { ok: true; value: TicketRow[] }).value.length;
    await page.getByTestId('intake-subject').press('Control+Enter');
    await page.getByTestId('intake-subject').press('Control+Enter').catch(() => {});
    await expect(drawer).toHaveCount(0);
    await expect(rows).toHaveCount(before + 1);
    await page.waitForTimeout(500); // a second save, if one slipped through, would have landed by now
    const after = (app.core.invoke('tickets.queue', {}) as { ok: true; value: TicketRow[] }).value;
    expect(after.filter((r) => r.subject === '重复保存测试')).toHaveLength(1);

    // 10: the "new request type" dialog fits in 768 px, title and buttons on screen.
    await page.getByRole('menuitem', { name: L.settings }).click();
    await page.getByRole('tab', { name: L.levels }).click();
    await page.getByTestId('catalogue-add').click();
    const modal = page.locator('.ant-modal-container, .ant-modal-content').first();
    await expect(modal).toBeVisible();
    await settle(page);
    await page.waitForTimeout(400);
    expect(await inViewport(page.locator('.ant-modal-title')), 'the dialog title is on screen').toBe(true);
    expect(await inViewport(page.getByTestId('type-form-save')), 'the save button is on screen').toBe(true);
    await screenshot(page, `${L.lang}-94-laptop-new-type`);
  });
}

