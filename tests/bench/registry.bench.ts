// The foundation's figures: an agent action through the real handler registry (validation, role
// check, transaction, audit chain) against the raw SQLite write it boils down to; core start-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { startCheckpointer } from '../../electron/core/db/checkpointer';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { systemClock } from '../../electron/core/clock';
import { createLogger } from '../../electron/core/log';
import { checkpointerSettled, percentile, round, timeEach, type BenchFigure } from './figure';

export async function run(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  try {
    let t0 = performance.now();
    const core = await createCore({ dataDir: dir, backupCheckEveryMs: 0 });
    const firstStart = performance.now() - t0;
    const must = (r: { ok: boolean }) => {
      if (!r.ok) throw new Error(JSON.stringify(r));
    };
    must(core.call('setup.init', { centreName: 'Bench', timeZone: 'Asia/Shanghai', seatCode: 'B1', admin: { name: 'admin', displayName: 'A', password: 'password-1' } }));
    must(core.call('auth.signIn', { name: 'admin', password: 'password-1' }));
    // Measured as the app runs a moment after its start: checkpoints in their worker, the WAL file
    // reserved. The loop below never yields, so without this wait every 1,000 pages a commit would
    // checkpoint itself (what the raw reference below does, SQLite's default).
    await checkpointerSettled(core.db);
    const n = 2000;
    // An audited settings write: validation + role + transaction + hash-chained audit row.
    const viaRegistry = timeEach(n, (i) => must(core.call('centre.update', { centreName: `Bench ${i}`, timeZone: 'Asia/Shanghai', seatCode: 'B1' })));
    await core.close();

    t0 = performance.now();
    await (await createCore({ dataDir: dir, backupCheckEveryMs: 0 })).close();
    const restart = performance.now() - t0;

    const db = openDatabase(join(dir, 'raw.sqlite'));
    db.exec('CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) STRICT');
    // Checkpointed as the core's connection is, so both pay the same commits.
    const checkpointer = startCheckpointer(db, createLogger(join(dir, 'logs'), systemClock));
    await checkpointerSettled(db);
    const put = db.prepare('INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v');
    const raw = timeEach(n, (i) => put.run('centre', `Bench ${i}`));
    await checkpointer.stop();
    closeDatabase(db);

    return [
      { bench: 'registry.audited-write.p50', value: round(percentile(viaRegistry, 50)), unit: 'ms', budget: 5, reference: round(percentile(raw, 50)) },
      { bench: 'registry.audited-write.p99', value: round(percentile(viaRegistry, 99)), unit: 'ms', budget: 5, reference: round(percentile(raw, 99)) },
      { bench: 'core.start.new-database', value: round(firstStart, 1), unit: 'ms' },
      { bench: 'core.start.existing-database', value: round(restart, 1), unit: 'ms', budget: 1000 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run().then((figures) => figures.forEach((f) => console.log(JSON.stringify(f))));
