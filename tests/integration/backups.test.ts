// Backups in the app: make one now, restore one (the current state is kept first, the swap happens
// when the core next opens the file), copy backups to another folder on a schedule.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core';
import { pendingRestoreFile } from '../../electron/core/services/backups';
import { startCore, T0, tempDir, type TestCore } from './helpers';

const tmp = tempDir('kefu-backups-');
const copyDir = tempDir('kefu-backup-copies-');
afterAll(() => {
  tmp.remove();
  copyDir.remove();
});

const backupDone = (t: TestCore) =>
  new Promise<void>((resolve) => {
    const off = t.core.on((e) => {
      if (e.type === 'backups.changed') {
        off();
        resolve();
      }
    });
  });

describe('backups', () => {
  it('makes one now, restores it after confirmation, keeping the current state as a backup', async () => {
    const clock = manualClock(T0);
    let t = await startCore({ dir: tmp.dir, clock });
    t.must('users.create', { name: 'before', displayName: '备份前', role: 'agent', password: 'agent-pass-1' });
    const done = backupDone(t);
    expect(t.must('backups.create', {})).toBeNull();
    await done;
    const manual = t.must('backups.list', {}).find((b) => b.reason === 'manual')!;
    expect(manual).toBeDefined();
    clock.advance(60_000);
    t.must('users.create', { name: 'after', displayName: '备份后', role: 'agent', password: 'agent-pass-1' });

    // Without the confirmation nothing is staged.
    expect(t.core.call('backups.restore', { name: manual.name } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.core.call('backups.restore', { name: 'kefu-20200101T000000000Z-manual.sqlite', confirm: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(pendingRestoreFile(tmp.dir))).toBe(false);

    const staged = new Promise<string>((resolve) => t.core.on((e) => e.type === 'db.restoreStaged' && resolve(e.backup)));
    t.must('backups.restore', { name: manual.name, confirm: true });
    expect(await staged).toBe(manual.name);
    // Still the current database until the core is opened again.
    expect(t.must('users.list', {}).map((u) => u.name)).toContain('after');
    await t.close();

    clock.advance(60_000);
    t = await startCore({ dir: tmp.dir, clock, setup: false });
    t.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    const names = t.must('users.list', {}).map((u) => u.name);
    expect(names).toContain('before');
    expect(names).not.toContain('after');
    expect(existsSync(pendingRestoreFile(tmp.dir))).toBe(false);
    const pre = t.must('backups.list', {}).find((b) => b.reason === 'pre-restore');
    expect(pre).toBeDefined();
    expect(t.must('db.check', {}).ok).toBe(true);
    await t.close();
  });

  it('copies backups to another folder when the interval has passed', async () => {
    const clock = manualClock(T0 + 86_400_000);
    const t = await startCore({ dir: tmp.dir, clock, setup: false });
    t.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    expect(t.core.call('backups.saveSettings', { copyTo: 'relative/path', everyHours: 24 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    t.must('backups.saveSettings', { copyTo: join(copyDir.dir, 'usb'), everyHours: 24 });
    await t.close();
    // The next start (and the hourly timer) copies what the other folder lacks.
    const t2 = await startCore({ dir: tmp.dir, clock, setup: false });
    t2.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    const copied = readdirSync(join(copyDir.dir, 'usb'));
    expect(copied.sort()).toEqual(t2.must('backups.list', {}).map((b) => b.name).sort());
    expect(copied.some((n) => n.endsWith('.partial'))).toBe(false);
    expect(t2.must('backups.settings', {})).toMatchObject({ lastCopyAt: clock.now(), lastCopyError: null });
    await t2.close();
  });
});
