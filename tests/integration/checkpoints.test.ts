// WAL checkpoints run in a worker thread, not inside an agent's commit (db/checkpointer.ts): the
// commit that takes the WAL past SQLite's 1,000 pages does not copy it into the main file, the
// worker does, and the WAL then starts over instead of growing.
import { closeSync, copyFileSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTOCHECKPOINT_PAGES, BURST_PAGES, observeCheckpoints, startCheckpointer, WAL_RESERVE_BYTES, type CheckpointRun } from '../../electron/core/db/checkpointer';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { createLogger } from '../../electron/core/log';
import { systemClock } from '../../electron/core/clock';
import { startCore, tempDir } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(what: string, done: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function scratch(): { db: Db; logger: ReturnType<typeof createLogger> } {
  const tmp = tempDir('kefu-ckpt-');
  cleanups.push(tmp.remove);
  const db = openDatabase(join(tmp.dir, 'kefu.sqlite'));
  cleanups.push(() => db.close());
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, pad BLOB NOT NULL) STRICT');
  return { db, logger: createLogger(join(tmp.dir, 'logs'), systemClock) };
}

/** ≈ 1,500 pages in 10 commits: past SQLite's default auto-checkpoint of 1,000 pages. */
function burst(db: Db): void {
  const insert = db.prepare('INSERT INTO filler (pad) VALUES (randomblob(3000))');
  const commit = db.transaction(() => {
    for (let i = 0; i < 150; i++) insert.run();
  });
  for (let i = 0; i < 10; i++) commit();
}

/** The WAL header's checkpoint sequence: it moves on each time the WAL starts over. */
function walSequence(db: Db): number {
  const fd = openSync(`${db.name}-wal`, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.readUInt32BE(12);
  } finally {
    closeSync(fd);
  }
}

describe('WAL checkpoints off the write path', () => {
  it('a commit past 1,000 pages does not checkpoint: the main file is untouched until the worker runs', async () => {
    const { db, logger } = scratch();
    // The worker's timer is far away: only a checkpoint inside a commit could copy the WAL now.
    const checkpointer = startCheckpointer(db, logger, { everyMs: 60_000 });
    cleanups.push(() => checkpointer.stop());
    await until('the worker is ready', () => db.pragma('wal_autocheckpoint', { simple: true }) === BURST_PAGES);
    const mainFile = statSync(db.name).size;
    burst(db);
    expect(statSync(`${db.name}-wal`).size).toBeGreaterThan(1500 * 3000);
    expect(statSync(db.name).size).toBe(mainFile);
  });

  it('the worker copies the WAL into the main file, and after a pause the next commit starts the WAL over', async () => {
    const { db, logger } = scratch();
    // Without a reserved file, its size shows how far the WAL went.
    const checkpointer = startCheckpointer(db, logger, { everyMs: 50, reserveBytes: 0 });
    cleanups.push(() => checkpointer.stop());
    await until('the worker is ready', () => db.pragma('wal_autocheckpoint', { simple: true }) === BURST_PAGES);
    let mainFile = statSync(db.name).size;
    burst(db);
    const walAfterOne = statSync(`${db.name}-wal`).size;
    for (let round = 0; round < 3; round++) {
      await until('the worker copied the burst', () => statSync(db.name).size >= mainFile + 1500 * 3000);
      mainFile = statSync(db.name).size;
      const sequence = walSequence(db);
      // A pause as between agents' actions: the worker finishes, the next commit starts over.
      await new Promise((r) => setTimeout(r, 200));
      burst(db);
      expect(walSequence(db)).toBe(sequence + 1);
    }
    // Four bursts, one burst's worth of WAL.
    expect(statSync(`${db.name}-wal`).size).toBeLessThanOrEqual(walAfterOne * 1.2);
    expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(6000);
  });

  it('the WAL file is reserved once the worker runs: commits write over the reserve, and a crash keeps every one', async () => {
    const { db, logger } = scratch();
    db.prepare('INSERT INTO filler (pad) VALUES (?)').run(Buffer.from('before the reserve'));
    expect(statSync(`${db.name}-wal`).size).toBeLessThan(WAL_RESERVE_BYTES);
    const checkpointer = startCheckpointer(db, logger, { everyMs: 60_000 });
    cleanups.push(() => checkpointer.stop());
    // Commits between the reserve's slices land before the reserved part, not in it.
    const insert = db.prepare('INSERT INTO filler (pad) VALUES (randomblob(3000))');
    let reserving = true;
    void checkpointer.reserved.then(() => (reserving = false));
    let during = 0;
    while (reserving) {
      insert.run();
      during++;
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(during).toBeGreaterThan(10);
    expect(statSync(`${db.name}-wal`).size).toBe(WAL_RESERVE_BYTES);
    // ≈ 1,500 pages, all into the reserved file: no commit made it longer.
    burst(db);
    expect(statSync(`${db.name}-wal`).size).toBe(WAL_RESERVE_BYTES);
    // A crash now (no checkpoint, no close): the main file and its WAL as they are on disk.
    const crashDir = tempDir('kefu-ckpt-crash-');
    cleanups.push(crashDir.remove);
    const crashed = join(crashDir.dir, 'kefu.sqlite');
    copyFileSync(db.name, crashed);
    copyFileSync(`${db.name}-wal`, `${crashed}-wal`);
    const recovered = new Database(crashed);
    cleanups.push(() => recovered.close());
    expect(recovered.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(recovered.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(1 + during + 1500);
    expect(recovered.prepare('SELECT pad FROM filler WHERE id = 1').pluck().get()).toEqual(Buffer.from('before the reserve'));
  });

  it('while another connection holds the write lock the reserve waits, without holding up the main thread, and then completes', async () => {
    const { db, logger } = scratch();
    const other = new Database(db.name);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    // Enough to spill past its page cache: uncommitted frames land past the WAL's end.
    other.pragma('cache_size = 10');
    const put = other.prepare('INSERT INTO filler (pad) VALUES (randomblob(3000))');
    for (let i = 0; i < 200; i++) put.run();
    const checkpointer = startCheckpointer(db, logger, { everyMs: 60_000 });
    cleanups.push(() => checkpointer.stop());
    await until('the worker is ready', () => db.pragma('wal_autocheckpoint', { simple: true }) === BURST_PAGES);
    // A slice tried and gave way: the main thread is free (this timer runs), the file not reserved.
    const t = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    expect(Date.now() - t).toBeLessThan(1000);
    expect(statSync(`${db.name}-wal`).size).toBeLessThan(WAL_RESERVE_BYTES);
    other.exec('COMMIT');
    await checkpointer.reserved;
    expect(statSync(`${db.name}-wal`).size).toBe(WAL_RESERVE_BYTES);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(200);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('an observer (the tickets bench) hears of each checkpoint the worker ran, with its time and frames', async () => {
    const { db, logger } = scratch();
    const runs: CheckpointRun[] = [];
    observeCheckpoints((r) => runs.push(r));
    const checkpointer = startCheckpointer(db, logger, { everyMs: 50 });
    observeCheckpoints(null);
    cleanups.push(() => checkpointer.stop());
    const before = Date.now();
    burst(db);
    // The burst may be copied in several rounds (the worker runs while it is written); in the end
    // a round finds the whole WAL copied.
    await until('a checkpoint copied the whole WAL', () => runs.some((r) => r.log > 0 && r.checkpointed === r.log));
    const copied = runs.filter((r) => r.checkpointed > 0);
    expect(copied.length).toBeGreaterThan(0);
    for (const r of runs) {
      expect(r.checkpointed).toBeLessThanOrEqual(r.log);
      expect(r.at).toBeGreaterThanOrEqual(before - 1);
      expect(r.at).toBeLessThanOrEqual(Date.now());
      expect(r.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('without an observer the worker reports nothing', async () => {
    const { db, logger } = scratch();
    const checkpointer = startCheckpointer(db, logger, { everyMs: 50 });
    cleanups.push(() => checkpointer.stop());
    const runs: CheckpointRun[] = [];
    // Set after the start: a checkpointer reports only to the observer it was started with.
    observeCheckpoints((r) => runs.push(r));
    cleanups.push(() => observeCheckpoints(null));
    burst(db);
    await until('the worker copied the burst', () => statSync(db.name).size > 4096 * 1000);
    expect(runs).toEqual([]);
  });

  it('a worker that cannot run leaves the connection checkpointing itself, and says why', async () => {
    const { db, logger } = scratch();
    db.pragma('wal_autocheckpoint = 0');
    const checkpointer = startCheckpointer(db, logger, { driver: join(db.name, '..', 'missing', 'index.js') });
    cleanups.push(() => checkpointer.stop());
    await until('the connection checkpoints itself again', () => db.pragma('wal_autocheckpoint', { simple: true }) === AUTOCHECKPOINT_PAGES);
    expect(readFileSync(logger.file, 'utf8')).toMatch(/cannot load better-sqlite3/);
  });

  it('the core runs one; after close the worker is gone and the WAL is empty', async () => {
    const t = await startCore();
    const file = t.core.db.name;
    await until('the worker is ready', () => t.core.db.pragma('wal_autocheckpoint', { simple: true }) === BURST_PAGES);
    t.must('prefs.setLanguage', { language: 'en' });
    await t.core.close();
    expect(statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare(`SELECT value FROM settings WHERE key = 'ui.language'`).pluck().get()).toBe('"en"');
    reopened.close();
    await t.close();
  });
});
