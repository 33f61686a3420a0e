// The wall-board end to end: a scripted morning of tickets, the figures it shows, changes within
// a second, and tiles changing colour at the right instants as the clock moves.
import { expect, test, type Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { ADMIN, completeSetup, signIn } from './flows';
import { APP_ORIGIN, launchApp, screenshot, type LaunchedApp } from './harness';

const MIN = 60_000;
let app: LaunchedApp;
test.afterEach(async () => app?.close());

function must<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
  const r = app.core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const customer = (name: string, tier: 'standard' | 'key', phone: string) => ({
  new: { kind: 'person' as const, name, tier, role: 'end_customer' as const, phones: [phone], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' },
});
const intake = (name: string, tier: 'standard' | 'key', phone: string, typeCode: string) =>
  must('tickets.create', { customer: customer(name, tier, phone), typeCode, channel: 'phone', priority: 'normal', subject: name, description: '' });
const act = (id: string, action: MethodInput<'tickets.act'>['action']) => must('tickets.act', { id, action });

const figure = (board: Page, key: string) => board.getByTestId(`figure-${key}`).getByTestId('figure-value');
const tile = (board: Page, number: string) => board.locator(`[data-testid="board-tile"][data-number="${number}"]`);

test('the wall-board after a scripted morning: figures, live changes, tile colours', async () => {
  app = await launchApp({ locale: 'zh-CN', time: '2026-03-03T09:00:00+08:00' });
  await completeSetup(app.page);
  await signIn(app.page, ADMIN);
  const agent1 = must('users.create', { name: 'liuyang', displayName: '刘洋', role: 'agent', password: 'agent-pass-1' });
  const agent2 = must('users.create', { name: 'chenjing', displayName: '陈静', role: 'agent', password: 'agent-pass-2' });

  // 09:00 — six calls come in.
  const t1 = intake('赵磊', 'standard', '13900000001', 'login_unlock'); // 10 min, left alone
  const t2 = intake('王伟', 'key', '13900000002', 'account_open'); // key account: 15 min
  act(t2.id, 'accept');
  must('tickets.transfer', { id: t2.id, to: { agentId: agent1.id }, reason: '刘洋负责' });
  const t3 = intake('孙丽', 'standard', '13900000003', 'password_reset'); // 1 working day
  act(t3.id, 'accept');
  must('tickets.transfer', { id: t3.id, to: { agentId: agent2.id }, reason: '陈静负责' });
  const t4 = intake('周强', 'standard', '13900000004', 'complaint');
  act(t4.id, 'accept');
  const t5 = intake('吴敏', 'standard', '13900000005', 'auth_code'); // 15 min
  act(t5.id, 'accept');
  act(t5.id, 'resolve');
  const t6 = intake('郑浩', 'standard', '13900000006', 'remote_help'); // 10 min
  act(t6.id, 'accept');

  await app.advance(5 * MIN); // 09:05 — 吴敏 told in time; 孙丽's case waits on documents
  act(t5.id, 'feedback');
  act(t3.id, 'wait'); // by a supervisor (the admin) on 陈静's ticket
  await app.advance(7 * MIN); // 09:12 — 郑浩 told 2 minutes late
  act(t6.id, 'resolve');
  act(t6.id, 'feedback');
  // 09:13 — 赵磊 (10 min) has breached; 王伟 (15 min, 24x7) is past its warning point.
  await app.setTime(new Date(t2.sla.start + 13 * MIN).toISOString());

  const board = await app.context.newPage();
  await board.setViewportSize({ width: 1920, height: 1080 });
  await board.goto(`${APP_ORIGIN}/wallboard.html`);
  await expect(figure(board, 'waiting')).toHaveText('1'); // 赵磊, nobody accepted it
  await expect(figure(board, 'inProgress')).toHaveText('2'); // 王伟, 周强
  await expect(figure(board, 'paused')).toHaveText('1'); // 孙丽
  await expect(figure(board, 'atRisk')).toHaveText('1'); // 王伟, past 80 % of 15 min
  await expect(figure(board, 'breached')).toHaveText('1'); // 赵磊
  await expect(board.getByTestId('figure-breached')).toContainText('今日共 2'); // + 郑浩's late feedback
  await expect(figure(board, 'completed')).toHaveText('2');
  await expect(figure(board, 'compliance')).toHaveText('50%');
  await expect(figure(board, 'complaints')).toHaveText('1');
  await expect(board.getByTestId('board-agents')).toContainText('刘洋');
  await expect(board.getByTestId('board-agent').filter({ hasText: '张敏' })).toContainText('1'); // the admin: 周强 open

  await expect(tile(board, t1.number)).toHaveAttribute('data-tone', 'breached');
  await expect(tile(board, t2.number)).toHaveAttribute('data-tone', 'warning');
  await expect(tile(board, t2.number).getByTestId('tile-key')).toBeVisible();
  await expect(tile(board, t3.number)).toHaveAttribute('data-tone', 'paused');
  await expect(tile(board, t4.number)).toHaveAttribute('data-tone', 'ok');
  await screenshot(board, 'zh-CN-50-wallboard-1920');

  // A change anywhere reaches the board within a second.
  act(t1.id, 'accept');
  await expect(figure(board, 'waiting')).toHaveText('0', { timeout: 1_000 });
  await expect(figure(board, 'inProgress')).toHaveText('3', { timeout: 1_000 });

  // Tiles turn red at the breach instant as the clock moves.
  await app.setTime(new Date(t2.sla.dueAt - 5_000).toISOString());
  await expect(tile(board, t2.number)).toHaveAttribute('data-tone', 'warning');
  await app.setTime(new Date(t2.sla.dueAt + 1_000).toISOString());
  await expect(tile(board, t2.number)).toHaveAttribute('data-tone', 'breached');
  await expect(figure(board, 'breached')).toHaveText('2', { timeout: 1_000 });

  must('prefs.setLanguage', { language: 'en' });
  await expect(board.getByTestId('figure-waiting')).toContainText('Waiting');
  await screenshot(board, 'en-50-wallboard-1920');
  await board.setViewportSize({ width: 3840, height: 2160 });
  await screenshot(board, 'en-51-wallboard-3840');
});
