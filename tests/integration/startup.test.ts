// Start-up on a large file: quick_check reads the whole database (~13 s on the 1M-ticket centre),
// so after a clean shutdown it runs in a worker thread and start-up only does a cheap sanity
// check; after a crash (the session marker is still there) it runs before the core starts. The
// daily backup runs in the background and close() waits for it.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import { createCore, CoreStartError, manualClock, type Core } from '../../electron/core';
import { backupsDir, listBackups } from '../../electron/core/db/backup';
import { sessionMarkerFile } from '../../electron/core/db/sessionMarker';
import { dbFileIn } from '../../electron/core/paths';
import { startCore, T0, tempDir } from './helpers';

const DAY = 86_400_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function folder() {
  const d = tempDir('kefu-startup-');
  cleanups.push(d.remove);
  return d.dir;
}
async function open(dir: string, at: number): Promise<Core> {
  const core = await createCore({ dataDir: dir, clock: manualClock(at), backupCheckEveryMs: 0, maintenanceEveryMs: 0 });
  cleanups.push(() => core.close());
  return core;
}
const logLines = (core: Core) =>
  readFileSync(core.logger.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** A set-up centre plus `rows` rows of ~400 bytes (≈ rows / 9 pages), closed cleanly. */
async function centreWithFiller(dir: string, rows: number): Promise<void> {
  const t = await startCore({ dir });
  t.core.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, pad BLOB NOT NULL) STRICT');
  t.core.db.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO filler (pad) SELECT randomblob(400) FROM n').run(rows);
  await t.close();
}

/** Overwrites pages of the closed database file with garbage, leaving everything else as it was. */
function smash(file: string, pages: number[], from = 0): void {
  const raw = new Database(file, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const fd = openSync(file, 'r+');
  try {
    for (const p of pages) writeSync(fd, Buffer.alloc(pageSize - from, 0xa5), 0, pageSize - from, (p - 1) * pageSize + from);
  } finally {
    closeSync(fd);
  }
}

describe('start-up after a clean shutdown', () => {
  it('does not run quick_check before starting: a worker runs it, and it resolves ok', async () => {
    const dir = folder();
    await (await startCore({ dir })).close();
    expect(existsSync(sessionMarkerFile(dbFileIn(dir)))).toBe(false); // removed by close()

    const core = await open(dir, T0 + 1000);
    expect(core.startCheck).toBe('background');
    expect(existsSync(sessionMarkerFile(dbFileIn(dir)))).toBe(true); // present while open
    expect(await core.integrity).toBe('ok');
    expect(logLines(core).some((l) => /did not close cleanly/.test(String(l.message)))).toBe(false);
    await core.close();
    expect(existsSync(sessionMarkerFile(dbFileIn(dir)))).toBe(false);
  });

  it('a file damaged after a clean shutdown: start-up succeeds, the background check reports it and db.problem is published; nothing is deleted', async () => {
    const dir = folder();
    await centreWithFiller(dir, 3000); // the first start took the daily backup
    const before = listBackups(dir);
    expect(before.map((b) => b.reason)).toEqual(['daily']);
    const file = dbFileIn(dir);
    const stat = new Database(file, { readonly: true });
    const leaves = stat.prepare(`SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
    stat.close();
    expect(leaves.length).toBeGreaterThan(100);
    smash(file, leaves.slice(40, 45)); // interior pages; header, schema and each table's first leaf intact

    // A day later: this start also takes a daily backup — of the damaged file.
    const t0 = performance.now();
    const core = await open(dir, T0 + DAY + 1000);
    const startMs = performance.now() - t0;
    expect(core.startCheck).toBe('background');
    expect(startMs).toBeLessThan(5000);
    const events: AppEvent[] = [];
    core.on((e) => events.push(e));

    const outcome = await core.integrity;
    expect(Array.isArray(outcome) && outcome.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 0)); // a listener attached late gets the event replayed
    expect(events).toEqual([{ type: 'db.problem', messageKey: 'errors.dbDamagedBackground', latestBackup: before[0]!.file }]);
    const logged = logLines(core).find((l) => /found the database damaged/.test(String(l.message)));
    expect(logged).toMatchObject({ level: 'error', dbFile: file, problemCount: expect.any(Number) });
    // The core keeps working for what is still readable.
    expect(core.call('app.status', {})).toMatchObject({ ok: true });
    await core.close();

    // Nothing deleted: the file is there; this session's backup of the damaged file is set aside.
    expect(existsSync(file)).toBe(true);
    expect(listBackups(dir).map((b) => b.file)).toEqual([before[0]!.file]);
    expect(readdirSync(backupsDir(dir)).filter((f) => f.endsWith('.unverified'))).toHaveLength(1);
    // The marker stays, so the next start checks fully and refuses with the latest good backup.
    expect(existsSync(sessionMarkerFile(file))).toBe(true);
    const err = (await createCore({ dataDir: dir, backupCheckEveryMs: 0, maintenanceEveryMs: 0 }).catch((e: unknown) => e)) as CoreStartError;
    expect(err).toBeInstanceOf(CoreStartError);
    expect(err.problem).toBe('DB_DAMAGED');
    expect(err.latestBackup?.file).toBe(before[0]!.file);
  });

  it('a file whose schema page is garbage (header intact) is refused at once with the latest backup', async () => {
    const dir = folder();
    await centreWithFiller(dir, 10);
    smash(dbFileIn(dir), [1], 100); // keep the 100-byte header, destroy the schema b-tree page
    const err = (await createCore({ dataDir: dir, backupCheckEveryMs: 0 }).catch((e: unknown) => e)) as CoreStartError;
    expect(err).toBeInstanceOf(CoreStartError);
    expect(err.problem).toBe('DB_DAMAGED');
    expect(err.latestBackup?.file).toMatch(/daily\.sqlite$/);
  });
});

describe('start-up after the app was killed', () => {
  it('the marker left behind makes start-up run quick_check before starting', async () => {
    const dir = folder();
    await (await startCore({ dir })).close();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'fixtures/writer.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ack ')) {
          child.kill('SIGKILL');
          done();
        }
      });
      child.on('exit', (code) => (code === null ? done() : fail(new Error(`writer exited ${code}`))));
    });
    await new Promise((r) => child.once('close', r));
    expect(existsSync(sessionMarkerFile(dbFileIn(dir)))).toBe(true);

    const core = await open(dir, T0 + 1000);
    expect(core.startCheck).toBe('quick_check');
    expect(await core.integrity).toBe('ok'); // already known at start-up
    expect(logLines(core).some((l) => /did not close cleanly/.test(String(l.message)))).toBe(true);
    await core.close();
    expect(existsSync(sessionMarkerFile(dbFileIn(dir)))).toBe(false);
    expect((await open(dir, T0 + 2000)).startCheck).toBe('background');
  }, 60_000);

  it('a damaged file with the marker left behind is refused with the latest backup', async () => {
    const dir = folder();
    await centreWithFiller(dir, 3000);
    const file = dbFileIn(dir);
    const stat = new Database(file, { readonly: true });
    const leaves = stat.prepare(`SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
    stat.close();
    smash(file, leaves.slice(40, 45));
    const crashed = await open(dir, T0 + 1000);
    crashed.db.close(); // as if killed: no close(), the marker stays
    const err = (await createCore({ dataDir: dir, backupCheckEveryMs: 0 }).catch((e: unknown) => e)) as CoreStartError;
    expect(err).toBeInstanceOf(CoreStartError);
    expect(err.problem).toBe('DB_DAMAGED');
    expect(err.latestBackup?.file).toMatch(/daily\.sqlite$/);
  });
});

describe('the daily backup at start-up', () => {
  it('does not hold up start-up, and close() waits for it to finish', async () => {
    const dir = folder();
    await centreWithFiller(dir, 20_000); // ≈ 9 MB: the backup takes many steps
    const core = await createCore({ dataDir: dir, clock: manualClock(T0 + DAY), backupCheckEveryMs: 0, maintenanceEveryMs: 0 });
    expect(listBackups(dir)).toHaveLength(1); // today's is still being written
    await core.close();
    const after = listBackups(dir);
    expect(after.map((b) => b.reason)).toEqual(['daily', 'daily']);
    expect(readdirSync(backupsDir(dir)).some((f) => f.endsWith('.partial'))).toBe(false);
    const copy = new Database(after[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(20_000);
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
  });
});
