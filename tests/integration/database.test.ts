// The database file: pragmas, migrations, refusing the future, damage and backups.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, CoreStartError, manualClock } from '../../electron/core';
import { BACKUPS_KEPT, backupNow, listBackups, restoreBackup } from '../../electron/core/db/backup';
import { LATEST_VERSION, migrate, type Migration } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { dbFileIn } from '../../electron/core/paths';
import { ADMIN, startCore, T0, tempDir } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
function folder() {
  const d = tempDir();
  cleanups.push(d.remove);
  return d.dir;
}

describe('opening the database', () => {
  it('sets WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const t = await startCore();
    cleanups.push(t.close);
    const { db } = t.core;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('cache_size', { simple: true })).toBe(-65536); // 64 MB page cache: bulk import
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('keeps everything across a restart', async () => {
    const dir = folder();
    const first = await startCore({ dir });
    first.must('users.create', { name: 'wangwei', displayName: '王伟', role: 'agent', password: 'agent-pass-1' });
    await first.close();
    const second = await startCore({ dir, setup: false });
    cleanups.push(second.close);
    expect(second.must('app.status', {})).toMatchObject({ initialized: true, centreName: '示范客服中心', user: null });
    second.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    expect(second.must('users.list', {}).map((u) => u.name).sort()).toEqual(['admin', 'wangwei']);
  });

  it('refuses a database written by a newer Kefu Desk, and leaves it untouched', async () => {
    const dir = folder();
    const raw = new Database(dbFileIn(dir));
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const err = await createCore({ dataDir: dir, backupCheckEveryMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreStartError);
    expect(err).toMatchObject({ problem: 'DB_TOO_NEW' });
    expect((err as Error).message).toMatch(/newer Kefu Desk/);
    const again = new Database(dbFileIn(dir));
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    again.close();
  });

  it('a damaged file is refused with a clear message naming the latest backup, and a restore brings the data back', async () => {
    const dir = folder();
    const t = await startCore({ dir });
    t.must('users.create', { name: 'wangwei', displayName: '王伟', role: 'agent', password: 'agent-pass-1' });
    await backupNow(t.core.db, dir, 'manual', T0 + 1000);
    await t.close();
    writeFileSync(dbFileIn(dir), Buffer.alloc(8192, 0x5a)); // garbage where the database was

    const err = (await createCore({ dataDir: dir, backupCheckEveryMs: 0 }).catch((e: unknown) => e)) as CoreStartError;
    expect(err).toBeInstanceOf(CoreStartError);
    expect(err.problem).toBe('DB_DAMAGED');
    expect(err.latestBackup?.file).toMatch(/manual\.sqlite$/);

    const { keptDamagedAs } = restoreBackup(dbFileIn(dir), err.latestBackup!.file, T0 + 2000);
    expect(keptDamagedAs && existsSync(keptDamagedAs)).toBe(true); // never deleted
    const back = await startCore({ dir, setup: false });
    cleanups.push(back.close);
    back.must('auth.signIn', { name: 'wangwei', password: 'agent-pass-1' });
  });
});

describe('migrations', () => {
  it('apply all pending ones in one transaction: a failing one leaves nothing behind', () => {
    const db = openDatabase(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'two', up: () => { throw new Error('boom'); } },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'a'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuse a list that is not numbered 1, 2, 3…', () => {
    const db = openDatabase(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => {} }])).toThrow(/expected 1/);
    db.close();
  });

  it('each table is STRICT', async () => {
    const t = await startCore();
    cleanups.push(t.close);
    const tables = t.core.db
      // FTS5's own shadow tables are created by SQLite, not by our migrations.
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`)
      .all() as { name: string; sql: string }[];
    for (const { name, sql } of tables) expect(sql, name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
  });
});

describe('backups', () => {
  it('takes a daily backup at start-up, and another only a day later', async () => {
    const dir = folder();
    const clock = manualClock(T0);
    const core = await createCore({ dataDir: dir, clock, backupCheckEveryMs: 0 });
    await core.close();
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['daily']);
    clock.advance(60 * 60 * 1000);
    await (await createCore({ dataDir: dir, clock, backupCheckEveryMs: 0 })).close();
    expect(listBackups(dir)).toHaveLength(1);
    clock.advance(24 * 60 * 60 * 1000);
    await (await createCore({ dataDir: dir, clock, backupCheckEveryMs: 0 })).close();
    expect(listBackups(dir)).toHaveLength(2);
  });

  it('backs up before migrating an existing database', async () => {
    const dir = folder();
    const raw = openDatabase(dbFileIn(dir));
    raw.exec('CREATE TABLE legacy (x INTEGER) STRICT'); // a database at version 0 that has content
    raw.close();
    await (await createCore({ dataDir: dir, clock: manualClock(T0), backupCheckEveryMs: 0 })).close();
    // The pre-migration copy is fresh, so it also serves as today's backup.
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['pre-migration']);
  });

  it(`keeps only the last ${BACKUPS_KEPT}, newest first, each a readable database`, async () => {
    const t = await startCore();
    cleanups.push(t.close);
    for (let i = 1; i <= BACKUPS_KEPT + 3; i++) await backupNow(t.core.db, t.dir, 'daily', T0 + i * 86_400_000);
    const kept = listBackups(t.dir);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]!.at).toBe(T0 + (BACKUPS_KEPT + 3) * 86_400_000);
    expect(readdirSync(join(t.dir, 'backups')).some((f) => f.endsWith('.partial'))).toBe(false);
    const copy = new Database(kept[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    copy.close();
  });
});

describe('the log file', () => {
  it('records unexpected failures with their context', async () => {
    const t = await startCore();
    cleanups.push(t.close);
    t.core.db.exec('DROP TABLE audit_log'); // sabotage: the next audited change must fail inside
    const r = t.core.call('users.create', { name: 'wangwei', displayName: '王伟', role: 'agent', password: 'agent-pass-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(t.core.logger.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ level: 'error', method: 'users.create', error: expect.stringMatching(/audit_log/) });
    // The failed call changed nothing: the user insert was rolled back with it.
    expect(t.core.db.prepare(`SELECT count(*) FROM users WHERE name = 'wangwei'`).pluck().get()).toBe(0);
  });
});
