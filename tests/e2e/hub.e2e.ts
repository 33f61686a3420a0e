// Two seats and a TV of one centre, each a real core on its own SQLite folder, all syncing with a
// real PostgreSQL started by the test: a ticket registered through seat A's screens reaches seat
// B's queue and the wall-board TV within a second.
//
// What is timed: the hub path, from seat A's core committing the ticket (its ticket.changed event)
// to seat B's and the TV's cores having applied it (their ticket.changed events, which are what
// the windows receive). That is the product's promise and it does not depend on how fast a loaded
// 2-core machine lets Chromium paint; the paint that follows is checked (it must happen) and its
// delay is printed, not asserted against the second.
import { expect, test, type Page } from '@playwright/test';
import type { AppEvent } from '../../shared/contract';
import type { Core } from '../../electron/core';
import { findPgBin, startPgServer, type PgServer } from '../integration/hub/pgServer';
import { ADMIN, completeSetup, signIn, signOut } from './flows';
import { launchApp, screenshot, type LaunchedApp } from './harness';

const { bin, reason } = findPgBin();
const HUB = { retryMs: 200, maxRetryMs: 1000 };
const TV = { name: 'tv1', displayName: '大厅电视', password: 'board-pass-1' };

let hub: PgServer | null = null;
const apps: LaunchedApp[] = [];
test.afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  hub?.destroy();
  hub = null;
});

/** When a core first published a ticket (by id): the moment it was committed or applied there. */
function ticketMoments(core: Core): Map<string, number> {
  const seen = new Map<string, number>();
  core.on((e: AppEvent) => {
    if (e.type === 'ticket.changed' && !seen.has(e.ticket.id)) seen.set(e.ticket.id, performance.now());
  });
  return seen;
}

async function until<T>(get: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const inSync = (core: Core) => expect.poll(() => core.hub.status(), { timeout: 30_000 }).toMatchObject({ state: 'online', toSend: 0 });

async function registerTicket(page: Page, o: { customer: string; phone: string; type: string; subject: string }) {
  await page.keyboard.press('Alt+N');
  await page.getByTestId('intake-customer-search').locator('input').fill(o.customer);
  await page.locator('.ant-select-item-option', { hasText: `新建客户「${o.customer}」` }).click();
  await page.getByTestId('intake-new-phone').fill(o.phone);
  await page.getByTestId('intake-type').click();
  await page.locator('.ant-select-item-option', { hasText: o.type }).first().click();
  await page.getByTestId('intake-subject').fill(o.subject);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

const row = (page: Page, number: string) => page.locator(`[data-testid="queue-row"][data-number="${number}"]`);
const tile = (page: Page, number: string) => page.locator(`[data-testid="board-tile"][data-number="${number}"]`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

test('a ticket registered on seat A reaches seat B’s queue and the wall-board TV within a second', async () => {
  test.skip(!bin, `no PostgreSQL to run a hub: ${reason}`);
  hub = await startPgServer({ auth: 'password' });
  const connection = hub.connection();

  // Seat A: set up on its first run, then the admin connects it to the hub in Settings (uploads).
  const a = await launchApp({ locale: 'zh-CN', hub: HUB });
  apps.push(a);
  await completeSetup(a.page);
  await signIn(a.page, ADMIN);
  a.core.call('users.create', { name: TV.name, displayName: TV.displayName, role: 'wallboard', password: TV.password });
  await a.page.keyboard.press('Alt+4');
  await a.page.getByRole('tab', { name: '多坐席同步' }).click();
  await a.page.getByTestId('hub-host').fill(connection.host);
  await a.page.getByTestId('hub-port').fill(String(connection.port));
  await a.page.getByTestId('hub-database').fill(connection.database);
  await a.page.getByTestId('hub-user').fill(connection.user);
  await a.page.getByTestId('hub-password').fill(connection.password);
  await a.page.getByTestId('hub-connect').click();
  await expect(a.page.getByTestId('status-hub')).toHaveAttribute('data-state', 'online');
  await inSync(a.core);

  // Seat B and the TV: new PCs that join the centre and download it (users included).
  const newPc = async (viewport?: { width: number; height: number }) => {
    // The PCs of a centre show the same time (the seats' clocks are set by the network).
    const app = await launchApp({ locale: 'zh-CN', hub: HUB, time: new Date(a.now()).toISOString(), ...(viewport ? { viewport } : {}) });
    apps.push(app);
    return app;
  };
  // Seat B joins from its first-run page: a mistyped password first, then the right one.
  const b = await newPc();
  await b.page.getByTestId('setup-mode-join').click();
  await b.page.getByTestId('hub-host').fill(connection.host);
  await b.page.getByTestId('hub-port').fill(String(connection.port));
  await b.page.getByTestId('hub-password').fill('wrong-password');
  await b.page.getByTestId('join-seat').fill('b2');
  await b.page.getByTestId('join-test').click();
  await expect(b.page.getByTestId('join-test-result')).toContainText('中心服务器拒绝了用户名或密码');
  await b.page.getByTestId('join-submit').click();
  await expect(b.page.getByTestId('join-error')).toContainText('中心服务器拒绝了用户名或密码');
  await screenshot(b.page, 'zh-CN-69-hub-join-wrong-password');
  await b.page.getByTestId('hub-password').fill(connection.password);
  await b.page.getByTestId('join-test').click();
  await expect(b.page.getByTestId('join-test-result')).toContainText('服务器上已有中心“华东区客服中心”');
  await b.page.getByTestId('join-submit').click();
  await expect(b.page.getByText('已加入“华东区客服中心”，请用中心的账号登录。')).toBeVisible();
  await expect(b.page.getByTestId('signin-submit')).toBeVisible();
  await inSync(b.core);
  // The TV joins the same way (through the core here: the screens were just walked through).
  const tv = await newPc({ width: 1920, height: 1080 });
  expect(tv.core.call('hub.join', { connection, seatCode: 'TV' }).ok).toBe(true);
  await expect(tv.page.getByTestId('signin-submit')).toBeVisible();
  await inSync(tv.core);
  await signIn(b.page, ADMIN);
  await b.page.keyboard.press('Alt+2');
  await expect(b.page.getByTestId('page-title')).toHaveText('工单队列');
  await tv.page.getByTestId('signin-name').fill(TV.name);
  await tv.page.getByTestId('signin-password').fill(TV.password);
  await tv.page.getByTestId('signin-submit').click();
  await expect(tv.page.getByTestId('wallboard')).toBeVisible();
  await expect(tv.page.getByTestId('figure-waiting').getByTestId('figure-value')).toHaveText('0');

  // Every seat has caught up (the TV's sign-in was a change too): the timing below is of this call alone.
  for (const app of [a, b, tv]) await inSync(app.core);
  const atA = ticketMoments(a.core);
  const atB = ticketMoments(b.core);
  const atTv = ticketMoments(tv.core);

  // An agent at seat A registers a call through the intake form.
  await a.page.keyboard.press('Alt+2');
  await registerTicket(a.page, { customer: '李娜', phone: '139 0000 1111', type: '重置密码', subject: '网银密码重置' });
  await a.page.getByTestId('intake-save').click();
  const number = (await a.page.getByTestId('ticket-number').textContent())!.trim();
  expect(number).toMatch(/^A1-/);
  const id = (a.core.call('tickets.queue', {}) as { ok: true; value: { id: string; number: string }[] }).value.find((t) => t.number === number)!.id;
  const committed = await until(() => atA.get(id), 'the ticket committed on seat A');
  const onB = await until(() => atB.get(id), 'the ticket applied on seat B');
  const onTv = await until(() => atTv.get(id), 'the ticket applied on the TV');
  await expect(row(b.page, number)).toContainText('李娜');
  const paintedB = performance.now();
  await expect(tile(tv.page, number)).toBeVisible();
  await expect(tv.page.getByTestId('figure-waiting').getByTestId('figure-value')).toHaveText('1');
  const paintedTv = performance.now();
  const viaUi = { toB: onB - committed, toTv: onTv - committed, paintedB: paintedB - committed, paintedTv: paintedTv - committed };
  expect(viaUi.toB).toBeLessThanOrEqual(1_000);
  expect(viaUi.toTv).toBeLessThanOrEqual(1_000);

  await screenshot(a.page, 'zh-CN-70-hub-seat-a');
  await row(b.page, number).click();
  await expect(b.page.getByTestId('ticket-panel')).toContainText('网银密码重置');
  await screenshot(b.page, 'zh-CN-71-hub-seat-b');
  await screenshot(tv.page, 'zh-CN-72-hub-tv');

  // More calls at seat A, one at a time at a brisk human pace (the seats' windows have settled
  // between two calls, as they do at a real centre): the distribution of the hub path here. All
  // three seats share this one test process, so the figures are an upper bound of a real seat's.
  const toB: number[] = [];
  const toTv: number[] = [];
  const names = ['王伟', '张静', '刘洋', '陈磊', '杨帆', '赵敏', '黄丽', '周强', '吴昊', '徐娟'];
  for (let i = 0; i < 30; i++) {
    const customer = { new: { kind: 'person' as const, name: names[i % names.length]!, tier: 'standard' as const, role: 'end_customer' as const, phones: [`1390000${String(2000 + i)}`], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' } };
    const r = a.core.call('tickets.create', { customer, typeCode: i % 3 ? 'password_reset' : 'login_unlock', channel: 'phone', priority: 'normal', subject: `来电 ${i + 1}`, description: '' });
    if (!r.ok) throw new Error(r.error.message);
    const t0 = await until(() => atA.get(r.value.id), 'the ticket on seat A');
    toB.push((await until(() => atB.get(r.value.id), 'the ticket on seat B')) - t0);
    toTv.push((await until(() => atTv.get(r.value.id), 'the ticket on the TV')) - t0);
    await new Promise((r) => setTimeout(r, 300));
  }
  const figures = {
    viaUi: Object.fromEntries(Object.entries(viaUi).map(([k, v]) => [k, Math.round(v)])),
    toB: { n: toB.length, p50: Math.round(pct(toB, 50)), p95: Math.round(pct(toB, 95)), max: Math.round(Math.max(...toB)) },
    toTv: { n: toTv.length, p50: Math.round(pct(toTv, 50)), p95: Math.round(pct(toTv, 95)), max: Math.round(Math.max(...toTv)) },
    budgetMs: 1000,
  };
  console.log(`[hub.e2e] change visible on another seat (ms): ${JSON.stringify(figures)}`);
  // The budget: a change visible on another seat within a second (p99 in the bench, where each
  // seat is alone; here, with three seats and three windows in one process, p95).
  expect(pct(toB, 95)).toBeLessThanOrEqual(1_000);
  expect(pct(toTv, 95)).toBeLessThanOrEqual(1_000);
  await expect(tv.page.getByTestId('figure-waiting').getByTestId('figure-value')).toHaveText('31');
  await expect(b.page.getByTestId('status-hub')).toHaveAttribute('data-state', 'online');

  // Two agents accept the same call while the hub is down: the first to reach the hub counts, the
  // other seat's agent reads it in the ticket's panel, and both accepts stay in the history.
  a.core.call('users.create', { name: 'zhangsan', displayName: '张三', role: 'agent', password: 'agent-pass-1' });
  a.core.call('users.create', { name: 'lisi', displayName: '李四', role: 'agent', password: 'agent-pass-2' });
  await inSync(a.core);
  await expect.poll(() => b.core.db.prepare(`SELECT count(*) FROM users WHERE name IN ('zhangsan', 'lisi')`).pluck().get()).toBe(2);
  // 张三 signs in at seat A and 李四 at seat B; the network goes; both take the call.
  const agents = [
    { app: a, who: { name: 'zhangsan', password: 'agent-pass-1' } },
    { app: b, who: { name: 'lisi', password: 'agent-pass-2' } },
  ];
  for (const { app, who } of agents) {
    await signOut(app.page);
    await signIn(app.page, who);
    await app.page.keyboard.press('Alt+2');
    // 31 calls are open: the agent finds this one by its number.
    await app.page.getByTestId('queue-search').fill(number);
    await row(app.page, number).click();
    await expect(app.page.getByTestId('ticket-panel')).toContainText('网银密码重置');
  }
  hub.stop('fast');
  for (const { app } of agents) {
    await app.page.getByTestId('action-accept').click();
    await expect(app.page.getByTestId('ticket-panel')).toContainText('已受理');
  }
  await expect(b.page.getByTestId('status-hub')).toHaveAttribute('data-state', 'offline');
  await expect(b.page.getByTestId('status-hub')).toContainText('起离线，待发送');
  await screenshot(b.page, 'zh-CN-73-hub-offline-seat-b');
  hub.start();
  await inSync(a.core);
  await inSync(b.core);
  await expect.poll(() => (b.core.call('hub.conflicts', { subjectId: id }) as { ok: true; value: unknown[] }).value.length).toBe(1);
  const loser = (b.core.call('hub.conflicts', { subjectId: id }) as { ok: true; value: { loserSeat: string }[] }).value[0]!.loserSeat;
  for (const { app } of agents) {
    await expect(app.page.getByTestId('ticket-conflicts')).toContainText('同步冲突');
    await expect(app.page.getByTestId('ticket-conflict')).toContainText(`坐席 ${loser} 的“已受理 · ${loser === 'A1' ? '张三' : '李四'}”未生效`);
    await expect(app.page.getByTestId('ticket-conflict-yours')).toHaveCount(app === (loser === 'A1' ? a : b) ? 1 : 0);
    await expect(app.page.getByTestId('ticket-timeline')).toContainText('张三');
    await expect(app.page.getByTestId('ticket-timeline')).toContainText('李四');
  }
  await screenshot(a.page, 'zh-CN-74-hub-conflict-seat-a');
  await screenshot(b.page, 'zh-CN-75-hub-conflict-seat-b');

  // The same screens in English.
  for (const app of [a, b, tv]) app.core.call('prefs.setLanguage', { language: 'en' });
  await expect(a.page.getByTestId('status-hub')).toContainText('In sync with the centre');
  await expect(b.page.getByTestId('status-hub')).toContainText('In sync with the centre');
  await expect(tv.page.getByTestId('figure-waiting')).toContainText('Waiting');
  await screenshot(a.page, 'en-70-hub-seat-a');
  await expect(b.page.getByTestId('ticket-conflicts')).toContainText('Sync conflict');
  await screenshot(b.page, 'en-71-hub-seat-b');
  await screenshot(tv.page, 'en-72-hub-tv');

  // A PC in English trying to join while it cannot reach the hub (a wrong port).
  const d = await launchApp({ locale: 'en', hub: HUB });
  apps.push(d);
  await d.page.getByTestId('setup-mode-join').click();
  await expect(d.page.getByTestId('setup-mode-join')).toContainText("Join a centre's hub");
  await d.page.getByTestId('hub-host').fill(connection.host);
  await d.page.getByTestId('hub-port').fill('1');
  await d.page.getByTestId('hub-password').fill(connection.password);
  await d.page.getByTestId('join-seat').fill('D4');
  await d.page.getByTestId('join-test').click();
  await expect(d.page.getByTestId('join-test-result')).toContainText('Cannot reach the hub');
  await screenshot(d.page, 'en-69-hub-join-unreachable');
});
