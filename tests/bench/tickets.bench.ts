// The queue's figures on a full-size centre (1,000,000 tickets, 200,000 customers, 2,000 open;
// see generate.ts): core start-up, agent actions through the real registry, the open queue, the
// search box and the file size — each next to the raw SQLite work it boils down to, measured in
// the same run. Diagnostics (where the time goes, query plans) go to stderr; figures to stdout.
//
// Run alone: npx tsx tests/bench/tickets.bench.ts   (first run generates the centre, ~3 min)
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance as nodePerformance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { backupsDir, listBackups } from '../../electron/core/db/backup';
import { quickCheck } from '../../electron/core/db/check';
import { observeCheckpoints, startCheckpointer, WAL_RESERVE_BYTES, type CheckpointRun } from '../../electron/core/db/checkpointer';
import { closeDatabase, openDatabase, type Db } from '../../electron/core/db/open';
import { forgetStatements } from '../../electron/core/db/stmt';
import { dbFileIn } from '../../electron/core/paths';
import { digitsOf, ftsLiteral } from '../../electron/core/services/customers';
import { TICKET_SELECT, toTicketRow, type TicketRecord } from '../../electron/core/services/ticketRows';
import { ticketSlaStatus } from '../../electron/core/services/ticketSla';
import type { Statement } from 'better-sqlite3';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { checkpointerSettled, percentile, round, timeEach, type BenchFigure } from './figure';
import { BENCH_AGENT_PASSWORD, DEFAULT_CACHE_ROOT, generateCentre, mulberry32 } from './generate';

const TICKETS = 1_000_000;
const CUSTOMERS = 200_000;
const OPEN = 2_000;
const ACTIONS = 1_000;
const QUEUE_RUNS = 20;

const log = (msg: string) => process.stderr.write(`[tickets.bench] ${msg}\n`);
const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

export async function run(): Promise<BenchFigure[]> {
  const centre = await generateCentre(DEFAULT_CACHE_ROOT, { tickets: TICKETS, customers: CUSTOMERS, openTickets: OPEN });
  const { dataDir } = centre;
  const dbFile = dbFileIn(dataDir);
  const figures: BenchFigure[] = [];
  const sizeMb = statSync(dbFile).size / 2 ** 20;

  // --- Start-up -------------------------------------------------------------------------------
  // The parts first, on their own: open with every pragma + quick_check (what every start does).
  let t0 = performance.now();
  const probe = openDatabase(dbFile);
  const openMs = ms(t0);
  t0 = performance.now();
  const check = quickCheck(probe);
  const quickCheckMs = ms(t0);
  closeDatabase(probe);
  if (check[0] !== 'ok') throw new Error(`quick_check on the generated centre: ${check.slice(0, 3).join('; ')}`);

  // No backup yet: this start also starts the daily backup, as the first start of a day does
  // (in the background: createCore does not wait for it, close() does).
  rmSync(backupsDir(dataDir), { recursive: true, force: true });
  t0 = performance.now();
  const first = await createCore({ dataDir, backupCheckEveryMs: 0 });
  const startWithBackup = ms(t0);
  // While the daily backup is copied: how much of the main thread it takes (event-loop
  // utilisation) and the longest the main thread could not answer (event-loop delay).
  const elu0 = nodePerformance.eventLoopUtilization();
  const stall = monitorEventLoopDelay({ resolution: 10 });
  stall.enable();
  while (listBackups(dataDir).length === 0) await new Promise((r) => setTimeout(r, 50));
  stall.disable();
  const backupElu = nodePerformance.eventLoopUtilization(elu0);
  const backupMs = ms(t0) - startWithBackup;
  await first.close();
  log(`daily backup: ${(backupMs / 1000).toFixed(1)} s, main thread busy ${(backupElu.active / 1000).toFixed(1)} s of it, longest main-thread stall ${(stall.max / 1e6).toFixed(0)} ms`);
  // A fresh backup exists now, and the last session closed cleanly: open + sanity check +
  // migration check; quick_check runs in a worker thread.
  // Every checkpoint of the core's worker and the replay's, to set beside the slow actions.
  const checkpoints: (CheckpointRun & { who: 'core' | 'replay' })[] = [];
  observeCheckpoints((c) => checkpoints.push({ ...c, who: 'core' }));
  t0 = performance.now();
  const core = await createCore({ dataDir, backupCheckEveryMs: 0 });
  const start = ms(t0);
  const integrity = await core.integrity;
  const backgroundCheckMs = ms(t0);
  // The first start's daily backup is the centre as the actions below find it: the reference
  // replays the handlers' own statements on it (see replayReference).
  const replayFile = join(dataDir, 'bench-replay.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(replayFile + suffix, { force: true });
  renameSync(listBackups(dataDir)[0]!.file, replayFile);
  log(`start-up: open ${openMs.toFixed(1)} ms, quick_check ${quickCheckMs.toFixed(0)} ms; createCore ${start.toFixed(0)} ms (${core.startCheck}), with the daily backup started ${startWithBackup.toFixed(0)} ms (the backup took ${backupMs.toFixed(0)} ms more); background quick_check ${JSON.stringify(integrity)} after ${backgroundCheckMs.toFixed(0)} ms`);
  // The actions below are measured on a settled core, not next to the start-up check's worker.

  try {
    const must = <M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> => {
      const r = core.call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    must('auth.signIn', { name: centre.agents[0]!, password: BENCH_AGENT_PASSWORD });
    const rng = mulberry32(42);
    const db = core.db;

    // --- Agent actions through the registry ---------------------------------------------------
    const customerIds = sampleRows<string>(db, 'SELECT id FROM customers WHERE rowid = ?', CUSTOMERS, ACTIONS, rng);
    const types = ['consultation', 'login_unlock', 'password_reset', 'account_open', 'complaint', 'after_sales', 'data_change', 'remote_help'];
    const created: string[] = [];
    const recorder = recordStatements(db);
    const replay = openDatabase(replayFile);
    // Diagnosis only (the product stays FULL): KEFU_BENCH_REPLAY_SYNC=NORMAL shows what the fsync costs.
    const replaySync = process.env.KEFU_BENCH_REPLAY_SYNC;
    if (replaySync) {
      replay.pragma(`synchronous = ${replaySync === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
      log(`DIAGNOSIS: the raw replay runs with synchronous=${replaySync === 'NORMAL' ? 'NORMAL' : 'FULL'}; its reference is not the app's`);
    }
    // Checkpointed as the core's connection is (off the write path), so both pay the same commits.
    observeCheckpoints((c) => checkpoints.push({ ...c, who: 'replay' }));
    // Diagnosis only: KEFU_BENCH_REPLAY_RESERVE=0 leaves the replay's WAL file unreserved, so the
    // same run shows what a growing WAL costs a commit (the reference is then not the app's).
    const replayReserve = process.env.KEFU_BENCH_REPLAY_RESERVE === '0' ? 0 : undefined;
    if (replayReserve === 0) log(`DIAGNOSIS: the raw replay's WAL file is not reserved; its reference is not the app's`);
    const replayCheckpoints = startCheckpointer(replay, core.logger, { reserveBytes: replayReserve });
    observeCheckpoints(null);
    // Both WAL files reserved before the first action, as the app's is a moment after start.
    await replayCheckpoints.reserved;
    const settling = performance.now();
    await checkpointerSettled(db);
    log(`the core's WAL file is reserved (${(WAL_RESERVE_BYTES / 2 ** 20).toFixed(1)} MiB), ${ms(settling).toFixed(0)} ms after the start-up check`);
    const statementsPerCall = { create: 0, accept: 0, resolve: 0 };
    /**
     * Each call through the registry (its statements recorded), then at once the same statements
     * raw on the copy: the two alternate, so both meet the same disk and the same neighbours.
     */
    const samples: Record<keyof typeof statementsPerCall, Sample[]> = { create: [], accept: [], resolve: [] };
    // The main thread's garbage-collection pauses, to set beside the slow calls (both ours and
    // the replay run on it: a pause lands in whichever call is running).
    const pauses: Pause[] = [];
    const gc = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) pauses.push({ at: performance.timeOrigin + e.startTime, ms: e.duration, kind: ((e as { detail?: { kind?: number } }).detail)?.kind ?? 0 });
    });
    gc.observe({ entryTypes: ['gc'] });
    const paired = (name: keyof typeof statementsPerCall, fn: (i: number) => void) => {
      const ours: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < ACTIONS; i++) {
        recorder.start();
        const at = performance.timeOrigin + performance.now();
        const t = performance.now();
        try {
          fn(i);
        } finally {
          ours.push(performance.now() - t);
        }
        const statements = recorder.stop();
        statementsPerCall[name] = statements.length;
        const rawAt = performance.timeOrigin + performance.now();
        const replayed = replayOne(replay, statements);
        raw.push(replayed.ms);
        samples[name].push({ at, ms: ours[i]!, sqls: statements.map((r) => r.sql), rawAt, raw: replayed });
      }
      return { ours: ours.sort((x, y) => x - y), raw: raw.sort((x, y) => x - y) };
    };
    const create = paired('create', (i) => {
      const row = must('tickets.create', {
        customer: { id: customerIds[i]! },
        typeCode: types[i % types.length]!,
        channel: 'phone',
        priority: 'normal',
        subject: '客户来电咨询网银转账限额',
        description: '客户来电反映网上银行单笔转账限额不够，已核实身份信息，请协助尽快处理。',
      });
      created.push(row.id);
    });
    const accept = paired('accept', (i) => must('tickets.act', { id: created[i]!, action: 'accept' }));
    const resolve = paired('resolve', (i) => must('tickets.act', { id: created[i]!, action: 'resolve' }));
    recorder.detach();
    await replayCheckpoints.stop();
    // Late worker messages and GC entries (the loop above never yields) have arrived by now.
    observeCheckpoints(null);
    await new Promise((r) => setTimeout(r, 10));
    gc.disconnect();
    for (const name of ['create', 'accept', 'resolve'] as const) diagnoseWrites(name, samples[name], checkpoints, pauses);
    closeShm();
    closeDatabase(replay);
    for (const suffix of ['', '-wal', '-shm']) rmSync(replayFile + suffix, { force: true });
    // Feedback takes them out of the queue again, so every run sees the same 2,000 open tickets.
    const feedback = timeEach(ACTIONS, (i) => must('tickets.act', { id: created[i]!, action: 'feedback' }));
    const raw = rawInsertReference(dataDir, ACTIONS);
    const sync = diskSyncReference(dataDir, ACTIONS);
    log(`this disk's own durable write (4 WAL frames written over a 4 MB file, then fsync), right after the actions: p50 ${percentile(sync, 50).toFixed(3)} ms, p99 ${percentile(sync, 99).toFixed(3)} ms, max ${sync[sync.length - 1]!.toFixed(2)} ms`);
    // The floor under every durable commit's p99 at this moment: read the write figures against it.
    figures.push({ bench: 'disk.fsync.p99', value: round(percentile(sync, 99)), unit: 'ms', reference: round(percentile(sync, 50)) });
    log(`one autocommitted INSERT of a ticket-sized row (the old reference): p50 ${percentile(raw, 50).toFixed(3)} ms, p99 ${percentile(raw, 99).toFixed(3)} ms`);
    for (const [name, { ours, raw: ref }] of [['create', create], ['accept', accept], ['resolve', resolve]] as const) {
      figures.push({ bench: `tickets.${name}.p50`, value: round(percentile(ours, 50)), unit: 'ms', budget: 5, reference: round(percentile(ref, 50)) });
      figures.push({ bench: `tickets.${name}.p99`, value: round(percentile(ours, 99)), unit: 'ms', budget: 5, reference: round(percentile(ref, 99)) });
      // Our overhead over the same statements run raw: validation, roles, JSON, events, the queue.
      figures.push({ bench: `tickets.${name}.overhead`, value: round(percentile(ours, 50) / percentile(ref, 50), 2), unit: 'x', budget: 1.5 });
      log(`${name}: ${statementsPerCall[name]} statements a call; overhead at p99 ${(percentile(ours, 99) / percentile(ref, 99)).toFixed(2)}x`);
      // What a commit writes does not depend on the neighbours' load: pages into the WAL, median.
      figures.push({ bench: `tickets.${name}.wal-pages`, value: median(samples[name].map((s) => s.raw.frames)), unit: 'pages' });
    }
    log(`feedback p50 ${percentile(feedback, 50).toFixed(2)} ms, p99 ${percentile(feedback, 99).toFixed(2)} ms (not a figure: it keeps the queue at ${OPEN})`);

    // --- The open queue -------------------------------------------------------------------------
    const queueSql = `${TICKET_SELECT} WHERE t.is_open`;
    const openCount = (must('tickets.queue', {}) as unknown[]).length;
    if (openCount !== OPEN) log(`warning: the queue holds ${openCount} tickets, expected ${OPEN}`);
    const queue = timeEach(QUEUE_RUNS, () => must('tickets.queue', {}));
    const select = db.prepare(queueSql);
    const queueRaw = timeEach(QUEUE_RUNS, () => select.all());
    figures.push({ bench: `tickets.queue.${OPEN}-open`, value: round(median(queue)), unit: 'ms', budget: 20, reference: round(median(queueRaw)) });
    diagnoseQueue(db, queueSql);

    // --- Search ---------------------------------------------------------------------------------
    const queries = searchWorkload(db, rng);
    const viaRegistry = queries.map((q) => {
      const t = performance.now();
      if (q.kind === 'ticket number') must('search.all', { q: q.q });
      else must('customers.search', { q: q.q });
      return { kind: q.kind, ms: ms(t) };
    });
    const searchAll = queries.map((q) => {
      const t = performance.now();
      must('search.all', { q: q.q });
      return { kind: q.kind, ms: ms(t) };
    });
    const rawLookup = rawSearchReference(db);
    const rawTimes = queries.map((q) => {
      const t = performance.now();
      rawLookup(q.q, q.kind);
      return ms(t);
    });
    const p95 = (xs: number[]) => round(percentile([...xs].sort((a, b) => a - b), 95));
    figures.push({ bench: 'customers.search.p95', value: p95(viaRegistry.map((x) => x.ms)), unit: 'ms', budget: 50, reference: p95(rawTimes) });
    figures.push({ bench: 'search.all.p95', value: p95(searchAll.map((x) => x.ms)), unit: 'ms', budget: 50, reference: p95(rawTimes) });
    for (const kind of [...new Set(queries.map((q) => q.kind))]) {
      const of = (xs: { kind: string; ms: number }[]) => xs.filter((x) => x.kind === kind).map((x) => x.ms);
      const worst = searchAll.map((x, i) => ({ ...x, q: queries[i]!.q })).filter((x) => x.kind === kind).sort((a, b) => b.ms - a.ms)[0]!;
      log(`search ${kind} (${of(viaRegistry).length}): customers.search p50 ${p95At(of(viaRegistry), 50)} p95 ${p95At(of(viaRegistry), 95)} ms; search.all p50 ${p95At(of(searchAll), 50)} p95 ${p95At(of(searchAll), 95)} ms (slowest ${JSON.stringify(worst.q)} ${worst.ms.toFixed(1)} ms)`);
    }

    figures.push({ bench: 'core.start.1M', value: round(start, 1), unit: 'ms', budget: 1000 });
    figures.push({ bench: 'core.start.1M.with-daily-backup', value: round(startWithBackup, 1), unit: 'ms' });
    figures.push({ bench: 'core.start.1M.quick-check', value: round(quickCheckMs, 1), unit: 'ms' });
    figures.push({ bench: 'backup.daily.1M.main-thread', value: round(backupElu.active, 0), unit: 'ms', reference: round(backupMs, 0) });
    figures.push({ bench: 'backup.daily.1M.longest-stall', value: round(stall.max / 1e6, 1), unit: 'ms' });
    figures.push({ bench: 'db.size.1M', value: round(sizeMb, 1), unit: 'MB' });
    return figures;
  } finally {
    await core.close();
    // Each start would otherwise leave a full-size copy behind (14 are kept): drop them.
    rmSync(backupsDir(dataDir), { recursive: true, force: true });
  }
}

const p95At = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p).toFixed(2);

/** n values of a column for random rowids in 1..max (rowids are dense in the generated centre). */
function sampleRows<T>(db: Db, sql: string, max: number, n: number, rng: () => number): T[] {
  const stmt = db.prepare(sql).pluck();
  return Array.from({ length: n }, () => stmt.get(1 + Math.floor(rng() * max)) as T);
}

/** The old reference, printed for comparison: one autocommitted INSERT of a ticket-sized row. */
function rawInsertReference(dataDir: string, n: number): number[] {
  const file = join(dataDir, 'bench-raw.sqlite');
  rmSync(file, { force: true });
  const db = openDatabase(file);
  try {
    db.exec(`CREATE TABLE scratch (id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL, subject TEXT NOT NULL,
      description TEXT NOT NULL, target TEXT NOT NULL, created_at INTEGER NOT NULL, due_at INTEGER NOT NULL) STRICT`);
    const insert = db.prepare('INSERT INTO scratch VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const target = '{"amount":1,"unit":"workingDays","clock":"working","calendarId":"cn-mainland","warning":{"kind":"beforeDue","minutes":60}}';
    return timeEach(n, (i) =>
      insert.run(`0199${String(i).padStart(32, '0')}`, `A1-20261123-${i}`, '019a1377-5680-714b-a123-5f4a3dab9eec', '客户来电咨询网银转账限额',
        '客户来电反映网上银行单笔转账限额不够，已核实身份信息，请协助尽快处理。', target, Date.now(), Date.now()),
    );
  } finally {
    closeDatabase(db);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

/**
 * The floor of any durable commit on this disk: what a WAL commit of ~4 frames costs the file
 * system (write into an already allocated file, as a reused WAL is, then fsync).
 */
function diskSyncReference(dataDir: string, n: number): number[] {
  const file = join(dataDir, 'bench-fsync.bin');
  const size = 4 << 20;
  const frame = Buffer.alloc(4096 + 24, 7);
  const fd = openSync(file, 'w+');
  try {
    writeSync(fd, Buffer.alloc(size), 0, size, 0);
    fsyncSync(fd);
    let at = 0;
    return timeEach(n, () => {
      for (let k = 0; k < 4; k++) {
        writeSync(fd, frame, 0, frame.length, at);
        at = (at + frame.length) % (size - frame.length);
      }
      fsyncSync(fd);
    });
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
}

interface Recorded {
  sql: string;
  method: 'run' | 'get' | 'all';
  pluck: boolean;
  args: unknown[];
}

/**
 * Records every statement the core runs (SQL, mode, bound values) while started: db.prepare is
 * wrapped and the statement cache emptied, so each statement is prepared again through the wrapper.
 */
function recordStatements(db: Db) {
  let log: Recorded[] | null = null;
  const original = db.prepare;
  const prepare = original.bind(db);
  db.prepare = ((sql: string) => {
    const target = prepare(sql);
    let plucked = false;
    const proxy: Statement = new Proxy(target, {
      get(t, prop) {
        if (prop === 'pluck') {
          return (on = true) => {
            plucked = on;
            t.pluck(on);
            return proxy;
          };
        }
        const v = Reflect.get(t, prop, t) as unknown;
        if (prop === 'run' || prop === 'get' || prop === 'all') {
          return (...args: unknown[]) => {
            log?.push({ sql, method: prop, pluck: plucked, args });
            return (v as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
    });
    return proxy;
  }) as typeof db.prepare;
  forgetStatements(db);
  return {
    start: () => void (log = []),
    stop: () => {
      const out = log ?? [];
      log = null;
      return out;
    },
    detach: () => {
      db.prepare = original;
      forgetStatements(db);
    },
  };
}

/**
 * The reference of an agent action: exactly the statements its handler ran, with the same values,
 * replayed raw in one transaction on a copy of the centre taken before the actions (the first
 * start's daily backup), opened like the app's (WAL, synchronous=FULL, checkpoints in a worker). The copy went through the
 * same statements in the same order, so every write lands as it did. Preparing is not timed.
 */
function replayOne(replay: Db, statements: Recorded[]): Replayed {
  const prepared = statements.map((r) => {
    const key = `${r.pluck ? 'p' : 'r'}${r.sql}`;
    let s = replayStatements.get(key);
    if (!s) replayStatements.set(key, (s = r.pluck ? replay.prepare(r.sql).pluck() : replay.prepare(r.sql)));
    return s;
  });
  const walBefore = walFrames(replay);
  const begin = stmtOf(replay, 'BEGIN');
  const commit = stmtOf(replay, 'COMMIT');
  // FTS5 writes the transaction's index segment (and any crisis merge) when it flushes, which is
  // at COMMIT: flushed just before it here, the same work is timed apart from the WAL commit.
  const touchesFts = statements.some((r) => r.sql.includes('INTO tickets_fts'));
  const flush = stmtOf(replay, "INSERT INTO tickets_fts (tickets_fts) VALUES ('flush')");
  const parts = new Array<number>(statements.length);
  const t = performance.now();
  begin.run();
  try {
    statements.forEach((r, i) => {
      const ts = performance.now();
      prepared[i]![r.method](...r.args);
      parts[i] = performance.now() - ts;
    });
    let tc = performance.now();
    if (touchesFts) flush.run();
    const ftsFlushMs = performance.now() - tc;
    tc = performance.now();
    commit.run();
    const commitMs = performance.now() - tc;
    const total = performance.now() - t;
    const walAfter = walFrames(replay);
    // Frames this commit appended; when the WAL started over, the count since its beginning.
    return { ms: total, parts, ftsFlushMs, commitMs, frames: walAfter >= walBefore ? walAfter - walBefore : walAfter, restarted: walAfter < walBefore };
  } catch (err) {
    if (replay.inTransaction) replay.exec('ROLLBACK');
    throw err;
  }
}
const replayStatements = new Map<string, Statement>();
const stmtOf = (db: Db, sql: string) => {
  let s = replayStatements.get(`x${sql}`);
  if (!s) replayStatements.set(`x${sql}`, (s = db.prepare(sql)));
  return s;
};
/** mxFrame of the WAL index header (the -shm file, offset 16): the WAL's last valid frame. */
const shmFds = new Map<string, number>();
const walFrames = (db: Db) => {
  const file = `${db.name}-shm`;
  let fd = shmFds.get(file);
  if (fd === undefined) shmFds.set(file, (fd = openSync(file, 'r')));
  const b = Buffer.alloc(4);
  readSync(fd, b, 0, 4, 16);
  return b.readUInt32LE(0);
};
const closeShm = () => {
  for (const fd of shmFds.values()) closeSync(fd);
  shmFds.clear();
};

interface Replayed {
  ms: number;
  /** Each statement's time inside the transaction, in the order run. */
  parts: number[];
  /** FTS5's flush of the transaction's index segment (and any crisis merge), 0 without FTS writes. */
  ftsFlushMs: number;
  /** The COMMIT itself: WAL append and, under synchronous=FULL, its fsync. */
  commitMs: number;
  /** WAL frames the commit appended. */
  frames: number;
  /** The commit started the WAL over from its beginning (SQLite then also syncs the new WAL header). */
  restarted: boolean;
}

interface Sample {
  /** Wall-clock start of our call, ms since the epoch. */
  at: number;
  ms: number;
  /** The SQL of each statement (the prepared texts, shared: the bound values are let go). */
  sqls: string[];
  rawAt: number;
  raw: Replayed;
}

/**
 * Where a write's time goes, from the raw replay: each statement, the COMMIT (WAL append + fsync
 * under synchronous=FULL), the WAL frames it wrote, and whether a checkpoint of either worker ran
 * at the same time. Compares the slowest 1% (the p99 tail) with the median half.
 */
interface Pause {
  at: number;
  ms: number;
  /** perf_hooks' NODE_PERFORMANCE_GC_* kind: 1 minor (scavenge), 2 major, 4 incremental, 8 weak callbacks. */
  kind: number;
}

function diagnoseWrites(name: string, samples: Sample[], checkpoints: (CheckpointRun & { who: string })[], pauses: Pause[]): void {
  if (samples.length === 0) return;
  const byRaw = [...samples].sort((a, b) => a.raw.ms - b.raw.ms);
  const tail = byRaw.slice(Math.floor(byRaw.length * 0.99) - 1);
  const middle = byRaw.slice(Math.floor(byRaw.length * 0.25), Math.floor(byRaw.length * 0.75));
  const label = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 60);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  // Per SQL text (a statement may run more than once in one call), the mean time per call.
  const perSql = (group: Sample[]) => {
    const sum = new Map<string, number>();
    for (const s of group) s.sqls.forEach((sql, i) => sum.set(label(sql), (sum.get(label(sql)) ?? 0) + s.raw.parts[i]!));
    return new Map([...sum].map(([k, v]) => [k, v / group.length]));
  };
  const mid = perSql(middle);
  const slow = perSql(tail);
  const rows = [...slow].sort((a, b) => b[1] - a[1]).slice(0, 8);
  log(`${name} raw replay, mean ms per call, median half vs slowest 1% (${tail.length}): total ${mean(middle.map((s) => s.raw.ms)).toFixed(2)} vs ${mean(tail.map((s) => s.raw.ms)).toFixed(2)}; FTS flush ${mean(middle.map((s) => s.raw.ftsFlushMs)).toFixed(2)} vs ${mean(tail.map((s) => s.raw.ftsFlushMs)).toFixed(2)}; COMMIT ${mean(middle.map((s) => s.raw.commitMs)).toFixed(2)} vs ${mean(tail.map((s) => s.raw.commitMs)).toFixed(2)}; WAL restarts ${middle.filter((s) => s.raw.restarted).length} vs ${tail.filter((s) => s.raw.restarted).length}; WAL frames ${mean(middle.map((s) => s.raw.frames)).toFixed(1)} vs ${mean(tail.map((s) => s.raw.frames)).toFixed(1)}`);
  for (const [sql, v] of rows) log(`  ${v.toFixed(3)} (median half ${(mid.get(sql) ?? 0).toFixed(3)}) ${sql}`);
  const overlaps = (at: number, ms: number) => checkpoints.filter((c) => (c.checkpointed > 0 || c.ms > 1) && c.at < at + ms && c.at + c.ms > at).map((c) => `${c.who} ${c.ms.toFixed(1)}ms/${c.checkpointed}f`);
  // Garbage collection inside a call: its pause is part of that call's time.
  const gcIn = (at: number, ms: number) => pauses.filter((p) => p.at < at + ms && p.at + p.ms > at).reduce((sum, p) => sum + Math.min(at + ms, p.at + p.ms) - Math.max(at, p.at), 0);
  const ourTail = [...samples].sort((a, b) => a.ms - b.ms).slice(Math.floor(samples.length * 0.99) - 1);
  const withGc = (group: Sample[], pick: (s: Sample) => [number, number]) => group.filter((s) => gcIn(...pick(s)) > 0).length;
  const ours = (s: Sample): [number, number] => [s.at, s.ms];
  const rawOf = (s: Sample): [number, number] => [s.rawAt, s.raw.ms];
  const sinceFirst = samples.length ? samples[samples.length - 1]!.rawAt + samples[samples.length - 1]!.raw.ms - samples[0]!.at : 0;
  const inWindow = pauses.filter((p) => p.at >= samples[0]!.at && p.at <= samples[0]!.at + sinceFirst);
  log(`  main-thread GC: ${inWindow.length} pauses in these ${(sinceFirst / 1000).toFixed(1)} s (${inWindow.filter((p) => p.kind === 1).length} scavenges), p50 ${percentile(inWindow.map((p) => p.ms).sort((a, b) => a - b), 50)?.toFixed(2) ?? '-'} ms, max ${Math.max(0, ...inWindow.map((p) => p.ms)).toFixed(2)} ms; a GC pause inside: our slowest 1% ${withGc(ourTail, ours)}/${ourTail.length} (mean ${mean(ourTail.map((s) => gcIn(...ours(s)))).toFixed(2)} ms of ${mean(ourTail.map((s) => s.ms)).toFixed(2)}), raw slowest 1% ${withGc(tail, rawOf)}/${tail.length} (mean ${mean(tail.map((s) => gcIn(...rawOf(s)))).toFixed(2)} ms of ${mean(tail.map((s) => s.raw.ms)).toFixed(2)}), median half ours ${withGc(middle, ours)}/${middle.length}, raw ${withGc(middle, rawOf)}/${middle.length}`);
  for (const s of tail.slice(-5).reverse()) {
    const worst = s.sqls.map((sql, i) => ({ sql: label(sql), ms: s.raw.parts[i]! })).sort((a, b) => b.ms - a.ms)[0]!;
    log(`  slow: raw ${s.raw.ms.toFixed(2)} ms (FTS flush ${s.raw.ftsFlushMs.toFixed(2)}, COMMIT ${s.raw.commitMs.toFixed(2)}, ${s.raw.frames} frames${s.raw.restarted ? ', WAL restart' : ''}, worst ${worst.ms.toFixed(2)} ${worst.sql}), GC ${gcIn(s.rawAt, s.raw.ms).toFixed(2)} ms, ours ${s.ms.toFixed(2)} ms; checkpoints during: raw [${overlaps(s.rawAt, s.raw.ms).join(', ')}] ours [${overlaps(s.at, s.ms).join(', ')}]`);
  }
  // How often a checkpoint overlaps a call, or ended shortly before it (the disk may still be
  // flushing its writes), to tell coincidence from cause.
  const share = (group: Sample[]) => group.filter((s) => overlaps(s.rawAt, s.raw.ms).length > 0).length / group.length;
  const justAfter = (group: Sample[]) =>
    group.filter((s) => checkpoints.some((c) => c.checkpointed > 0 && c.at + c.ms <= s.rawAt + s.raw.ms && s.rawAt - (c.at + c.ms) < 50)).length / group.length;
  const ran = checkpoints.filter((c) => c.checkpointed > 0);
  log(`  checkpoints that copied frames: ${ran.length} (core ${ran.filter((c) => c.who === 'core').length}, replay ${ran.filter((c) => c.who === 'replay').length}), mean ${mean(ran.map((c) => c.ms)).toFixed(1)} ms; overlapping a raw call: slowest 1% ${(share(tail) * 100).toFixed(0)}%, median half ${(share(middle) * 100).toFixed(0)}%; ended within 50 ms before it: ${(justAfter(tail) * 100).toFixed(0)}% vs ${(justAfter(middle) * 100).toFixed(0)}%`);
}

type QueryKind = '2-char name' | 'pinyin initials' | 'name fragment 3+' | 'phone fragment' | 'ticket number';

/** ~300 queries an agent would type, drawn from the centre's own data. */
function searchWorkload(db: Db, rng: () => number): { kind: QueryKind; q: string }[] {
  const out: { kind: QueryKind; q: string }[] = [];
  const customer = db.prepare('SELECT name, initials, phones, kind FROM customers WHERE rowid = ?');
  const random = () => customer.get(1 + Math.floor(rng() * CUSTOMERS)) as { name: string; initials: string; phones: string; kind: string };
  const twoChar = db.prepare(`SELECT name FROM customers WHERE rowid >= ? AND length(name) = 2 LIMIT 1`).pluck();
  for (let i = 0; i < 70; i++) out.push({ kind: '2-char name', q: twoChar.get(1 + Math.floor(rng() * (CUSTOMERS - 1000))) as string });
  for (let i = 0; i < 60; i++) {
    const c = random();
    // The whole initials (lyx) or their first two letters, as typed so far.
    out.push({ kind: 'pinyin initials', q: i % 3 === 0 ? c.initials.slice(0, 2) : c.initials.slice(0, 4) });
  }
  for (let i = 0; i < 60; i++) {
    const c = random();
    const name = c.name;
    // A person's full 3-character name, a given name, or part of a company's name (恒通物流).
    const q = name.length <= 3 ? name : name.slice(2, 2 + 3 + Math.floor(rng() * 3));
    out.push({ kind: 'name fragment 3+', q: q.length >= 3 ? q : name });
  }
  for (let i = 0; i < 70; i++) {
    const digits = digitsOf((JSON.parse(random().phones) as string[])[0]!);
    const len = 4 + Math.floor(rng() * 5);
    // The tail (last four digits) is what callers read out most; otherwise any run of digits.
    const from = i % 2 === 0 ? digits.length - len : Math.floor(rng() * (digits.length - len + 1));
    out.push({ kind: 'phone fragment', q: digits.slice(from, from + len) });
  }
  const number = db.prepare('SELECT number FROM tickets WHERE rowid = ?').pluck();
  for (let i = 0; i < 40; i++) {
    const n = number.get(1 + Math.floor(rng() * TICKETS)) as string;
    out.push({ kind: 'ticket number', q: i % 2 === 0 ? n : n.slice(0, n.length - 2) });
  }
  return out;
}

/** The raw lookup answering each query: the FTS MATCH (3+ characters) or the index prefix scan. */
function rawSearchReference(db: Db): (q: string, kind: QueryKind) => unknown {
  const fts = db.prepare('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? LIMIT 20');
  const byName = db.prepare('SELECT id FROM customers WHERE name >= ? AND name < ? ORDER BY name LIMIT 20');
  const byInitials = db.prepare('SELECT id FROM customers WHERE initials >= ? AND initials < ? ORDER BY initials LIMIT 20');
  const byNumber = db.prepare('SELECT id FROM tickets WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT 10');
  return (q, kind) => {
    if (kind === 'ticket number') return byNumber.all(q, q + '\uffff');
    if (kind === 'phone fragment') return fts.all(`phones : ${ftsLiteral(q)}`);
    if (kind === 'pinyin initials') return byInitials.all(q, q + '\u007f');
    return q.length >= 3 ? fts.all(ftsLiteral(q)) : byName.all(q, q + '\uffff');
  };
}

/** Where the queue's time goes: the SELECT, the row mapping, the SLA status of every row, the sort. */
function diagnoseQueue(db: Db, sql: string): void {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
  log(`queue plan: ${plan.map((p) => p.detail).join(' | ')}`);
  const now = Date.now();
  const parts = { select: [] as number[], rows: [] as number[], sla: [] as number[], sort: [] as number[] };
  for (let k = 0; k < 10; k++) {
    let t = performance.now();
    const records = db.prepare(sql).all() as TicketRecord[];
    parts.select.push(ms(t));
    t = performance.now();
    const rows = records.map(toTicketRow);
    parts.rows.push(ms(t));
    t = performance.now();
    const status = rows.map((r) => ticketSlaStatus(db, r.sla, now));
    parts.sla.push(ms(t));
    t = performance.now();
    status.map((s, i) => ({ s, i })).sort((a, b) => (a.s.breached !== b.s.breached ? (a.s.breached ? -1 : 1) : a.s.remainingMs - b.s.remainingMs));
    parts.sort.push(ms(t));
  }
  log(`queue parts (median of 10): SELECT ${median(parts.select).toFixed(1)} ms, toTicketRow ${median(parts.rows).toFixed(1)} ms, SLA status ${median(parts.sla).toFixed(1)} ms, sort ${median(parts.sort).toFixed(1)} ms`);
}

if (require.main === module) void run().then((figures) => figures.forEach((f) => console.log(JSON.stringify(f))));
