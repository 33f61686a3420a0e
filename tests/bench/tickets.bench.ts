// The queue's figures on a full-size centre (1,000,000 tickets, 200,000 customers, 2,000 open;
// see generate.ts): core start-up, agent actions through the real registry, the open queue, the
// search box and the file size — each next to the raw SQLite work it boils down to, measured in
// the same run. Diagnostics (where the time goes, query plans) go to stderr; figures to stdout.
//
// Run alone: npx tsx tests/bench/tickets.bench.ts   (first run generates the centre, ~3 min)
import { renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance as nodePerformance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { backupsDir, listBackups } from '../../electron/core/db/backup';
import { quickCheck } from '../../electron/core/db/check';
import { startCheckpointer } from '../../electron/core/db/checkpointer';
import { closeDatabase, openDatabase, type Db } from '../../electron/core/db/open';
import { forgetStatements } from '../../electron/core/db/stmt';
import { dbFileIn } from '../../electron/core/paths';
import { digitsOf, ftsLiteral } from '../../electron/core/services/customers';
import { TICKET_SELECT, toTicketRow, type TicketRecord } from '../../electron/core/services/ticketRows';
import { ticketSlaStatus } from '../../electron/core/services/ticketSla';
import type { Statement } from 'better-sqlite3';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { percentile, round, timeEach, type BenchFigure } from './figure';
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
    // Checkpointed as the core's connection is (off the write path), so both pay the same commits.
    const replayCheckpoints = startCheckpointer(replay, core.logger);
    const statementsPerCall = { create: 0, accept: 0, resolve: 0 };
    /**
     * Each call through the registry (its statements recorded), then at once the same statements
     * raw on the copy: the two alternate, so both meet the same disk and the same neighbours.
     */
    const paired = (name: keyof typeof statementsPerCall, fn: (i: number) => void) => {
      const ours: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < ACTIONS; i++) {
        recorder.start();
        const t = performance.now();
        try {
          fn(i);
        } finally {
          ours.push(performance.now() - t);
        }
        const statements = recorder.stop();
        statementsPerCall[name] = statements.length;
        raw.push(replayOne(replay, statements));
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
    closeDatabase(replay);
    for (const suffix of ['', '-wal', '-shm']) rmSync(replayFile + suffix, { force: true });
    // Feedback takes them out of the queue again, so every run sees the same 2,000 open tickets.
    const feedback = timeEach(ACTIONS, (i) => must('tickets.act', { id: created[i]!, action: 'feedback' }));
    const raw = rawInsertReference(dataDir, ACTIONS);
    log(`one autocommitted INSERT of a ticket-sized row (the old reference): p50 ${percentile(raw, 50).toFixed(3)} ms, p99 ${percentile(raw, 99).toFixed(3)} ms`);
    for (const [name, { ours, raw: ref }] of [['create', create], ['accept', accept], ['resolve', resolve]] as const) {
      figures.push({ bench: `tickets.${name}.p50`, value: round(percentile(ours, 50)), unit: 'ms', budget: 5, reference: round(percentile(ref, 50)) });
      figures.push({ bench: `tickets.${name}.p99`, value: round(percentile(ours, 99)), unit: 'ms', budget: 5, reference: round(percentile(ref, 99)) });
      // Our overhead over the same statements run raw: validation, roles, JSON, events, the queue.
      figures.push({ bench: `tickets.${name}.overhead`, value: round(percentile(ours, 50) / percentile(ref, 50), 2), unit: 'x', budget: 1.5 });
      log(`${name}: ${statementsPerCall[name]} statements a call; overhead at p99 ${(percentile(ours, 99) / percentile(ref, 99)).toFixed(2)}x`);
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
function replayOne(replay: Db, statements: Recorded[]): number {
  const prepared = statements.map((r) => {
    const key = `${r.pluck ? 'p' : 'r'}${r.sql}`;
    let s = replayStatements.get(key);
    if (!s) replayStatements.set(key, (s = r.pluck ? replay.prepare(r.sql).pluck() : replay.prepare(r.sql)));
    return s;
  });
  const t = performance.now();
  replay.transaction(() => {
    statements.forEach((r, i) => prepared[i]![r.method](...r.args));
  })();
  return performance.now() - t;
}
const replayStatements = new Map<string, Statement>();

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
