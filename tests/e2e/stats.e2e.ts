// Statistics end to end: a supervisor opens the statistics of a scripted week (made through the
// registry beforehand), switches period and filters, clicks a bar and gets its tickets; the
// per-agent board with a deduction and a credit; a report printed to PDF and looked at; history.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore, manualClock } from '../../electron/core';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { factsBuildProgress, startFactsBuild } from '../../electron/core/services/statsFacts';
import { scriptCentre, type ScriptedCentre } from '../fixtures/statsCentre';
import { ADMIN, chooseLanguage, dismissNotices, settle, signIn } from './flows';
import { launchApp, screenshot, SCREENS_DIR, type LaunchedApp } from './harness';

const SUPERVISOR = { name: 'zhouhua', displayName: '周华', password: 'super-pass-1' };
// Monday 2 March 2026 … Friday: the scripted week; the app opens on Sunday evening.
const WEEK = Date.parse('2026-03-02T00:00:00+08:00');
const SUNDAY_EVENING = '2026-03-08T19:00:00+08:00';

let app: LaunchedApp | null = null;
let dataDir: string;
let centre: ScriptedCentre;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kefu-e2e-stats-'));
  const clock = manualClock(WEEK - 86_400_000);
  const core = await createCore({ dataDir, clock, backupCheckEveryMs: 0, maintenanceEveryMs: 0 });
  const must = <M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> => {
    const r = core.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  must('setup.init', { centreName: '华东区客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A1', admin: ADMIN });
  must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
  must('users.create', { ...SUPERVISOR, role: 'supervisor' });
  centre = scriptCentre({ must, setTime: (ms) => clock.set(ms) }, { from: WEEK, days: 5, count: 90, seed: 3 });
  must('auth.signOut', {});
  await core.close();
});
test.afterEach(async () => {
  await app?.close();
  app = null;
});
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function must<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
  const r = app!.core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}
const figureValue = (id: string) => app!.page.getByTestId(`figure-${id}`).locator('.ant-statistic-content');

test('a supervisor reads the week: figures, period and filter switches, a bar to its tickets, both languages', async () => {
  app = await launchApp({ locale: 'zh-CN', time: SUNDAY_EVENING, dataDir, viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await signIn(page, SUPERVISOR);
  // The tests share one data folder, and the language chosen is stored there: start in Chinese.
  must('prefs.setLanguage', { language: 'zh-CN' });
  await expect(page.getByTestId('nav-stats')).toContainText('统计分析');
  // The first sign-in after the scripted week shows what fell due meanwhile: read, then closed.
  // Only the first sign-in gets it; the later tests find none.
  await page.locator('.ant-notification-notice').first().waitFor({ timeout: 3000 }).catch(() => {});
  await dismissNotices(page, (ms) => app!.advance(ms));
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('stats-figures')).toBeVisible();
  const week = must('stats.summary', { period: { preset: 'thisWeek' } });
  expect(week.period.fromDay).toBe('2026-03-02');
  expect(week.figures.created).toBe(90);
  await expect(figureValue('created')).toHaveText('90');
  await expect(figureValue('completed')).toHaveText(String(week.figures.completed));
  await expect(figureValue('breaches')).toHaveText(String(week.figures.breaches));
  // The definition is on hover, from shared/stats/definitions.ts.
  await page.getByTestId('figure-compliance-title').hover();
  await expect(page.locator('.ant-tooltip')).toContainText('到期时间之前');
  await page.mouse.move(0, 0);
  await settle(page);
  await screenshot(page, 'stats.week.zh-CN.1366');

  // A bar of the stacked chart: the first day with late completions (the second bar series).
  const lateDay = week.series.findIndex((p) => p.breaches > 0);
  expect(lateDay).toBeGreaterThanOrEqual(0);
  const lateBars = page.getByTestId('chart-compliance').locator('.recharts-bar').nth(1).locator('.recharts-bar-rectangle');
  // recharts draws no rectangle for a zero-height bar: count the late days before this one.
  const index = week.series.slice(0, lateDay).filter((p) => p.breaches > 0).length;
  await lateBars.nth(index).click();
  const drawer = page.getByTestId('drill-drawer');
  await expect(drawer).toBeVisible();
  const clicked = week.series[lateDay]!;
  await expect(page.getByTestId('drill-title')).toContainText(clicked.label);
  await expect(page.getByTestId('drill-total')).toContainText(String(clicked.breaches));
  await expect(page.getByTestId('drill-tickets').locator('tbody tr.ant-table-row')).toHaveCount(clicked.breaches);
  await settle(page);
  await screenshot(page, 'stats.drill.zh-CN.1366');
  // A ticket of the list opens beside it.
  await page.getByTestId('drill-tickets').locator('tbody tr.ant-table-row').first().click();
  await expect(page.getByTestId('ticket-panel')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Switch the period: this month = the same week plus nothing else (the month began on Sunday the 1st).
  await page.getByTestId('period-lastMonth').click();
  await expect(page.getByTestId('stats-range')).toContainText('2026-02-01');
  await expect(figureValue('created')).toHaveText('0');
  await page.getByTestId('period-thisWeek').click();
  await expect(figureValue('created')).toHaveText('90');

  // A filter narrows every figure.
  const phone = must('stats.summary', { period: { preset: 'thisWeek' }, filters: { channel: 'phone' } });
  await page.getByTestId('filter-channel').click();
  await page.locator('.ant-select-item-option', { hasText: '电话' }).click();
  await expect(figureValue('created')).toHaveText(String(phone.figures.created));
  expect(phone.figures.created).toBeLessThan(90);
  await page.getByTestId('filters-clear').click();
  await expect(figureValue('created')).toHaveText('90');

  // Group by day is the default for a week; the heat map cell of Monday 10:00 lists its arrivals.
  const cell = week.arrivals[0]!.findIndex((n) => n > 0);
  await page.getByTestId(`heat-0-${cell}`).click();
  await expect(page.getByTestId('drill-total')).toContainText(String(week.arrivals[0]![cell]));
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await settle(page);
  await screenshot(page, 'stats.week.zh-CN.1920');
  await chooseLanguage(page, 'English');
  await expect(page.getByTestId('figure-created-title')).toContainText('Received');
  await settle(page);
  await screenshot(page, 'stats.week.en.1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await settle(page);
  await screenshot(page, 'stats.week.en.1366');
});

test('the per-agent board: a deduction explained by its ticket, a credit granted, the net score', async () => {
  app = await launchApp({ locale: 'zh-CN', time: SUNDAY_EVENING, dataDir, viewport: { width: 1366, height: 768 } });
  const { page } = app;
  await signIn(page, SUPERVISOR);
  // The tests share one data folder, and the language chosen is stored there: start in Chinese.
  must('prefs.setLanguage', { language: 'zh-CN' });
  await expect(page.getByTestId('nav-stats')).toContainText('统计分析');
  // The first sign-in after the scripted week shows what fell due meanwhile: read, then closed.
  // Only the first sign-in gets it; the later tests find none.
  await page.locator('.ant-notification-notice').first().waitFor({ timeout: 3000 }).catch(() => {});
  await dismissNotices(page, (ms) => app!.advance(ms));
  // The statistics cache is rebuilt in the background, slowly (as a big centre's first build): the
  // board says so with its progress, and shows itself once the cache is ready, without a click.
  startFactsBuild(app.core.db, () => app!.now(), { slice: 3, pauseMs: 150 });
  await page.getByTestId('nav-performance').click();
  await expect(page.getByTestId('stats-preparing')).toContainText('正在准备统计数据');
  await expect(page.getByTestId('stats-preparing').locator('.ant-progress')).toBeVisible();
  await screenshot(page, 'performance.preparing.zh-CN.1366');
  await expect.poll(() => factsBuildProgress(app!.core.db), { timeout: 30_000 }).toBeNull();
  await expect(page.getByTestId('stats-preparing')).toHaveCount(0);
  await page.getByTestId('perf-period-thisWeek').click();
  const board = must('stats.performance', { period: { preset: 'thisWeek' } });
  const agent = board.agents.find((a) => a.lines.some((l) => l.kind !== 'credit' && l.points > 0) && a.agentId !== centre.agents[0]!.id) ?? board.agents.find((a) => a.deducted > 0)!;
  expect(agent.deducted).toBeGreaterThan(0);
  const row = page.getByTestId('performance-table').locator('tr', { hasText: agent.agentName }).first();
  await expect(row.getByTestId('net')).toHaveText(agent.net.toFixed(2).replace(/\.?0+$/, '') || '0');
  await row.click();
  const detail = page.getByTestId(`detail-${agent.agentId}`);
  await expect(detail).toBeVisible();
  const line = agent.lines.find((l) => l.ticketNumber)!;
  await expect(detail).toContainText(line.ticketNumber!);

  // A credit of 0.5 for taking on extra work.
  await page.getByTestId(`grant-${agent.agentId}`).click();
  await page.locator('.ant-modal input.ant-input-number-input').fill('0.5');
  await page.getByTestId('grant-reason').fill('周末主动处理积压工单');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.getByTestId('grant-modal')).toBeHidden();
  const after = must('stats.performance', { period: { preset: 'thisWeek' }, agentId: agent.agentId }).agents[0]!;
  expect(after.credited).toBeCloseTo(agent.credited + 0.5, 6);
  expect(after.net).toBeCloseTo(Math.max(0, agent.net - 0.5), 6);
  await expect(detail).toContainText('周末主动处理积压工单');
  await settle(page);
  await screenshot(page, 'performance.zh-CN.1366');
  await chooseLanguage(page, 'English');
  await expect(page.getByTestId('performance-table')).toContainText('Net deduction');
  await settle(page);
  await screenshot(page, 'performance.en.1366');
});

test('the weekly report printed to PDF, in both languages; ticket history finds a closed ticket', async () => {
  const launched = (app = await launchApp({ locale: 'zh-CN', time: SUNDAY_EVENING, dataDir, viewport: { width: 1366, height: 768 } }));
  const { page } = launched;
  await signIn(page, SUPERVISOR);
  // The tests share one data folder, and the language chosen is stored there: start in Chinese.
  must('prefs.setLanguage', { language: 'zh-CN' });
  await expect(page.getByTestId('nav-stats')).toContainText('统计分析');
  // The first sign-in after the scripted week shows what fell due meanwhile: read, then closed.
  // Only the first sign-in gets it; the later tests find none.
  await page.locator('.ant-notification-notice').first().waitFor({ timeout: 3000 }).catch(() => {});
  await dismissNotices(page, (ms) => app!.advance(ms));
  await page.getByTestId('nav-stats').click();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-body')).toHaveAttribute('data-ready', 'yes');
  mkdirSync(SCREENS_DIR, { recursive: true });
  for (const lang of ['zh-CN', 'en'] as const) {
    if (lang === 'en') {
      // The report page has no frame; the language follows the seat's preference.
      must('prefs.setLanguage', { language: 'en' });
      await expect(page.getByTestId('report-print')).toContainText('Print');
    }
    const title = lang === 'zh-CN' ? '周报' : 'Weekly report';
    await expect(page.getByTestId('report-body')).toContainText(title);
    await screenshot(page, `report.weekly.${lang}`);
    const pdf = join(SCREENS_DIR, `report.weekly.${lang}.pdf`);
    await page.emulateMedia({ media: 'print' });
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(title);
    expect(text).toContain('2026-03-02');
    expect(text).toContain(centre.agents[0]!.displayName);
    // The toolbar is not printed.
    expect(text).not.toContain(lang === 'zh-CN' ? '返回统计' : 'Back to statistics');
    // The toolbar's "Save as PDF": the page asks the shell, which prints this very page.
    await page.getByTestId('report-pdf').click();
    await page.mouse.move(1300, 400); // no hover colour left on the button for the next screenshot
    const saved = page.locator('.ant-message-notice', { hasText: lang === 'zh-CN' ? '报表已保存为 PDF' : 'Report saved as PDF' });
    await expect(saved).toBeVisible();
    const savedFile = join(app.dataDir, 'pdf', readdirSync(join(app.dataDir, 'pdf')).find((f) => f.includes(title))!);
    expect(execFileSync('pdftotext', ['-layout', savedFile, '-'], { encoding: 'utf8' })).toContain(centre.agents[0]!.displayName);
    // The page's clock only moves when told: let the toast time out before the next screenshot.
    // Its leave animation runs on that clock too: move it on until the toast is gone.
    await expect(async () => {
      await launched.advance(1000);
      await expect(saved).toBeHidden({ timeout: 500 });
    }).toPass({ timeout: 30_000 });
    const prefix = join(SCREENS_DIR, `report.weekly.${lang}.page`);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
    expect(readdirSync(SCREENS_DIR).filter((f) => f.startsWith(`report.weekly.${lang}.page`)).length).toBeGreaterThanOrEqual(1);
  }
  must('prefs.setLanguage', { language: 'zh-CN' });
  await page.getByTestId('report-back').click();

  const closed = must('tickets.history', { status: 'closed', limit: 1 }).tickets[0]!;
  await page.getByTestId('nav-history').click();
  await page.getByTestId('history-q').locator('input').fill(closed.number);
  await page.getByTestId('history-q').locator('input').press('Enter');
  await expect(page.getByTestId('history-total')).toContainText('1');
  await expect(page.getByTestId('history-tickets')).toContainText(closed.number);
  await page.getByTestId('history-q').locator('input').fill('');
  await page.getByTestId('history-q').locator('input').press('Enter');
  await expect(page.getByTestId('history-total')).not.toHaveText(/^共 1 张$/);
  await page.getByTestId('history-status').click();
  await page.locator('.ant-select-item-option', { hasText: '已关闭' }).click();
  await expect(page.getByTestId('history-status')).toContainText('已关闭');
  await expect(page.getByTestId('history-total')).toContainText(String(must('tickets.history', { status: 'closed' }).total));
  await settle(page);
  await screenshot(page, 'history.zh-CN.1366');
});
