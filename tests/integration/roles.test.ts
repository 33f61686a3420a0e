// The registry refuses a method to a role that may not call it, whatever the UI shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { roleAllows, ROLES, type Role } from '../../shared/roles';
import { startCore, type TestCore } from './helpers';
import { validSamples } from './samples';
import { snapshot } from './snapshot';

let t: TestCore;
const passwords: Record<Role, string> = { agent: 'agent-pass-1', supervisor: 'super-pass-1', admin: 'admin-pass-1', wallboard: 'board-pass-1' };

beforeAll(async () => {
  t = await startCore();
  t.must('users.create', { name: 'agent1', displayName: '坐席一', role: 'agent', password: passwords.agent });
  t.must('users.create', { name: 'super1', displayName: '主管一', role: 'supervisor', password: passwords.supervisor });
  t.must('users.create', { name: 'tv1', displayName: '大屏', role: 'wallboard', password: passwords.wallboard });
});
afterAll(async () => t.close());

const signInAs = (role: Role) => {
  t.must('auth.signOut', {});
  const name = { admin: 'admin', agent: 'agent1', supervisor: 'super1', wallboard: 'tv1' }[role];
  t.must('auth.signIn', { name, password: passwords[role] });
};

const guarded = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].access !== 'public');

const refusedTo = (role: Role) => guarded.filter((m) => !roleAllows(role, contract[m].access));
// Admins may call everything, so only the roles below them have refusals to prove.
describe.each(ROLES.filter((r) => refusedTo(r).length > 0))('signed in as %s', (role) => {
  const refused = refusedTo(role);
  it(`is refused ${refused.join(', ')} with FORBIDDEN, changing nothing`, () => {
    signInAs(role);
    for (const method of refused) {
      const before = snapshot(t.core.db);
      const r = t.core.invoke(method, validSamples[method]);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } });
      expect(snapshot(t.core.db), method).toBe(before);
    }
  });
});

describe('the board-only sign-in of a TV PC', () => {
  it('reads the board, the catalogue and the calendars, and nothing else', () => {
    signInAs('wallboard');
    const allowed = guarded.filter((m) => roleAllows('wallboard', contract[m].access)).sort();
    expect(allowed).toEqual(['board.snapshot', 'calendars.list', 'catalogue.list']);
    expect(t.core.call('board.snapshot', {}).ok).toBe(true);
    expect(t.core.call('tickets.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('signed out', () => {
  it('every guarded method answers UNAUTHENTICATED', () => {
    t.must('auth.signOut', {});
    for (const method of guarded) {
      expect(t.core.invoke(method, validSamples[method]), method).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
  });
  it('public methods still answer', () => {
    expect(t.core.call('app.status', {})).toMatchObject({ ok: true, value: { initialized: true, user: null } });
  });
});

describe('role changes take effect on the next call', () => {
  it('an agent promoted to admin may list users at once; demoted, may not', () => {
    signInAs('admin');
    const agent = t.must('users.list', {}).find((u) => u.name === 'agent1')!;
    t.must('users.update', { id: agent.id, role: 'admin' });
    signInAs('agent'); // agent1 is now an admin
    expect(t.core.call('users.list', {}).ok).toBe(true);
    t.must('users.update', { id: agent.id, role: 'agent' });
    expect(t.core.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
