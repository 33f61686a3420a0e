// The scheduler with a moved clock: each moment fires exactly once — through the timer, on
// resume, after a restart (one summary), after a clock jump — and resolving cancels what is pending.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import type { Notice } from '../../shared/notifications';
import { manualClock } from '../../electron/core';
import { ADMIN, startCore, T0, tempDir, type TestCore } from './helpers';
import { CUSTOMER } from './samples';

const MIN = 60_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function centre(opts: { dir?: string; clock?: ReturnType<typeof manualClock>; setup?: boolean } = {}) {
  const t = await startCore(opts);
  cleanups.push(t.close);
  const notices: Notice[] = [];
  const os: { title: string; ticketId?: string }[] = [];
  t.core.on((e: AppEvent) => e.type === 'notification' && notices.push(e.notice));
  return { t, notices, os };
}

/** A standard 10-minute login unlock at T0 (Tue 09:00): warning at 8 min, breach at 10 min. */
const loginUnlock = (t: TestCore) =>
  t.must('tickets.create', { customer: { new: { ...CUSTOMER, tier: 'standard' } }, typeCode: 'login_unlock', channel: 'phone', priority: 'normal', subject: '解锁', description: '' });

const fired = (t: TestCore) => t.core.db.prepare('SELECT kind, fired_at FROM due_moments WHERE fired_at IS NOT NULL ORDER BY id').all() as { kind: string; fired_at: number }[];

describe('firing', () => {
  it('a warning and a breach fire exactly once each, at their instants', async () => {
    const { t, notices } = await centre();
    const row = loginUnlock(t);
    t.clock.advance(8 * MIN - 1);
    expect(t.core.onResume()).toBeNull();
    t.clock.advance(1);
    expect(t.core.onResume()?.moments.map((m) => m.kind)).toEqual(['sla.warning']);
    expect(t.core.onResume()).toBeNull();
    t.clock.advance(2 * MIN);
    expect(t.core.onResume()?.moments.map((m) => m.kind)).toEqual(['sla.breach']);
    expect(t.core.onResume()).toBeNull();
    expect(fired(t)).toEqual([
      { kind: 'sla.warning', fired_at: row.sla.warningAt },
      { kind: 'sla.breach', fired_at: row.sla.dueAt },
    ]);
    // The admin on this seat sees an unassigned ticket's warning and breach.
    expect(notices.map((n) => n.kind)).toEqual(['warning', 'breach']);
    expect(t.core.db.prepare('SELECT count(*) FROM notifications').pluck().get()).toBe(2);
  });

  it('the timer fires by itself when the moment comes', async () => {
    const { t, notices } = await centre();
    loginUnlock(t);
    t.clock.advance(8 * MIN - 300); // 0.3 s before the warning
    t.core.onResume(); // re-arms the timer for the remaining 0.3 s
    t.clock.advance(300);
    await new Promise((r) => setTimeout(r, 700));
    expect(notices.map((n) => n.kind)).toEqual(['warning']);
  });

  it('two resume events give one firing', async () => {
    const { t } = await centre();
    loginUnlock(t);
    t.clock.advance(9 * MIN);
    const first = t.core.onResume();
    const second = t.core.onResume();
    expect(first?.moments).toHaveLength(1);
    expect(second).toBeNull();
  });

  it('a clock jumped forward by two hours fires everything due in between, once', async () => {
    const { t, notices } = await centre();
    for (let i = 0; i < 3; i++) loginUnlock(t);
    t.clock.advance(2 * 60 * MIN);
    expect(t.core.onResume()?.moments).toHaveLength(6);
    expect(t.core.onResume()).toBeNull();
    // Six at once is a flood: one summary instead, counted as the queue counts (the three
    // warnings belong to tickets now breached: none is merely at risk).
    expect(notices).toEqual([{ kind: 'summary', breached: 3, atRisk: 0, caughtUp: false, sound: true }]);
  });

  it('resolving a ticket before its warning cancels its pending moments', async () => {
    const { t, notices } = await centre();
    const row = loginUnlock(t);
    t.must('tickets.act', { id: row.id, action: 'accept' });
    t.must('tickets.act', { id: row.id, action: 'resolve' });
    expect(t.core.db.prepare('SELECT count(*) FROM due_moments WHERE fired_at IS NULL').pluck().get()).toBe(0);
    t.clock.advance(60 * MIN);
    expect(t.core.onResume()).toBeNull();
    expect(notices).toEqual([]);
  });

  it('waiting on the customer pauses the moments; resuming re-arms them later', async () => {
    const { t } = await centre();
    const row = loginUnlock(t);
    t.must('tickets.act', { id: row.id, action: 'accept' });
    t.clock.advance(5 * MIN);
    t.must('tickets.act', { id: row.id, action: 'wait' });
    t.clock.advance(30 * MIN);
    expect(t.core.onResume()).toBeNull();
    const resumed = t.must('tickets.act', { id: row.id, action: 'resume' });
    expect(resumed.sla.dueAt).toBe(row.sla.dueAt + 30 * MIN);
    t.clock.advance(3 * MIN); // 8 working minutes used: the warning
    expect(t.core.onResume()?.moments.map((m) => m.kind)).toEqual(['sla.warning']);
  });
});

describe('restarts', () => {
  it('moments missed while closed fire once at start, as one summary', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const clock = manualClock(T0);
    const first = await startCore({ dir: dir.dir, clock });
    loginUnlock(first);
    loginUnlock(first);
    await first.close();

    clock.advance(3 * 60 * MIN); // the PC was off all morning
    const { t, notices } = await centre({ dir: dir.dir, clock, setup: false });
    // startCore started the scheduler before the listener above; start again finds nothing new.
    expect(t.core.startScheduler()).toBeNull();
    const summary = t.core.db.prepare('SELECT count(*) AS n, sum(caught_up) AS caught FROM notifications').get();
    expect(summary).toEqual({ n: 4, caught: 4 });
    expect(notices).toEqual([]); // delivered before we listened, once

    await t.close();
    cleanups.pop();
    const again = await startCore({ dir: dir.dir, clock, setup: false });
    cleanups.push(again.close);
    expect(again.core.db.prepare('SELECT count(*) FROM notifications').pluck().get()).toBe(4); // not again
  });

  it('the catch-up is one summary for whoever is on the seat, with the OS notification naming the count', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const clock = manualClock(T0);
    const first = await startCore({ dir: dir.dir, clock });
    loginUnlock(first);
    loginUnlock(first);
    loginUnlock(first);
    await first.close();
    clock.advance(3 * 60 * MIN);

    const { createCore } = await import('../../electron/core');
    const os: string[] = [];
    const core = await createCore({ dataDir: dir.dir, clock, backupCheckEveryMs: 0, notify: (n) => os.push(n.title) });
    cleanups.push(() => core.close());
    const notices: Notice[] = [];
    core.on((e) => e.type === 'notification' && notices.push(e.notice));
    core.startScheduler();
    expect(notices).toEqual([{ kind: 'summary', breached: 3, atRisk: 0, caughtUp: true, sound: true }]);
    expect(os).toEqual(['客服台关闭期间有 3 张工单超时']);
    expect(core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password }).ok).toBe(true);
  });
});

describe('who hears what', () => {
  it('an agent hears their own ticket’s warning; a supervisor hears only breaches of others', async () => {
    const { t, notices } = await centre();
    t.must('users.create', { name: 'agent1', displayName: '坐席一', role: 'agent', password: 'agent-pass-1' });
    t.must('users.create', { name: 'super1', displayName: '主管一', role: 'supervisor', password: 'super-pass-1' });
    t.must('auth.signOut', {});
    t.must('auth.signIn', { name: 'agent1', password: 'agent-pass-1' });
    const row = loginUnlock(t);
    t.must('tickets.act', { id: row.id, action: 'accept' });
    t.must('auth.signOut', {});
    t.must('auth.signIn', { name: 'super1', password: 'super-pass-1' });
    t.clock.advance(8 * MIN);
    t.core.onResume();
    expect(notices).toEqual([]);
    t.clock.advance(2 * MIN);
    t.core.onResume();
    expect(notices.map((n) => n.kind)).toEqual(['breach']);
  });

  it('quiet warnings: no warning notification, breaches still; sound off makes them silent', async () => {
    const { t, notices } = await centre();
    t.must('me.saveNotificationPrefs', { sound: false, quietWarnings: true });
    loginUnlock(t);
    t.clock.advance(8 * MIN);
    t.core.onResume();
    expect(notices).toEqual([]);
    t.clock.advance(2 * MIN);
    t.core.onResume();
    expect(notices).toMatchObject([{ kind: 'breach', sound: false }]);
  });

  it('the tray count and the board agree on breached open tickets', async () => {
    const { t } = await centre();
    loginUnlock(t);
    loginUnlock(t);
    t.clock.advance(11 * MIN);
    expect(t.core.breachedOpenCount()).toBe(2);
    expect(t.must('board.snapshot', {}).figures.breachedOpen).toBe(2);
  });
});
