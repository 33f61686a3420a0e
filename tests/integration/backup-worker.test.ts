// Backups are copied by a worker thread (db/backupWorker.ts): the app keeps writing meanwhile, and
// the copy is one consistent snapshot of the committed state.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow } from '../../electron/core/db/backup';
import { BackupWorkerUnavailable, backupInWorker } from '../../electron/core/db/backupWorker';
import { openDatabase } from '../../electron/core/db/open';
import { tempDir } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function centre() {
  const tmp = tempDir('kefu-bw-');
  cleanups.push(tmp.remove);
  const db = openDatabase(join(tmp.dir, 'kefu.sqlite'));
  cleanups.push(() => db.close());
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, pad BLOB NOT NULL) STRICT');
  // ≈ 12 MB, part of it still in the WAL only: the copy must include committed WAL frames.
  db.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler (pad) SELECT randomblob(4000) FROM n').run();
  return { db, dir: tmp.dir };
}

describe('backups in a worker thread', () => {
  it('the app writes while the copy runs; the copy is one sound snapshot of committed rows', async () => {
    const { db, dir } = centre();
    const insert = db.prepare('INSERT INTO filler (pad) VALUES (randomblob(100))');
    let writes = 0;
    let copying = true;
    const copy = backupNow(db, dir, 'manual', Date.now()).finally(() => (copying = false));
    // Writes between the event loop's turns, as agents' actions arrive while the backup runs.
    while (copying) {
      insert.run();
      writes++;
      await new Promise((r) => setImmediate(r));
    }
    const b = await copy;
    expect(writes).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(3000 + writes);
    const backup = new Database(b.file, { readonly: true });
    cleanups.push(() => backup.close());
    expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
    const rows = backup.prepare('SELECT count(*) FROM filler').pluck().get() as number;
    // Every row committed before the copy began, and ids without a gap: a snapshot, not a mix.
    expect(rows).toBeGreaterThanOrEqual(3000);
    expect(rows).toBeLessThanOrEqual(3000 + writes);
    expect(backup.prepare('SELECT max(id) FROM filler').pluck().get()).toBe(rows);
  });

  it('a worker that cannot load better-sqlite3 is reported as unavailable (backupNow then copies in-process)', async () => {
    const { db, dir } = centre();
    const err = await backupInWorker(db.name, join(dir, 'x.sqlite'), join(dir, 'missing', 'index.js')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupWorkerUnavailable);
    expect(String(err)).toMatch(/cannot load better-sqlite3/);
  });

  it('a copy that cannot be written fails with its reason (not as an unavailable worker, so nothing falls back)', async () => {
    const { db, dir } = centre();
    const err = await backupInWorker(db.name, join(dir, 'no-such-folder', 'x.sqlite')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(BackupWorkerUnavailable);
  });
});
