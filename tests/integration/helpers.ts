// A real core on a real SQLite file in a fresh temp folder, driven through the registry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, manualClock, type Core } from '../../electron/core';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

export const T0 = Date.parse('2026-03-03T09:00:00+08:00');

export function tempDir(prefix = 'kefu-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const ADMIN = { name: 'admin', displayName: '管理员', password: 'admin-pass-1' };

/** The shift most ticket tests need beside the admin: two agents and their supervisor. */
export const TEAM = [
  { name: 'agent1', displayName: '坐席一', role: 'agent', password: 'agent-pass-1' },
  { name: 'agent2', displayName: '坐席二', role: 'agent', password: 'agent-pass-2' },
  { name: 'super1', displayName: '主管一', role: 'supervisor', password: 'super-pass-1' },
] as const;
export type TeamMember = (typeof TEAM)[number]['name'] | 'admin';

/** Creates the team (signed in as the admin). */
export function addTeam(t: TestCore): void {
  for (const u of TEAM) t.must('users.create', { ...u });
}

/** Signs out whoever is in and signs a team member (or the admin) in. */
export function signInAs(t: TestCore, name: TeamMember) {
  t.must('auth.signOut', {});
  const password = name === 'admin' ? ADMIN.password : TEAM.find((u) => u.name === name)!.password;
  return t.must('auth.signIn', { name, password });
}

export interface TestCore {
  core: Core;
  clock: ReturnType<typeof manualClock>;
  dir: string;
  /** Calls a method and returns its value, failing the test with the error if it was refused. */
  must<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
  close(): Promise<void>;
}

export async function startCore(opts: { setup?: boolean; dir?: string; clock?: ReturnType<typeof manualClock> } = {}): Promise<TestCore> {
  const tmp = opts.dir ? null : tempDir();
  const dir = opts.dir ?? tmp!.dir;
  const clock = opts.clock ?? manualClock(T0);
  const core = await createCore({ dataDir: dir, clock, backupCheckEveryMs: 0 });
  core.startScheduler();
  const must = <M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> => {
    const r = core.call(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  if (opts.setup !== false) {
    must('setup.init', { centreName: '示范客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A1', admin: ADMIN });
    must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
  }
  return {
    core,
    clock,
    dir,
    must,
    close: async () => {
      await core.close();
      tmp?.remove();
    },
  };
}
