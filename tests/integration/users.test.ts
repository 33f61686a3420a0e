// Users and sessions: creation, names, disabling, passwords, the last admin, and who did what.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startCore, type TestCore } from './helpers';

let t: TestCore;
beforeEach(async () => {
  t = await startCore();
});
afterEach(async () => t.close());

const addAgent = (name = 'wangwei', password = 'agent-pass-1') =>
  t.must('users.create', { name, displayName: '王伟', role: 'agent', password });

describe('first run', () => {
  it('is refused once the centre is set up', () => {
    const r = t.core.call('setup.init', {
      centreName: '另一个中心',
      timeZone: 'Asia/Shanghai',
      seatCode: 'Z9',
      admin: { name: 'other', displayName: '其他', password: 'password-9' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.alreadyInitialized' } });
    expect(t.must('users.list', {})).toHaveLength(1);
  });

  it('refuses an unknown time zone and a malformed seat code', () => {
    const fresh = { centreName: 'x', admin: { name: 'ab', displayName: 'A', password: 'password-1' } };
    expect(t.core.call('setup.init', { ...fresh, timeZone: 'Mars/Olympus', seatCode: 'A1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'timeZone', message: 'validation.timeZone' }] },
    });
    expect(t.core.call('setup.init', { ...fresh, timeZone: 'Asia/Shanghai', seatCode: 'a-1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'seatCode', message: 'validation.seatCode' }] },
    });
  });
});

describe('users', () => {
  it('creates a user who can sign in with the role given; names are unique ignoring case', () => {
    addAgent();
    expect(t.core.call('users.create', { name: 'WangWei', displayName: '另一个王伟', role: 'agent', password: 'password-1' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'errors.userNameTaken', params: { name: 'WangWei' } },
    });
    t.must('auth.signOut', {});
    expect(t.must('auth.signIn', { name: 'wangwei', password: 'agent-pass-1' })).toMatchObject({ role: 'agent', displayName: '王伟' });
  });

  it('never stores or returns the password', () => {
    const u = addAgent();
    expect(JSON.stringify(u)).not.toContain('agent-pass-1');
    const hash = t.core.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(u.id) as string;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    const audit = JSON.stringify(t.must('audit.list', {}));
    expect(audit).not.toContain('agent-pass-1');
    expect(audit).not.toContain(hash);
  });

  it('a wrong password and an unknown name get the same answer', () => {
    t.must('auth.signOut', {});
    const wrong = t.core.call('auth.signIn', { name: 'admin', password: 'nope-nope' });
    const unknown = t.core.call('auth.signIn', { name: 'ghost', password: 'nope-nope' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.wrongCredentials' } });
  });

  it('a disabled user cannot sign in, and one disabled while signed in is signed out', () => {
    const u = addAgent();
    t.must('users.update', { id: u.id, disabled: true });
    t.must('auth.signOut', {});
    expect(t.core.call('auth.signIn', { name: 'wangwei', password: 'agent-pass-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', messageKey: 'errors.accountDisabled' },
    });
    // Re-enable, sign the agent in, then disable them behind their back.
    t.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    t.must('users.update', { id: u.id, disabled: false });
    t.must('auth.signOut', {});
    t.must('auth.signIn', { name: 'wangwei', password: 'agent-pass-1' });
    t.core.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(u.id);
    expect(t.core.call('centre.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.must('app.status', {}).user).toBeNull();
  });

  it('keeps at least one active admin and refuses to disable oneself', () => {
    const me = t.must('users.list', {})[0]!;
    expect(t.core.call('users.update', { id: me.id, role: 'agent' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.lastAdmin' } });
    expect(t.core.call('users.update', { id: me.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const second = t.must('users.create', { name: 'admin2', displayName: '副管理员', role: 'admin', password: 'password-1' });
    // With a second admin, demoting oneself is fine but disabling oneself still is not.
    expect(t.core.call('users.update', { id: me.id, disabled: true })).toMatchObject({ ok: false, error: { messageKey: 'errors.disableSelf' } });
    t.must('users.update', { id: second.id, role: 'supervisor' });
    expect(t.core.call('users.update', { id: me.id, role: 'agent' })).toMatchObject({ ok: false, error: { messageKey: 'errors.lastAdmin' } });
  });

  it('reports an unknown user id as NOT_FOUND', () => {
    const id = '019cb135-8280-7302-afcc-000000000000';
    expect(t.core.call('users.resetPassword', { id, password: 'password-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('admins reset passwords; users change their own only with the current one', () => {
    const u = addAgent();
    t.must('users.resetPassword', { id: u.id, password: 'reset-pass-1' });
    t.must('auth.signOut', {});
    t.must('auth.signIn', { name: 'wangwei', password: 'reset-pass-1' });
    expect(t.core.call('me.changePassword', { current: 'wrong-one', next: 'mine-pass-1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', messageKey: 'errors.wrongCurrentPassword' },
    });
    t.must('me.changePassword', { current: 'reset-pass-1', next: 'mine-pass-1' });
    t.must('auth.signOut', {});
    expect(t.core.call('auth.signIn', { name: 'wangwei', password: 'mine-pass-1' }).ok).toBe(true);
  });
});

describe('the audit log', () => {
  it('records who made each change, from which seat, with before and after', () => {
    const u = addAgent();
    t.clock.advance(60_000);
    t.must('users.update', { id: u.id, displayName: '王伟（组长）' });
    const [latest] = t.must('audit.list', { limit: 1 });
    expect(latest).toMatchObject({
      action: 'user.update',
      subject: u.id,
      actorName: ADMIN.displayName,
      seat: 'A1',
      at: t.clock.now(),
      before: { displayName: '王伟' },
      after: { displayName: '王伟（组长）' },
    });
  });

  it('is append-only: the database refuses UPDATE and DELETE', () => {
    expect(() => t.core.db.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => t.core.db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });

  it('a tampered row breaks the hash chain and the database check says where', () => {
    addAgent();
    expect(t.must('db.check', {})).toMatchObject({ ok: true, chains: expect.arrayContaining([expect.objectContaining({ table: 'audit_log', ok: true })]) });
    const victim = t.core.db.prepare(`SELECT id FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1`).pluck().get() as string;
    t.core.db.exec('DROP TRIGGER audit_log_no_update');
    t.core.db.prepare(`UPDATE audit_log SET after = '{"forged":true}' WHERE id = ?`).run(victim);
    expect(t.must('db.check', {})).toMatchObject({ ok: false, chains: expect.arrayContaining([expect.objectContaining({ table: 'audit_log', ok: false, brokenAt: victim })]) });
  });
});

describe('language preference', () => {
  it('is kept by the seat and pushed to every window', () => {
    const seen: unknown[] = [];
    const off = t.core.on((e) => seen.push(e));
    t.must('prefs.setLanguage', { language: 'en' });
    off();
    expect(seen).toEqual([{ type: 'prefs.changed', language: 'en' }]);
    expect(t.must('app.status', {}).language).toBe('en');
  });

  it('events of a failed call are never published', () => {
    const seen: unknown[] = [];
    const off = t.core.on((e) => seen.push(e));
    t.core.call('users.create', { name: 'admin', displayName: '重复', role: 'agent', password: 'password-1' });
    off();
    expect(seen).toEqual([]);
  });
});
