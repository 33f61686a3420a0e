// The intake queue end to end, with a moved clock: a key-account password reset by phone walks
// through its whole life; a ticket left alone turns amber, then red, at the right instants.
import { expect, test, type Page } from '@playwright/test';
import { APP_ORIGIN, launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, AGENT, chooseLanguage, completeSetup, dismissNotices, signIn, signOut } from './flows';

const MIN = 60_000;
let app: LaunchedApp;
test.afterEach(async () => app?.close());

/** A tolerance for the real seconds the browser spends between two steps (both clocks run on). */
const SLACK = 15_000;

async function openQueueAsAgent(page: Page): Promise<void> {
  await completeSetup(page);
  await signIn(page, ADMIN);
  app.core.call('users.create', { name: AGENT.name, displayName: AGENT.displayName, role: 'agent', password: AGENT.password });
  await signOut(page);
  await signIn(page, AGENT);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('page-title')).toHaveText('工单队列');
}

async function registerTicket(page: Page, o: { customer: string; phone: string; key: boolean; type: string; subject: string }) {
  await page.keyboard.press('Alt+N');
  await page.getByTestId('intake-customer-search').locator('input').fill(o.customer);
  await page.locator('.ant-select-item-option', { hasText: `新建客户「${o.customer}」` }).click();
  await page.getByTestId('intake-new-phone').fill(o.phone);
  if (o.key) await page.getByTestId('intake-new-tier').getByText('大客户').click();
  await page.getByTestId('intake-type').click();
  await page.locator('.ant-select-item-option', { hasText: o.type }).first().click();
  await page.getByTestId('intake-subject').fill(o.subject);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  return page.getByTestId('intake-target');
}

const row = (page: Page, number: string) => page.locator(`[data-testid="queue-row"][data-number="${number}"]`);
const tone = (page: Page, number: string) => row(page, number).getByTestId('countdown');

async function act(page: Page, action: string, note?: string) {
  await page.getByTestId(`action-${action}`).click();
  if (note !== undefined) {
    await page.getByTestId('dialog-text').fill(note);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect(page.locator('.ant-modal-wrap')).toHaveCount(0);
  }
}

test('a key-account password reset by phone: accept, wait, resume, resolve, feedback — no overtime', async () => {
  app = await launchApp({ locale: 'zh-CN', time: '2026-03-03T10:00:00+08:00' });
  const { page } = app;
  await openQueueAsAgent(page);

  // B: a standard account opening, registered and then left alone (30 working minutes).
  await registerTicket(page, { customer: '李娜', phone: '139 0000 1111', key: false, type: '常规开户', subject: '开户' });
  await page.getByTestId('intake-save').click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  const b = (app.core.call('tickets.queue', {}) as { ok: true; value: { number: string; sla: { start: number } }[] }).value[0]!;

  // A: the key-account password reset (15 minutes on the key-account line), target shown first.
  const target = await registerTicket(page, { customer: '王伟', phone: '138 0013 8000', key: true, type: '重置密码', subject: '网银密码重置' });
  await expect(target).toContainText('大客户时效：15 分钟（全天候）');
  await screenshot(page, 'zh-CN-40-intake');
  await page.getByTestId('intake-save').click();
  const numberA = (await page.getByTestId('ticket-number').textContent())!.trim();
  expect(numberA).toMatch(/^A1-20260303-0002$/);
  await expect(row(page, numberA)).toContainText('王伟');
  await expect(row(page, numberA).getByTestId('tier-key')).toBeVisible();
  await expect(tone(page, numberA)).toHaveAttribute('data-tone', 'ok');

  await act(page, 'accept');
  await expect(page.getByTestId('ticket-panel')).toContainText('已受理');
  await app.advance(5 * MIN);
  await act(page, 'wait', '等待客户提供身份证明');
  await expect(tone(page, numberA)).toHaveAttribute('data-tone', 'paused');
  const frozen = await tone(page, numberA).textContent();
  await app.advance(10 * MIN);
  await expect(page.getByTestId('status-time')).toContainText('10:15'); // the page's clock moved on…
  await expect(tone(page, numberA)).toHaveText(frozen!); // …but the countdown is grey and stopped
  await screenshot(page, 'zh-CN-41-queue-paused');

  await act(page, 'resume');
  await expect(tone(page, numberA)).toHaveAttribute('data-tone', 'ok');
  await app.advance(3 * MIN);
  await act(page, 'resolve', '已重置并短信告知初始密码');
  await act(page, 'feedback', '已电话确认客户登录成功');
  await expect(row(page, numberA)).toHaveCount(0); // left the queue
  await expect(page.getByTestId('ticket-panel')).toContainText('已反馈');
  await screenshot(page, 'zh-CN-42-detail');

  const detail = app.core.call('tickets.queue', {});
  expect(detail.ok).toBe(true);
  const a = app.core.db.prepare('SELECT created_at, feedback_at, pauses, overtime_minutes FROM tickets WHERE number = ?').get(numberA) as {
    created_at: number;
    feedback_at: number;
    pauses: string;
    overtime_minutes: number;
  };
  const paused = (JSON.parse(a.pauses) as { from: number; to: number }[]).reduce((s, p) => s + p.to - p.from, 0);
  const worked = a.feedback_at - a.created_at - paused;
  expect(worked).toBeGreaterThanOrEqual(8 * MIN);
  expect(worked).toBeLessThan(8 * MIN + SLACK);
  expect(paused).toBeGreaterThanOrEqual(10 * MIN);
  expect(a.overtime_minutes).toBe(0);

  // B, left alone: amber from 80 % of 30 minutes (24 min), red from 30 minutes.
  await page.getByTestId('queue-filter').getByText('全部').click();
  const iso = (ms: number) => new Date(ms).toISOString();
  await app.setTime(iso(b.sla.start + 24 * MIN - SLACK));
  await expect(tone(page, b.number)).toHaveAttribute('data-tone', 'ok');
  await app.setTime(iso(b.sla.start + 24 * MIN + 1_000));
  await expect(tone(page, b.number)).toHaveAttribute('data-tone', 'warning');
  await app.setTime(iso(b.sla.start + 30 * MIN - SLACK));
  await expect(tone(page, b.number)).toHaveAttribute('data-tone', 'warning');
  await app.setTime(iso(b.sla.start + 30 * MIN + 1_000));
  await expect(tone(page, b.number)).toHaveAttribute('data-tone', 'breached');
  await expect(tone(page, b.number)).toHaveText(/^\+0:00:\d\d$/);
  await page.getByTestId('queue-filter').getByText('已超时').click();
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await screenshot(page, 'zh-CN-43-queue-breached');

  // The scheduler told the agent on this seat: warning, then breach of the unassigned ticket.
  await expect(page.locator('.ant-notification-notice-error')).toContainText(`已超时：${b.number}`);
  await dismissNotices(page, (ms) => app.advance(ms));
  await chooseLanguage(page, 'English');
  await expect(page.getByTestId('page-title')).toHaveText('Queue');
  await page.getByTestId('queue-filter').getByText('All').click();
  await row(page, b.number).click();
  await screenshot(page, 'en-43-queue-breached');
  await page.keyboard.press('Alt+N');
  await page.getByTestId('intake-customer-search').locator('input').fill('王伟');
  await page.locator('.ant-select-item-option', { hasText: '138 0013 8000' }).click();
  await page.getByTestId('intake-type').click();
  await page.locator('.ant-select-item-option', { hasText: 'Password reset' }).first().click();
  await expect(page.getByTestId('intake-target')).toContainText('Key account target: 15 min (24x7)');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(page, 'en-40-intake');
});

test('the keyboard drives the queue; an impossible step is refused by the main process', async () => {
  app = await launchApp({ locale: 'zh-CN', time: '2026-03-03T10:00:00+08:00' });
  const { page } = app;
  await openQueueAsAgent(page);
  await registerTicket(page, { customer: '张敏', phone: '021 6234 5678', key: false, type: '授权码', subject: '授权码申请' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('a'); // accept with a key
  await expect(page.getByTestId('ticket-panel')).toContainText('已受理');
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: '快捷键' })).toContainText('工单队列中');
  await screenshot(page, 'zh-CN-44-shortcuts');
  await page.keyboard.press('Escape');

  // A refused step shows the main process's translated reason and changes nothing.
  const id = (app.core.db.prepare('SELECT id FROM tickets').pluck().get() as string);
  const refused = await page.evaluate((ticketId) => window.kefu.invoke('tickets.act', { id: ticketId, action: 'close' }), id);
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.ticketTransition' } });
});

test('accept → resolve → feedback: the panel, the queue and the wall-board show each step from what the call and its event carry, never asking again', async () => {
  app = await launchApp({ locale: 'zh-CN', time: '2026-03-03T10:00:00+08:00' });
  const { page } = app;
  await openQueueAsAgent(page);
  const created = app.core.call('tickets.create', {
    customer: { new: { kind: 'person', name: '陈刚', tier: 'standard', role: 'end_customer', phones: ['13912345678'], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' } },
    typeCode: 'auth_code',
    channel: 'phone',
    priority: 'normal',
    subject: '授权码申请',
    description: '',
  });
  if (!created.ok) throw new Error(created.error.message);
  const { number } = created.value;
  // The ticket made elsewhere reached the queue by its event alone.
  await expect(row(page, number)).toBeVisible();
  await row(page, number).click();
  await expect(page.getByTestId('ticket-panel')).toContainText('待受理');
  const timelineItems = page.getByTestId('ticket-timeline').locator('.ant-timeline-item');
  await expect(timelineItems).toHaveCount(1);
  const board = await app.context.newPage();
  await board.goto(`${APP_ORIGIN}/wallboard.html`);
  const figure = (key: string) => board.getByTestId(`figure-${key}`).getByTestId('figure-value');
  await expect(figure('waiting')).toHaveText('1');
  await expect(board.locator(`[data-testid="board-tile"][data-number="${number}"]`)).toBeVisible();

  // From here on: only the actions themselves cross window.kefu.
  const from = app.invocations.length;
  await act(page, 'accept');
  await expect(page.getByTestId('ticket-panel')).toContainText('已受理');
  await expect(timelineItems).toHaveCount(2); // the timeline came with the result, too
  await expect(figure('waiting')).toHaveText('0');
  await expect(figure('inProgress')).toHaveText('1');
  await act(page, 'resolve', '已发送授权码');
  await expect(page.getByTestId('ticket-panel')).toContainText('已解决');
  await expect(page.getByTestId('ticket-timeline')).toContainText('已发送授权码');
  await expect(row(page, number)).toBeVisible();
  await expect(figure('inProgress')).toHaveText('0');
  await act(page, 'feedback', '已电话告知客户');
  await expect(page.getByTestId('ticket-panel')).toContainText('已反馈');
  await expect(row(page, number)).toHaveCount(0);
  await expect(figure('completed')).toHaveText('1');
  await expect(board.locator(`[data-testid="board-tile"][data-number="${number}"]`)).toHaveCount(0);
  // Longer than the board's coalescing gap: a refetch it had scheduled would have gone out by now.
  await page.waitForTimeout(1_000);
  const calls = app.invocations.slice(from).map((c) => `${c.page} ${c.method}`);
  // Other lists may follow their own events (feedback plans callbacks); the ticket, the queue and the board are not re-read.
  expect(calls.filter((c) => /tickets\.(get|queue)|board\.snapshot/.test(c))).toEqual([]);
  expect(calls.filter((c) => c.endsWith('tickets.act'))).toEqual(['/index.html tickets.act', '/index.html tickets.act', '/index.html tickets.act']);
  await screenshot(page, 'zh-CN-45-detail-after-feedback');
  await screenshot(board, 'zh-CN-46-wallboard-after-feedback');
});
