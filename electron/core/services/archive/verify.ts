// Verifying an archive (a folder or its zip) without the app's database: every checksum of the
// bag, the counts against the rows of month.sqlite, and the archived segment of each hash chain
// recomputed up to the head stated in bag-info. Against a live database it also proves that the
// history the archive saw was not rewritten later: the live chain must hold the same hash at the
// archived head, and every archived event's hash must equal the live one with the same seq.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { VerifyFileCheck, VerifyProblem, VerifyReport } from '../../../../shared/archive';
import { GENESIS, linkHash, verifyChain, type ChainSpec } from '../../db/chain';
import { AUDIT_CHAIN, TICKET_EVENTS_CHAIN } from '../../db/check';
import type { Db } from '../../db/open';
import { parseBagInfo } from './create';
import { listZip, readZipEntry, readZipEntryText, type ZipEntry } from './zip';

/** The files of a bag, read the same way from a folder or a zip. */
interface Bag {
  paths(): string[];
  text(path: string): Promise<string>;
  sha256(path: string): Promise<string>;
  /** A path on disk where month.sqlite can be opened (extracted from a zip into a temp file). */
  localFile(path: string): Promise<string>;
  dispose(): void;
}

function folderBag(root: string): Bag {
  const walk = (dir: string, prefix: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const full = join(dir, n);
      return statSync(full).isDirectory() ? walk(full, `${prefix}${n}/`) : [`${prefix}${n}`];
    });
  return {
    paths: () => walk(root, ''),
    text: async (p) => readFileSync(join(root, p), 'utf8'),
    sha256: (p) =>
      new Promise((resolve, reject) => {
        const h = createHash('sha256');
        createReadStream(join(root, p))
          .on('data', (c) => h.update(c))
          .on('error', reject)
          .on('end', () => resolve(h.digest('hex')));
      }),
    localFile: async (p) => join(root, p),
    dispose() {},
  };
}

function zipBag(file: string): Bag {
  const entries = listZip(file).filter((e) => !e.name.endsWith('/'));
  // Entries sit under one folder named like the archive: strip it.
  const prefix = entries[0]?.name.includes('/') ? entries[0].name.slice(0, entries[0].name.indexOf('/') + 1) : '';
  const byPath = new Map<string, ZipEntry>(entries.map((e) => [e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name, e]));
  const temps: string[] = [];
  const entry = (p: string) => {
    const e = byPath.get(p);
    if (!e) throw new Error(`${p} is not in ${file}.`);
    return e;
  };
  return {
    paths: () => [...byPath.keys()],
    text: (p) => readZipEntryText(file, entry(p)),
    async sha256(p) {
      const h = createHash('sha256');
      await readZipEntry(file, entry(p), (c) => h.update(c));
      return h.digest('hex');
    },
    async localFile(p) {
      const dir = mkdtempSync(join(tmpdir(), 'kefu-verify-'));
      temps.push(dir);
      const parts: Buffer[] = [];
      await readZipEntry(file, entry(p), (c) => parts.push(c));
      const out = join(dir, p.replace(/\//g, '_'));
      writeFileSync(out, Buffer.concat(parts));
      return out;
    },
    dispose() {
      for (const d of temps) rmSync(d, { recursive: true, force: true });
    },
  };
}

const MANIFEST_LINE = /^([0-9a-f]{64}) {2}(\S.*)$/;

async function checkManifest(bag: Bag, manifest: string, present: Set<string>, files: VerifyFileCheck[], problems: VerifyProblem[]): Promise<Set<string>> {
  const listed = new Set<string>();
  if (!present.has(manifest)) {
    files.push({ path: manifest, ok: false, problem: 'missing' });
    problems.push({ key: 'fileMissing', params: { path: manifest } });
    return listed;
  }
  const lines = (await bag.text(manifest)).split('\n').filter((l) => l.length > 0);
  let malformed = false;
  for (const line of lines) {
    const m = MANIFEST_LINE.exec(line);
    if (!m) {
      malformed = true;
      continue;
    }
    const [, hash, path] = m as unknown as [string, string, string];
    listed.add(path);
    if (!present.has(path)) {
      files.push({ path, ok: false, problem: 'missing' });
      problems.push({ key: 'listedButMissing', params: { path, manifest } });
      continue;
    }
    const ok = (await bag.sha256(path)) === hash;
    files.push({ path, ok, problem: ok ? null : 'changed' });
    if (!ok) problems.push({ key: 'checksumMismatch', params: { path, manifest } });
  }
  if (malformed) {
    files.push({ path: manifest, ok: false, problem: 'changed' });
    problems.push({ key: 'manifestMalformed', params: { path: manifest } });
  }
  return listed;
}

export interface VerifyOptions {
  /** The live database to check the chain heads against (read-only). */
  live?: Db | null;
}

export async function verifyArchive(source: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  if (!existsSync(source)) throw new Error(`No archive at ${source}.`);
  const bag = statSync(source).isDirectory() ? folderBag(source) : zipBag(source);
  const files: VerifyFileCheck[] = [];
  const problems: VerifyProblem[] = [];
  const report: VerifyReport = { ok: false, source, bagInfo: {}, files, counts: [], chains: [], problems };
  try {
    const present = new Set(bag.paths());
    // Tag files first (they vouch for bag-info and the manifest), then the payload.
    const tagged = await checkManifest(bag, 'tagmanifest-sha256.txt', present, files, problems);
    const payload = await checkManifest(bag, 'manifest-sha256.txt', present, files, problems);
    for (const p of present) {
      if (p === 'tagmanifest-sha256.txt' || tagged.has(p) || payload.has(p)) continue;
      files.push({ path: p, ok: false, problem: 'extra' });
      problems.push({ key: 'notListed', params: { path: p } });
    }
    if (!present.has('bag-info.txt')) {
      problems.push({ key: 'fileMissing', params: { path: 'bag-info.txt' } });
      return report;
    }
    const info = parseBagInfo(await bag.text('bag-info.txt'));
    report.bagInfo = info;
    if (!present.has('data/month.sqlite')) {
      problems.push({ key: 'extractMissing', params: { path: 'data/month.sqlite' } });
      return report;
    }
    let month: Db | null = null;
    try {
      month = new Database(await bag.localFile('data/month.sqlite'), { readonly: true, fileMustExist: true });
      checkCounts(month, info, report);
      for (const spec of [TICKET_EVENTS_CHAIN, AUDIT_CHAIN]) checkChain(month, spec, info, options.live ?? null, report);
    } catch (err) {
      problems.push({ key: 'extractUnreadable', params: { path: 'data/month.sqlite', message: err instanceof Error ? err.message : String(err) } });
    } finally {
      month?.close();
    }
    report.ok = problems.length === 0;
    return report;
  } finally {
    bag.dispose();
  }
}

function checkCounts(month: Db, info: Record<string, string>, report: VerifyReport): void {
  for (const [key, value] of Object.entries(info)) {
    if (!key.startsWith('Kefu-Count-')) continue;
    const name = key.slice('Kefu-Count-'.length);
    const stated = Number(value);
    let found = -1;
    if (/^[a-z][a-z0-9_]*$/.test(name)) {
      try {
        found = month.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number;
      } catch {
        found = -1;
      }
    }
    const ok = found === stated;
    report.counts.push({ name, stated, found, ok });
    if (!ok) report.problems.push(found < 0 ? { key: 'countTableMissing', params: { name, stated } } : { key: 'countMismatch', params: { name, stated, found } });
  }
}

function checkChain(month: Db, spec: ChainSpec, info: Record<string, string>, live: Db | null, report: VerifyReport): void {
  const { table, columns } = spec;
  const stated = info[`Kefu-Chain-Head-${table}`];
  if (!stated) return;
  const [seqText, hash] = stated.split(' ') as [string, string];
  const seq = Number(seqText);
  // The archive's own segment: every row recomputes, each links to the one before it in its chain
  // (one chain per seat for ticket events: rows replicated from other seats interleave), and the
  // last row is the stated head.
  let archiveOk = true;
  let lastHash: string | null = null;
  let lastSeq = 0;
  const part = spec.partitionBy ? columns.indexOf(spec.partitionBy) : -1;
  const prevOf = new Map<unknown, string>();
  const rows = month.prepare(`SELECT seq, ${columns.map((c) => `"${c}"`).join(', ')}, prev_hash, hash FROM "${table}" ORDER BY seq`).raw(true);
  // The live rows of the same seqs, read in step (one range scan instead of a lookup per row).
  const firstSeq = (month.prepare(`SELECT min(seq) FROM "${table}"`).pluck().get() as number | null) ?? 0;
  const liveRows = live
    ? (live.prepare(`SELECT seq, hash FROM ${table} WHERE seq >= ? ORDER BY seq`).raw(true).iterate(firstSeq) as IterableIterator<[number, string]>)
    : null;
  let liveRow = liveRows?.next();
  let different: string | null = null;
  try {
    for (const raw of rows.iterate() as Iterable<unknown[]>) {
      const s = raw[0] as number;
      const fields = raw.slice(1, 1 + columns.length);
      const [prevHash, h] = raw.slice(1 + columns.length) as [string, string];
      const key = part >= 0 ? fields[part] : null;
      const prev = prevOf.get(key);
      if (archiveOk && (linkHash(prevHash, fields) !== h || (prev !== undefined && prevHash !== prev))) {
        report.problems.push({ key: 'rowDoesNotRecompute', params: { table, row: String(fields[0]) } });
        archiveOk = false;
      }
      prevOf.set(key, h);
      lastHash = h;
      lastSeq = s;
      if (liveRows && different === null) {
        while (liveRow && !liveRow.done && liveRow.value[0] < s) liveRow = liveRows.next();
        if (!liveRow || liveRow.done || liveRow.value[0] !== s || liveRow.value[1] !== h) different = String(fields[0]);
      }
    }
  } finally {
    liveRows?.return?.();
  }
  if (lastHash !== null && (lastSeq !== seq || lastHash !== hash)) {
    archiveOk = false;
    report.problems.push({ key: 'headMismatch', params: { table, lastSeq, lastHash, seq, hash } });
  }
  const entry: VerifyReport['chains'][number] = { table, seq, hash, archiveOk, live: null };
  if (live) {
    const liveChainOk = verifyChain(live, spec).ok;
    const liveHash =
      seq === 0 ? GENESIS : ((live.prepare(`SELECT hash FROM ${table} WHERE seq = ?`).pluck().get(seq) as string | undefined) ?? null);
    const ok = liveChainOk && liveHash === hash && different === null;
    entry.live = { ok, hash: liveHash, firstDifferentId: different, liveChainOk };
    if (!liveChainOk) report.problems.push({ key: 'liveChainBroken', params: { table } });
    if (liveHash !== hash) report.problems.push({ key: 'historyRewritten', params: { table, liveHash: liveHash ?? '-', seq, hash } });
    if (different !== null) report.problems.push({ key: 'rowDiffersFromLive', params: { table, row: different } });
  }
  report.chains.push(entry);
}
