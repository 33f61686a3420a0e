// A change of shift on one seat (issue 14): wrong passwords are refused for a while and the
// refusal follows a language switch; the next person does not inherit the last one's open ticket;
// the audit log tells in words what happened and updates by itself; changing the seat code asks
// first; after a weekend closed, whoever signs in first sees what fell due, counted as the queue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, chooseLanguage, completeSetup, signIn, signOut } from './flows';

const VIEWPORT = { width: 1366, height: 768 };
let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const customer = { kind: 'person', name: '李娜', tier: 'standard', role: 'end_customer', phones: ['139 0000 1111'], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' };
const intake = (a: LaunchedApp, subject: string) => {
  const r = a.core.invoke('tickets.create', { customer: { new: customer }, typeCode: 'login_unlock', channel: 'phone', priority: 'normal', subject, description: '' }) as {
    ok: boolean;
  };
  expect(r.ok).toBe(true);
};

test('a change of shift: lockout in both languages, nothing left behind, the audit log in words, the seat code asked', async () => {
  app = await launchApp({ locale: 'zh-CN', viewport: VIEWPORT });
  const { page } = app;
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await completeSetup(page);
  await signIn(page, ADMIN);
  intake(app, '登录名解锁');
  await page.keyboard.press('Alt+2');
  await page.getByTestId('queue-row').first().click();
  await expect(page.getByTestId('ticket-panel')).toBeVisible();

  // 11: saving an empty intake form marks the fields and logs nothing.
  await page.keyboard.press('Alt+N');
  await page.getByTestId('intake-subject').press('Control+Enter');
  await expect(page.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-section')).toHaveCount(0);
  expect(problems).toEqual([]);

  // 11: the customer notes show their limit, the one the store enforces.
  await page.keyboard.press('Alt+3');
  await page.getByTestId('customer-new-top').click();
  const notes = page.getByTestId('customer-notes');
  await expect(notes).toHaveAttribute('maxlength', '2000');
  await notes.fill('备注'.repeat(1200));
  await expect(page.locator('.ant-input-data-count')).toContainText('2000 / 2000');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-section')).toBeHidden();

  // 5 and 8: four wrong passwords lock the name; the refusal is re-read in English.
  await signOut(page);
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('signin-name').fill(ADMIN.name);
    await page.getByTestId('signin-password').fill('wrong-password');
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('signin-error')).toBeVisible();
  }
  await expect(page.getByTestId('signin-error')).toContainText('请 30 秒后再试');
  await screenshot(page, 'zh-CN-95-signin-locked');
  await chooseLanguage(page, 'English');
  await expect(page.getByTestId('signin-error')).toContainText('try again in 30 seconds');
  await screenshot(page, 'en-95-signin-locked');
  await app.advance(31_000);

  // 11: the next person starts with a clean queue: no ticket left open beside it.
  await signIn(page, ADMIN);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('ticket-panel')).toHaveCount(0);

  // 7: the audit log in words, changes as field: before → after, live.
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Audit log' }).click();
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('Sign-in failed');
  await expect(table).toContainText('Wrong user name or password');
  await expect(table).not.toContainText('session.');
  app.core.call('users.create', { name: 'liuyang', displayName: '刘洋', role: 'agent', password: 'agent-pass-1' });
  await expect(table.locator('tbody tr').first()).toContainText('User added'); // no refresh pressed
  await expect(table.locator('tbody tr').first()).toContainText('Full name: 刘洋');
  await page.getByTestId('audit-family').click();
  await page.locator('.ant-select-item-option', { hasText: 'Sign-in and sign-out' }).click();
  await expect(table).not.toContainText('User added');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await screenshot(page, 'en-96-audit');
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  expect((await download).suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);

  // 13: changing the seat code says what it does and asks first.
  await page.getByRole('tab', { name: 'Centre' }).click();
  const seat = page.locator('input#seatCode');
  await seat.fill('B2');
  await page.getByRole('button', { name: 'Save' }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('from A1 to B2');
  await expect(confirm).toContainText('existing tickets keep their A1-');
  await screenshot(page, 'en-97-seat-change');
  await page.getByTestId('seat-change-ok').click();
  await expect(page.getByTestId('status-bar')).toContainText('B2');
});

test('after a weekend closed, the first to sign in sees what fell due, with the queue’s count', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-e2e-weekend-'));
  try {
    app = await launchApp({ locale: 'zh-CN', viewport: VIEWPORT, dataDir, time: '2026-03-06T16:30:00+08:00' });
    await completeSetup(app.page);
    await signIn(app.page, ADMIN);
    for (let i = 0; i < 3; i++) intake(app, `周五下午的工单 ${i + 1}`);
    await app.close();

    app = await launchApp({ locale: 'zh-CN', viewport: VIEWPORT, dataDir, time: '2026-03-09T08:45:00+08:00' });
    const { page } = app;
    await signIn(page, ADMIN);
    const toast = page.locator('.ant-notification-notice');
    await expect(toast).toContainText('客服台关闭期间有工单到期：现有 3 张已超时');
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('queue-filter').locator('[data-filter="breached"]')).toContainText('3');
    await screenshot(page, 'zh-CN-98-weekend-catch-up');
  } finally {
    await app?.close();
    app = null;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
