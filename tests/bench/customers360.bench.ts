// Customers 360 search on 200,000 customers with assets (≈120k vehicles, 30k policies, 10k
// contracts; see generate.ts): the one search box as agents type — 1–2 character fragments
// anywhere in a name, pinyin initials anywhere, full pinyin, phone digits, VIN (full and last 6),
// plate with and without the province, policy and contract numbers, ticket numbers — through the
// registry (customers.search and search.all), each next to the raw key-range SELECT it boils down to.
//
// Run alone: npx tsx tests/bench/customers360.bench.ts   (first run generates a 50k-ticket centre)
import { pinyin } from 'pinyin-pro';
import { createCore } from '../../electron/core';
import type { Db } from '../../electron/core/db/open';
import { digitsOf, ftsLiteral } from '../../electron/core/services/customers';
import { keyOf } from '../../electron/core/services/customerKeys';
import type { AssetInput } from '../../shared/customers/assets';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { percentile, round, type BenchFigure } from './figure';
import { BENCH_AGENT_PASSWORD, DEFAULT_CACHE_ROOT, generateCentre, mulberry32 } from './generate';

// Search cost depends on the customers and their assets; 50k tickets keep generation short.
const TICKETS = 50_000;
const CUSTOMERS = 200_000;

const log = (msg: string) => process.stderr.write(`[customers360.bench] ${msg}\n`);
const ms = (t0: number) => performance.now() - t0;

type Kind =
  | '2-char fragment'
  | '1-char'
  | 'initials anywhere'
  | 'full pinyin'
  | 'phone fragment'
  | 'VIN'
  | 'VIN last 6'
  | 'plate'
  | 'plate w/o province'
  | 'policy/contract number'
  | 'ticket number';

export async function run(): Promise<BenchFigure[]> {
  const centre = await generateCentre(DEFAULT_CACHE_ROOT, { tickets: TICKETS, customers: CUSTOMERS, openTickets: 500 });
  const core = await createCore({ dataDir: centre.dataDir, backupCheckEveryMs: 0, maintenanceEveryMs: 0 });
  await core.integrity;
  try {
    const must = <M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> => {
      const r = core.call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    must('auth.signIn', { name: centre.agents[0]!, password: BENCH_AGENT_PASSWORD });
    const db = core.db;
    const counts = db.prepare(`SELECT kind, count(*) AS n FROM customer_assets GROUP BY kind`).all();
    const keys = db.prepare('SELECT count(*) FROM customer_keys').pluck().get();
    log(`assets ${JSON.stringify(counts)}, ${String(keys)} search keys`);

    const queries = workload(db, mulberry32(7));
    // Warm the statement cache and the pages once, as a seat that has been running would be.
    for (const q of queries.slice(0, 20)) must('search.all', { q: q.q });
    const viaSearch = queries.map((q) => {
      const t = performance.now();
      const found = q.kind === 'ticket number' ? must('search.all', { q: q.q }).tickets.length : must('customers.search', { q: q.q }).length;
      return { ...q, ms: ms(t), found };
    });
    const viaAll = queries.map((q) => {
      const t = performance.now();
      must('search.all', { q: q.q });
      return { ...q, ms: ms(t) };
    });
    const raw = rawReference(db);
    const rawTimes = queries.map((q) => {
      const t = performance.now();
      raw(q.q, q.kind);
      return ms(t);
    });
    const p = (xs: number[], at = 95) => round(percentile([...xs].sort((a, b) => a - b), at));
    const missed = viaSearch.filter((x) => x.found === 0);
    if (missed.length) log(`warning: ${missed.length} queries found nothing, e.g. ${JSON.stringify(missed.slice(0, 5).map((m) => [m.kind, m.q]))}`);
    for (const kind of [...new Set(queries.map((q) => q.kind))]) {
      const of = viaAll.filter((x) => x.kind === kind);
      const worst = [...of].sort((a, b) => b.ms - a.ms)[0]!;
      log(`${kind} (${of.length}): search.all p50 ${p(of.map((x) => x.ms), 50)} p95 ${p(of.map((x) => x.ms))} ms, slowest ${JSON.stringify(worst.q)} ${worst.ms.toFixed(1)} ms`);
    }
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT customer_id FROM customer_keys WHERE key >= ? AND key < ? ORDER BY key LIMIT 80`).all('宏达', '宏达\uffff') as { detail: string }[];
    log(`key lookup plan: ${plan.map((x) => x.detail).join(' | ')}`);
    return [
      { bench: 'customers360.search.p95', value: p(viaSearch.map((x) => x.ms)), unit: 'ms', budget: 50, reference: p(rawTimes) },
      { bench: 'customers360.search.all.p95', value: p(viaAll.map((x) => x.ms)), unit: 'ms', budget: 50, reference: p(rawTimes) },
    ];
  } finally {
    await core.close();
  }
}

/** ~400 queries drawn from the centre's own customers and assets. */
function workload(db: Db, rng: () => number): { kind: Kind; q: string }[] {
  const out: { kind: Kind; q: string }[] = [];
  const customer = db.prepare('SELECT name, initials, phones FROM customers WHERE rowid = ?');
  const random = () => customer.get(1 + Math.floor(rng() * CUSTOMERS)) as { name: string; initials: string; phones: string };
  const assetCount = db.prepare('SELECT count(*) FROM customer_assets').pluck().get() as number;
  const asset = db.prepare('SELECT data FROM customer_assets WHERE rowid = ?').pluck();
  const randomAsset = (kind: AssetInput['kind']): AssetInput => {
    for (;;) {
      const a = JSON.parse(asset.get(1 + Math.floor(rng() * assetCount)) as string) as AssetInput;
      if (a.kind === kind) return a;
    }
  };
  const fragment = (s: string, len: number) => {
    const chars = [...s];
    const from = Math.floor(rng() * Math.max(1, chars.length - len + 1));
    return chars.slice(from, from + len).join('');
  };
  for (let i = 0; i < 80; i++) out.push({ kind: '2-char fragment', q: fragment(random().name, 2) });
  for (let i = 0; i < 20; i++) out.push({ kind: '1-char', q: fragment(random().name, 1) });
  for (let i = 0; i < 50; i++) out.push({ kind: 'initials anywhere', q: fragment(random().initials, 2 + (i % 3)) });
  // Full pinyin as people type it: a whole person's name (wangwei) or 2–3 syllables of a company's
  // (hongdawuliu). Computed from the name itself: the longest latin key of a customer was most
  // often its VIN, so this workload used to measure VIN lookups.
  for (let i = 0; i < 40; i++) {
    const { name } = random();
    const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter((x) => /^[a-z]+$/.test(x));
    const take = syllables.length <= 4 ? syllables.length : 2 + (i % 2);
    const from = Math.floor(rng() * (syllables.length - take + 1));
    out.push({ kind: 'full pinyin', q: syllables.slice(from, from + take).join('') });
  }
  for (let i = 0; i < 50; i++) out.push({ kind: 'phone fragment', q: fragment(digitsOf((JSON.parse(random().phones) as string[])[0]!), 4 + (i % 5)) });
  for (let i = 0; i < 30; i++) {
    const v = randomAsset('vehicle') as Extract<AssetInput, { kind: 'vehicle' }>;
    out.push({ kind: 'VIN', q: v.vin! }, { kind: 'VIN last 6', q: v.vin!.slice(-6) });
    out.push({ kind: 'plate', q: v.plate! }, { kind: 'plate w/o province', q: v.plate!.slice(1) });
  }
  for (let i = 0; i < 30; i++) {
    const a = randomAsset(i % 3 === 0 ? 'contract' : 'policy') as Extract<AssetInput, { kind: 'policy' | 'contract' }>;
    out.push({ kind: 'policy/contract number', q: a.number });
  }
  const tickets = db.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
  const number = db.prepare('SELECT number FROM tickets WHERE rowid = ?').pluck();
  for (let i = 0; i < 30; i++) out.push({ kind: 'ticket number', q: number.get(1 + Math.floor(rng() * tickets)) as string });
  return out;
}

/** The raw lookups answering each query: the key range, the phone trigram MATCH, the number prefix. */
function rawReference(db: Db): (q: string, kind: Kind) => unknown {
  const byKey = db.prepare('SELECT customer_id FROM customer_keys WHERE key >= ? AND key < ? ORDER BY key LIMIT 80');
  const fts = db.prepare('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? LIMIT 20');
  const byNumber = db.prepare('SELECT id FROM tickets WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT 10');
  return (q, kind) => {
    if (kind === 'ticket number') return byNumber.all(q, q + '\uffff');
    if (kind === 'phone fragment') return fts.all(`phones : ${ftsLiteral(q)}`);
    const k = keyOf(q);
    return byKey.all(k, k + '\uffff');
  };
}

if (require.main === module) {
  void run().then((figures) => figures.forEach((f) => console.log(JSON.stringify(f))));
}
