// The centre hub's figures on a real PostgreSQL started here (tests/integration/hub/pgServer.ts):
// - hub.visible.p50/p99: a ticket created on seat A until seat B's core publishes it (NOTIFY wakes
//   B, B pulls and applies); reference: a raw INSERT + NOTIFY seen by another raw LISTEN client.
// - hub.catchup.5000: a seat that was off while 5,000 changes were made catches up (pull + apply);
//   reference: the raw SELECT of those 5,000 rows alone.
// - hub.push.200-seats.p99 / .throughput: 200 simulated seats each pushing 1 change per second.
import pg from 'pg';
import { createCore, manualClock } from '../../electron/core';
import { pushChanges } from '../../electron/core/sync/hubClient';
import type { OutboxRow } from '../../electron/core/sync/outbox';
import { v7 } from 'uuid';
import { findPgBin, startPgServer } from '../integration/hub/pgServer';
import { ADMIN, T0, tempDir } from '../integration/helpers';
import { percentile, round, type BenchFigure } from './figure';

const log = (...a: unknown[]) => process.stderr.write(`[hub.bench] ${a.join(' ')}\n`);

async function seat(dir: string, connection: ReturnType<Awaited<ReturnType<typeof startPgServer>>['connection']>, first: boolean, code: string) {
  const core = await createCore({ dataDir: dir, clock: manualClock(T0), backupCheckEveryMs: 0, maintenanceEveryMs: 0, hub: { retryMs: 50, maxRetryMs: 500, pollMs: 5000, pullBatch: 2000 } });
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  if (first) {
    must(core.call('setup.init', { centreName: 'Bench', timeZone: 'Asia/Shanghai', seatCode: code, admin: ADMIN }));
    must(core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
    must(core.call('hub.connect', { connection }));
  } else if (!core.call('app.status', {}).ok || !(core.call('app.status', {}) as { ok: true; value: { initialized: boolean } }).value.initialized) {
    must(core.call('hub.join', { connection, seatCode: code }));
  }
  await core.hub.syncNow();
  await core.hub.syncNow();
  if (!first) must(core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
  return { core, must };
}

const CUSTOMER = { kind: 'person' as const, name: '测试', tier: 'standard' as const, role: 'end_customer' as const, phones: ['13800000000'], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' };

export async function run(): Promise<BenchFigure[]> {
  const { bin, reason } = findPgBin();
  if (!bin) {
    log(`skipped: ${reason}`);
    return [];
  }
  const hub = await startPgServer();
  const figures: BenchFigure[] = [];
  const dirs = [tempDir('kefu-bench-a-'), tempDir('kefu-bench-b-')];
  try {
    const connection = hub.connection();
    const a = await seat(dirs[0]!.dir, connection, true, 'A1');
    let b = await seat(dirs[1]!.dir, connection, false, 'B2');
    const customer = a.must(a.core.call('customers.create', { customer: CUSTOMER }));
    await a.core.hub.syncNow();
    await b.core.hub.syncNow();

    // --- visible on another seat ---------------------------------------------------------------
    const n = 200;
    const lat: number[] = [];
    let waiting: { id: string; t0: number; done(): void } | null = null;
    b.core.on((e) => {
      if (waiting && e.type === 'ticket.changed' && e.ticket.id === waiting.id) {
        lat.push(performance.now() - waiting.t0);
        waiting.done();
      }
    });
    for (let i = 0; i < n; i++) {
      await new Promise<void>((done) => {
        const t0 = performance.now();
        const r = a.must(a.core.call('tickets.create', { customer: { id: customer.id }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: `bench ${i}`, description: '' }));
        waiting = { id: r.id, t0, done };
      });
      waiting = null;
    }
    lat.sort((x, y) => x - y);
    const raw = await rawNotifyLatency(connection, n);
    figures.push({ bench: 'hub.visible.p50', value: round(percentile(lat, 50)), unit: 'ms', reference: round(percentile(raw, 50)) });
    figures.push({ bench: 'hub.visible.p99', value: round(percentile(lat, 99)), unit: 'ms', budget: 1000, reference: round(percentile(raw, 99)) });

    // --- catch-up of a seat that was off ------------------------------------------------------------
    await b.core.close();
    const before = Number((await query(connection, 'SELECT max(seq) AS n FROM kefu_changes')).rows[0].n);
    // About three changes per ticket (ticket, its event, the customer's phone index is local): push
    // as they are made, so the hub holds them when B comes back.
    for (let i = 0; ; i++) {
      a.must(a.core.call('tickets.create', { customer: { id: customer.id }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: `offline ${i}`, description: '' }));
      if (i % 250 === 249) {
        await a.core.hub.syncNow();
        const made = Number((await query(connection, 'SELECT max(seq) AS n FROM kefu_changes')).rows[0].n) - before;
        if (made >= 5000) break;
      }
    }
    await a.core.hub.syncNow();
    const behind = Number((await query(connection, 'SELECT max(seq) AS n FROM kefu_changes')).rows[0].n) - before;
    log(`seat B is ${behind} changes behind`);
    const t0 = performance.now();
    b = await seat(dirs[1]!.dir, connection, false, 'B2');
    const catchup = performance.now() - t0;
    const r0 = performance.now();
    await query(connection, `SELECT seq, change_id, tbl, pk, op, row, changed, base, seat, at FROM kefu_changes WHERE seq > $1 ORDER BY seq`, [before]);
    const rawPull = performance.now() - r0;
    figures.push({ bench: `hub.catchup.${behind}`, value: round(catchup, 1), unit: 'ms', reference: round(rawPull, 1) });
    await a.core.close();
    await b.core.close();

    // --- 200 simulated seats, each pushing 1 change per second ------------------------------------
    const seats = 200;
    const seconds = 10;
    const centre = (await query(connection, 'SELECT id FROM kefu_centres LIMIT 1')).rows[0].id as string;
    const clients = await Promise.all(Array.from({ length: seats }, async () => {
      const c = new pg.Client(connection);
      await c.connect();
      return c;
    }));
    const pushLat: number[] = [];
    const started = performance.now();
    await Promise.all(clients.map(async (c, s) => {
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      for (let i = 0; i < seconds; i++) {
        const row: OutboxRow = { seq: i, change_id: v7(), tbl: 'bench', pk: `s${s}-${i}`, op: 'insert', row: '{"x":1}', changed: null, base: 0, seat: `S${s}`, at: Date.now() };
        const p0 = performance.now();
        await pushChanges(c, centre, `seat-${s}`, [row]);
        pushLat.push(performance.now() - p0);
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - p0))));
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    await Promise.all(clients.map((c) => c.end()));
    pushLat.sort((x, y) => x - y);
    figures.push({ bench: 'hub.push.200-seats.p50', value: round(percentile(pushLat, 50)), unit: 'ms' });
    figures.push({ bench: 'hub.push.200-seats.p99', value: round(percentile(pushLat, 99)), unit: 'ms' });
    figures.push({ bench: 'hub.push.200-seats.throughput', value: round(pushLat.length / elapsed, 1), unit: 'ops/s' });
  } finally {
    hub.destroy();
    for (const d of dirs) d.remove();
  }
  return figures;
}

async function query(connection: pg.ClientConfig, sql: string, params: unknown[] = []) {
  const c = new pg.Client(connection);
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

/** The raw floor: one client INSERTs and NOTIFYs, another LISTENs. */
async function rawNotifyLatency(connection: pg.ClientConfig, n: number): Promise<number[]> {
  const w = new pg.Client(connection);
  const l = new pg.Client(connection);
  await w.connect();
  await l.connect();
  await w.query('CREATE TEMP TABLE bench_raw (id int)');
  await l.query('LISTEN bench_raw');
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const seen = new Promise<void>((done) => l.once('notification', () => done()));
    await w.query('BEGIN');
    await w.query('INSERT INTO bench_raw VALUES ($1)', [i]);
    await w.query(`NOTIFY bench_raw`);
    await w.query('COMMIT');
    await seen;
    out.push(performance.now() - t0);
  }
  await w.end();
  await l.end();
  return out.sort((x, y) => x - y);
}

if (process.argv[1]?.endsWith('hub.bench.ts')) void run().then((f) => f.forEach((x) => console.log(JSON.stringify(x))));
