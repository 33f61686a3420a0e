// Month close, verification and restore, end to end: an admin closes March on the first working
// day of April with the progress shown, verifies the archive (and sees a changed file named),
// browses it, makes a backup and restores it (the app reopens the database on the same folder).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Core } from '../../electron/core';
import type { MethodInput, MethodName } from '../../shared/contract';
import { ADMIN, settle } from './flows';
import { launchApp, screenshot, type LaunchedApp } from './harness';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

function must<M extends MethodName>(core: Core, method: M, input: MethodInput<M>) {
  const r = core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const customer = (i: number) => ({
  new: { kind: 'person' as const, name: `客户${i}`, tier: i % 4 === 0 ? ('key' as const) : ('standard' as const), role: 'end_customer' as const, phones: [`1390000${String(1000 + i)}`], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' },
});

/** A centre that worked through March: tickets handled, one complaint, one still open. */
async function marchCentre(language: 'zh-CN' | 'en', dataDir?: string): Promise<LaunchedApp> {
  const launched = await launchApp({ locale: language, time: '2026-03-10T10:00:00+08:00', viewport: { width: 1366, height: 768 }, ...(dataDir ? { dataDir } : {}) });
  const { core } = launched;
  must(core, 'setup.init', { centreName: language === 'en' ? 'East China Service Centre' : '华东区客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A1', admin: ADMIN });
  must(core, 'prefs.setLanguage', { language });
  must(core, 'auth.signIn', { name: ADMIN.name, password: ADMIN.password });
  for (let i = 0; i < 30; i++) {
    const t = must(core, 'tickets.create', { customer: customer(i), typeCode: i % 7 === 0 ? 'complaint' : 'password_reset', channel: 'phone', priority: 'normal', subject: `三月工单 ${i}`, description: '' });
    if (i === 29) continue;
    must(core, 'tickets.act', { id: t.id, action: 'accept' });
    must(core, 'tickets.act', { id: t.id, action: 'resolve' });
    must(core, 'tickets.act', { id: t.id, action: 'feedback' });
  }
  await launched.setTime('2026-04-01T10:00:00+08:00');
  await launched.page.reload();
  await expect(launched.page.getByTestId('status-bar')).toBeVisible();
  return launched;
}

async function openSettingsTab(a: LaunchedApp, menu: string, tab: string): Promise<void> {
  await a.page.getByRole('menuitem', { name: menu }).click();
  await a.page.getByRole('tab', { name: tab }).click();
}

test('month close with progress, verify (intact, then a changed file named), browse — 中文', async () => {
  app = await marchCentre('zh-CN');
  const { page } = app;
  await openSettingsTab(app, '设置', '月度归档');
  await expect(page.getByTestId('archive-month')).toContainText('2026-03');
  const preview = page.getByTestId('archive-preview');
  await expect(preview).toContainText('本月受理');
  await expect(preview).toContainText('30');
  await expect(preview).toContainText('工单 · 30 行');
  await settle(page);
  await screenshot(page, 'zh-CN-archive-01-preview');

  // Progress events as the renderer receives them, recorded from the page's own bridge.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    window.kefu.on('archive.job', (e) => seen.push((e as unknown as { job: { progress: number } }).job.progress));
  });
  await page.getByTestId('archive-run').click();
  await expect(page.getByTestId('archive-job')).toHaveAttribute('data-state', 'done');
  const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
  expect(progress.length).toBeGreaterThan(1);
  expect(progress.at(-1)).toBe(1);
  expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  await expect(page.getByTestId('archive-job')).toContainText('已归档：kefu-archive-A1-2026-03');
  await expect(page.getByTestId('archive-list')).toContainText('kefu-archive-A1-2026-03');
  await settle(page);
  await screenshot(page, 'zh-CN-archive-02-done');

  await page.getByTestId('archive-verify-2026-03').click();
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('verify-report')).toContainText('归档完整');
  await page.getByTestId('verify-report').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'zh-CN-archive-03-verify-ok');

  // Someone edits the CSV outside the app: verify names the file.
  const folder = join(app.dataDir, 'archives', 'kefu-archive-A1-2026-03');
  const csv = join(folder, 'data', 'tickets.csv');
  writeFileSync(csv, readFileSync(csv, 'utf8').replace('三月工单 3', '三月工单 8'));
  await page.getByTestId('verify-path').fill(folder);
  await page.getByTestId('verify-run').click();
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('verify-report')).toContainText('data/tickets.csv');
  await expect(page.getByTestId('verify-report')).toContainText('已被修改');
  // The problem line itself is in the user's language (a message key with parameters, not English text).
  await expect(page.getByTestId('verify-report')).toContainText('data/tickets.csv 与 manifest-sha256.txt 中的校验和不符：文件已被修改。');
  await page.getByTestId('verify-report').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'zh-CN-archive-04-verify-changed');

  await page.getByTestId('archive-browse-2026-03').click();
  await expect(page.getByTestId('archive-browse')).toContainText('共 30 行');
  await settle(page);
  await screenshot(page, 'zh-CN-archive-05-browse');
});

test('restore from a backup: confirmed, current state kept, database reopened — 中文', async () => {
  app = await marchCentre('zh-CN');
  const { page } = app;
  await openSettingsTab(app, '设置', '数据库');
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups')).toContainText('手动');
  const manual = must(app.core, 'backups.list', {}).find((b) => b.reason === 'manual')!;
  // Work done after the backup: it will not survive the restore.
  must(app.core, 'users.create', { name: 'latecomer', displayName: '后来者', role: 'agent', password: 'agent-pass-1' });
  await settle(page);
  await screenshot(page, 'zh-CN-backups-01-list');

  await page.getByTestId(`restore-${manual.name}`).click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('恢复前');
  // antd's zoom-in of the dialog: let it finish so the screenshot shows the settled dialog.
  await page.waitForTimeout(700);
  await settle(page);
  await screenshot(page, 'zh-CN-backups-02-confirm');
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByText(`已准备恢复 ${manual.name}`)).toBeVisible();

  // The shell restarts the app; here the harness closes the core and opens the same folder again.
  const dataDir = app.dataDir;
  await app.context.close();
  await app.core.close();
  app = await launchApp({ locale: 'zh-CN', time: '2026-04-01T10:10:00+08:00', dataDir, viewport: { width: 1366, height: 768 } });
  const users = (() => {
    must(app.core, 'auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    return must(app.core, 'users.list', {}).map((u) => u.name);
  })();
  expect(users).not.toContain('latecomer');
  await app.page.reload();
  await openSettingsTab(app, '设置', '数据库');
  await expect(app.page.getByTestId('backups')).toContainText('恢复前');
  await settle(app.page);
  await screenshot(app.page, 'zh-CN-backups-03-restored');
  // The first launch owned this folder; the relaunch was given it, so it is removed here.
  await app.close();
  app = null;
  rmSync(dataDir, { recursive: true, force: true });
});

test('month close, verify and backups in English', async () => {
  app = await marchCentre('en');
  const { page } = app;
  await openSettingsTab(app, 'Settings', 'Monthly archive');
  await expect(page.getByTestId('archive-preview')).toContainText('Opened');
  await settle(page);
  await screenshot(page, 'en-archive-01-preview');
  await page.getByTestId('archive-run').click();
  await expect(page.getByTestId('archive-job')).toHaveAttribute('data-state', 'done');
  await page.getByTestId('archive-verify-2026-03').click();
  await expect(page.getByTestId('verify-report')).toContainText('The archive is intact');
  await settle(page);
  await screenshot(page, 'en-archive-02-done');
  await page.getByTestId('verify-report').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'en-archive-03-verify-ok');
  await page.getByRole('tab', { name: 'Database' }).click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups')).toContainText('manual');
  await settle(page);
  await screenshot(page, 'en-backups-01-list');
});
