// The foundation, end to end: first run, sign-in, user management, roles, languages.
import { expect, test } from '@playwright/test';
import { launchApp, screenshot, type LaunchedApp } from './harness';
import { ADMIN, AGENT, addUser, chooseLanguage, completeSetup, signIn, signOut } from './flows';

let app: LaunchedApp;
test.afterEach(async () => app?.close());

test('first run → admin → adds an agent → the agent cannot manage users → language switches', async () => {
  app = await launchApp({ locale: 'zh-CN' });
  const { page } = app;

  // First run follows the OS locale (Chinese) and asks for the centre, the seat and an admin.
  await expect(page.getByTestId('auth-title')).toHaveText('欢迎使用客服台');
  await page.getByTestId('setup-submit').click();
  await expect(page.locator('.ant-form-item-explain-error').first()).toHaveText('必填');
  await screenshot(page, 'zh-CN-01-setup');
  await completeSetup(page);

  await expect(page.getByTestId('auth-title')).toHaveText('登录');
  await expect(page.getByText('华东区客服中心 · 坐席 A1')).toBeVisible();
  await screenshot(page, 'zh-CN-02-signin');

  // A wrong password is refused with a clear message and changes nothing.
  await page.getByTestId('signin-name').fill(ADMIN.name);
  await page.getByTestId('signin-password').fill('not-the-password');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toHaveText('登录名或密码不正确。');

  await signIn(page, ADMIN);
  await expect(page.getByTestId('home-greeting')).toHaveText('早上好，张敏');
  await expect(page.getByTestId('status-role')).toHaveText('管理员');
  await expect(page.getByTestId('status-time')).toContainText('2026/03/03 09:00');
  await screenshot(page, 'zh-CN-03-home-admin');

  await page.getByTestId('home-manage-users').click();
  await addUser(page, AGENT);
  await screenshot(page, 'zh-CN-04-users');
  await page.getByRole('tab', { name: '操作记录' }).click();
  await expect(page.getByTestId('audit-table').locator('.ant-table-row').first()).toContainText('添加用户');
  await screenshot(page, 'zh-CN-05-audit');

  await signOut(page);
  await signIn(page, AGENT);
  await expect(page.getByTestId('status-role')).toHaveText('客服专员');
  // The UI hides user management from an agent...
  await expect(page.getByTestId('home-manage-users')).toHaveCount(0);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('tab', { name: '用户管理' })).toHaveCount(0);
  await screenshot(page, 'zh-CN-06-settings-agent');
  // ...and the main process refuses it whatever the UI shows.
  const direct = await page.evaluate(() => window.kefu.invoke('users.list', {}));
  expect(direct).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const create = await page.evaluate(() =>
    window.kefu.invoke('users.create', { name: 'intruder', displayName: 'x', role: 'admin', password: '12345678' }),
  );
  expect(create).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  // Switch to English and back; the choice is kept by the seat's database.
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('menuitem', { name: 'Workbench' })).toBeVisible();
  await expect(page.getByTestId('status-role')).toHaveText('Agent');
  await expect(page.getByRole('tab', { name: 'My account' })).toBeVisible();
  await screenshot(page, 'en-06-settings-agent');
  expect(app.core.call('app.status', {})).toMatchObject({ ok: true, value: { language: 'en' } });
  await chooseLanguage(page, '简体中文');
  await expect(page.getByRole('menuitem', { name: '工作台' })).toBeVisible();
});

test('an English PC starts in English; every screen in English; the wall-board opens', async () => {
  app = await launchApp({ locale: 'en-US', time: '2026-03-03T15:30:00+08:00' });
  const { page } = app;
  await expect(page.getByTestId('auth-title')).toHaveText('Welcome to Kefu Desk');
  await screenshot(page, 'en-01-setup');
  await completeSetup(page, 'East China Service Centre');
  await expect(page.getByTestId('auth-title')).toHaveText('Sign in');
  await screenshot(page, 'en-02-signin');
  await signIn(page, ADMIN);
  await expect(page.getByTestId('home-greeting')).toHaveText('Good afternoon, 张敏');
  await screenshot(page, 'en-03-home-admin');
  await page.getByTestId('home-manage-users').click();
  await addUser(page, AGENT);
  await screenshot(page, 'en-04-users');
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-table').locator('.ant-table-row').first()).toContainText('User added');
  await screenshot(page, 'en-05-audit');
  await page.getByRole('tab', { name: 'Database' }).click();
  await page.getByTestId('db-check').click();
  await expect(page.getByText('The database is sound')).toBeVisible();
  await screenshot(page, 'en-07-database');

  // F1 lists the shortcuts.
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await screenshot(page, 'en-08-shortcuts');
  await page.keyboard.press('Escape');

  const [board] = await Promise.all([app.context.waitForEvent('page'), page.getByTestId('open-wallboard').click()]);
  await board.setViewportSize({ width: 1920, height: 1080 });
  await expect(board.getByTestId('wallboard')).toContainText('East China Service Centre');
  await expect(board.getByTestId('wallboard-clock')).toHaveText(/^15:30:\d\d$/);
  await app.advance(60_000);
  await expect(board.getByTestId('wallboard-clock')).toHaveText(/^15:31:\d\d$/);
  await screenshot(board, 'en-09-wallboard');
  // A language change in the main window reaches the wall-board at once (pushed event).
  await chooseLanguage(page, '简体中文');
  await expect(board.getByTestId('wallboard')).toContainText('服务时效大屏');
  await screenshot(board, 'zh-CN-09-wallboard');
});
