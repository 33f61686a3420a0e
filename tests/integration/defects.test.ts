// Defects found by using the app as a new agent would (issue 14), each pinned through the real
// registry on a real SQLite file: idempotent intake, sign-in throttling with an audit trail, the
// catch-up summary for whoever signs in after start-up, and seat codes another seat uses.
import { afterEach, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import type { AppEvent } from '../../shared/contract';
import { manualClock } from '../../electron/core';
import { FIRST_LOCK_MS, FREE_ATTEMPTS, MAX_LOCK_MS } from '../../electron/core/services/signInThrottle';
import { ADMIN, startCore, T0, tempDir, type TestCore } from './helpers';
import { CUSTOMER } from './samples';
import { snapshot } from './snapshot';

const MIN = 60_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function centre(opts: Parameters<typeof startCore>[0] = {}): Promise<TestCore> {
  const t = await startCore(opts);
  cleanups.push(t.close);
  return t;
}

const intakeInput = (requestId?: string) => ({
  customer: { new: { ...CUSTOMER, tier: 'standard' as const } },
  typeCode: 'login_unlock',
  channel: 'phone' as const,
  priority: 'normal' as const,
  subject: '解锁',
  description: '',
  ...(requestId ? { requestId } : {}),
});

describe('intake saved twice (item 2)', () => {
  it('the same request id returns the first ticket; nothing else is written', async () => {
    const t = await centre();
    const events: AppEvent[] = [];
    t.core.on((e) => events.push(e));
    const requestId = uuidv4();
    const first = t.must('tickets.create', intakeInput(requestId));
    const before = snapshot(t.core.db);
    events.length = 0;
    const second = t.must('tickets.create', intakeInput(requestId));
    expect(second.id).toBe(first.id);
    expect(second.number).toBe(first.number);
    expect(snapshot(t.core.db)).toBe(before); // no second ticket, customer, event or audit entry
    expect(events.filter((e) => e.type === 'ticket.changed' || e.type === 'customer.changed')).toEqual([]);
    expect(t.must('tickets.queue', {})).toHaveLength(1);
  });

  it('different request ids (two real calls) make two tickets; no id keeps the old behaviour', async () => {
    const t = await centre();
    const a = t.must('tickets.create', intakeInput(uuidv4()));
    const b = t.must('tickets.create', intakeInput(uuidv4()));
    const c = t.must('tickets.create', intakeInput());
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
  });

  it('a request id that is not a UUID is refused and changes nothing', async () => {
    const t = await centre();
    const before = snapshot(t.core.db);
    const r = t.core.call('tickets.create', { ...intakeInput(), requestId: 'again' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'requestId', message: 'validation.requestId' }] } });
    expect(snapshot(t.core.db)).toBe(before);
  });
});

describe('wrong passwords (item 5)', () => {
  const wrong = (t: TestCore, name = ADMIN.name) => t.core.call('auth.signIn', { name, password: 'not-the-password' });

  it('a few are free, then each one locks the name for longer, up to a cap; the right password waits too', async () => {
    const t = await centre();
    t.must('auth.signOut', {});
    for (let i = 1; i <= FREE_ATTEMPTS; i++) expect(wrong(t)).toMatchObject({ ok: false, error: { messageKey: 'errors.wrongCredentials' } });

    expect(wrong(t)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.signInLocked', params: { seconds: FIRST_LOCK_MS / 1000 } } });
    // Locked: the right password is refused, with the time left, and the count does not move.
    t.clock.advance(10_000);
    expect(t.core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.signInLocked', params: { seconds: 20 } },
    });
    t.clock.advance(20_000);
    expect(wrong(t)).toMatchObject({ error: { params: { seconds: (2 * FIRST_LOCK_MS) / 1000 } } }); // doubled
    for (let i = 0; i < 10; i++) {
      t.clock.advance(MAX_LOCK_MS);
      wrong(t);
    }
    expect(wrong(t)).toMatchObject({ error: { params: { seconds: MAX_LOCK_MS / 1000 } } }); // capped (still locked)

    // After the wait the right password works, and the count starts again.
    t.clock.advance(MAX_LOCK_MS);
    expect(t.core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password }).ok).toBe(true);
    t.must('auth.signOut', {});
    expect(wrong(t)).toMatchObject({ error: { messageKey: 'errors.wrongCredentials' } });
  });

  it('names are counted apart, unknown names alike (nothing tells which names exist)', async () => {
    const t = await centre();
    t.must('users.create', { name: 'agent1', displayName: '坐席一', role: 'agent', password: 'agent-pass-1' });
    t.must('auth.signOut', {});
    for (let i = 0; i <= FREE_ATTEMPTS; i++) wrong(t, 'ghost');
    expect(wrong(t, 'ghost')).toMatchObject({ error: { messageKey: 'errors.signInLocked' } });
    expect(wrong(t, 'GHOST')).toMatchObject({ error: { messageKey: 'errors.signInLocked' } }); // names are case-blind
    expect(t.core.call('auth.signIn', { name: 'agent1', password: 'agent-pass-1' }).ok).toBe(true);
  });

  it('every failed sign-in is in the audit log (name, reason, no password), visible to the admin', async () => {
    const t = await centre();
    t.must('auth.signOut', {});
    for (let i = 0; i < 10; i++) {
      wrong(t);
      t.clock.advance(1000);
    }
    t.clock.advance(MAX_LOCK_MS);
    t.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    const failed = t.must('audit.list', { family: 'session' }).filter((e) => e.action === 'session.signInFailed');
    expect(failed).toHaveLength(10);
    expect(failed.at(-1)).toMatchObject({ actorId: null, subject: expect.any(String), after: { name: 'admin', reason: 'wrongCredentials', failures: 1 } });
    expect(failed.map((e) => (e.after as { reason: string }).reason)).toContain('locked');
    expect(JSON.stringify(failed)).not.toContain('not-the-password');
    // The chain still verifies with the entries written by refused calls.
    expect(t.must('db.check', {})).toMatchObject({ ok: true });
  });

  it('an audit entry pushes audit.changed, so an open audit view refreshes', async () => {
    const t = await centre();
    const events: string[] = [];
    t.core.on((e) => events.push(e.type));
    t.must('users.create', { name: 'agent1', displayName: '坐席一', role: 'agent', password: 'agent-pass-1' });
    expect(events).toContain('audit.changed');
    events.length = 0;
    t.must('auth.signOut', {});
    wrong(t);
    expect(events).toContain('audit.changed');
  });
});

describe('the audit log can be searched (item 7)', () => {
  it('by family of action and by any text, newest first', async () => {
    const t = await centre();
    t.must('users.create', { name: 'agent1', displayName: '坐席一', role: 'agent', password: 'agent-pass-1' });
    t.must('users.create', { name: 'super1', displayName: '主管一', role: 'supervisor', password: 'super-pass-1' });
    expect(t.must('audit.list', { family: 'user' }).map((e) => e.action)).toEqual(['user.create', 'user.create', 'user.create']);
    expect(t.must('audit.list', { q: '主管' }).map((e) => (e.after as { name: string }).name)).toEqual(['super1']);
    expect(t.must('audit.list', { q: '100%_' })).toEqual([]); // LIKE wildcards are literal
    expect(t.must('audit.list', { from: T0 + 1 })).toEqual([]);
  });
});

describe('the catch-up after a weekend closed (item 12)', () => {
  const loginUnlock = (t: TestCore) => t.must('tickets.create', intakeInput());

  it('the user who signs in later gets the summary once, with the queue’s breached count', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const clock = manualClock(T0);
    const first = await startCore({ dir: dir.dir, clock });
    const early = loginUnlock(first);
    clock.advance(11 * MIN); // breached while the app was open: its moment fired then
    first.core.onResume();
    for (let i = 0; i < 5; i++) loginUnlock(first);
    await first.close();

    clock.set(Date.parse('2026-03-09T08:30:00+08:00')); // Monday morning, after the weekend
    const t = await centre({ dir: dir.dir, clock, setup: false });
    // startCore started the scheduler (the catch-up fired: 5 moments, nobody signed in).
    t.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    const summary = t.must('me.catchUp', {});
    const queue = t.must('tickets.queue', {});
    const breachedInQueue = queue.filter((r) => r.sla.dueAt <= clock.now() && r.sla.pausedSince === null).length;
    expect(queue.map((r) => r.id)).toContain(early.id);
    expect(breachedInQueue).toBe(6);
    expect(summary).toEqual({ kind: 'summary', breached: 6, atRisk: 0, caughtUp: true, sound: true });
    expect(t.must('board.snapshot', {}).figures.breachedOpen).toBe(summary!.breached);
    expect(t.must('me.catchUp', {})).toBeNull(); // once
  });

  it('no catch-up when nothing fell due while closed', async () => {
    const t = await centre();
    expect(t.must('me.catchUp', {})).toBeNull();
  });
});

describe('seat codes (item 13)', () => {
  it('a code that another seat’s ticket numbers carry is refused; this seat’s own old codes are not', async () => {
    const t = await centre();
    const centreNow = t.must('centre.get', {});
    const mine = t.must('tickets.create', intakeInput());
    expect(mine.number.startsWith('A1-')).toBe(true);
    // A ticket another seat (B7) numbered, as the centre's data will bring it.
    t.core.db.prepare(`UPDATE tickets SET number = 'B7-20260303-0001', seat = 'B7' WHERE id = ?`).run(mine.id);
    const before = snapshot(t.core.db);
    expect(t.core.call('centre.update', { ...centreNow, seatCode: 'B7' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'errors.seatCodeTaken', params: { code: 'B7', number: 'B7-20260303-0001' } },
    });
    expect(snapshot(t.core.db)).toBe(before);
    // A code nobody uses is fine, and so is going back to one this seat held.
    t.must('centre.update', { ...centreNow, seatCode: 'C3' });
    t.must('tickets.create', intakeInput());
    t.must('centre.update', { ...centreNow, seatCode: 'A1' });
    t.must('centre.update', { ...centreNow, seatCode: 'C3' });
    // "B70" is another code: B7's numbers do not block it.
    t.must('centre.update', { ...centreNow, seatCode: 'B70' });
  });
});
