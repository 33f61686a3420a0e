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
import type { VerifyFileCheck, VerifyReport } from '../../../../shared/archive';
import { GENESIS, linkHash, verifyChain } from '../../db/chain';
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

async function checkManifest(bag: Bag, manifest: string, present: Set<string>, files: VerifyFileCheck[], problems: string[]): Promise<Set<string>> {
  const listed = new Set<string>();
  if (!present.has(manifest)) {
    files.push({ path: manifest, ok: false, problem: 'missing' });
    problems.push(`${manifest} is missing.`);
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
      problems.push(`${path} is listed in ${manifest} but missing.`);
      continue;
    }
    const ok = (await bag.sha256(path)) === hash;
    files.push({ path, ok, problem: ok ? null : 'changed' });
    if (!ok) problems.push(`${path} does not match its checksum in ${manifest}: the file was changed.`);
  }
  if (malformed) {
    files.push({ path: manifest, ok: false, problem: 'changed' });
    problems.push(`${manifest} has lines that are not "<sha256>  <path>": the file was changed.`);
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
  const problems: string[] = [];
  const report: VerifyReport = { ok: false, source, bagInfo: {}, files, counts: [], chains: [], problems };
  try {
    const present = new Set(bag.paths());
    // Tag files first (they vouch for bag-info and the manifest), then the payload.
    const tagged = await checkManifest(bag, 'tagmanifest-sha256.txt', present, files, problems);
    const payload = await checkManifest(bag, 'manifest-sha256.txt', present, files, problems);
    for (const p of present) {
      if (p === 'tagmanifest-sha256.txt' || tagged.has(p) || payload.has(p)) continue;
      files.push({ path: p, ok: false, problem: 'extra' });
      problems.push(`${p} is not listed in any manifest.`);
    }
    if (!present.has('bag-info.txt')) {
      problems.push('bag-info.txt is missing.');
      return report;
    }
    const info = parseBagInfo(await bag.text('bag-info.txt'));
    report.bagInfo = info;
    if (!present.has('data/month.sqlite')) {
      problems.push('data/month.sqlite is missing: counts and chains cannot be checked.');
      return report;
    }
    let month: Db | null = null;
    try {
      month = new Database(await bag.localFile('data/month.sqlite'), { readonly: true, fileMustExist: true });
      checkCounts(month, info, report);
      for (const spec of [TICKET_EVENTS_CHAIN, AUDIT_CHAIN]) checkChain(month, spec.table, spec.columns, info, options.live ?? null, report);
    } catch (err) {
      problems.push(`data/month.sqlite could not be read (${err instanceof Error ? err.message : String(err)}).`);
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
    if (!ok) report.problems.push(`bag-info.txt states ${stated} rows of ${name}; month.sqlite holds ${found < 0 ? 'no such table' : found}.`);
  }
}

function checkChain(month: Db, table: string, columns: readonly string[], info: Record<string, string>, live: Db | null, report: VerifyReport): void {
  const stated = info[`Kefu-Chain-Head-${table}`];
  if (!stated) return;
  const [seqText, hash] = stated.split(' ') as [string, string];
  const seq = Number(seqText);
  // The archive's own segment: every row recomputes, each links to the one before, the last is the head.
  let archiveOk = true;
  let prev: string | null = null;
  let lastHash: string | null = null;
  let lastSeq = 0;
  const rows = month.prepare(`SELECT seq, ${columns.map((c) => `"${c}"`).join(', ')}, prev_hash, hash FROM "${table}" ORDER BY seq`).raw(true);
  const archived: { seq: number; id: string; hash: string }[] = [];
  for (const raw of rows.iterate() as Iterable<unknown[]>) {
    const s = raw[0] as number;
    const fields = raw.slice(1, 1 + columns.length);
    const [prevHash, h] = raw.slice(1 + columns.length) as [string, string];
    if (linkHash(prevHash, fields) !== h || (prev !== null && prevHash !== prev)) {
      if (archiveOk) report.problems.push(`${table} in month.sqlite: the row ${String(fields[0])} does not recompute to its hash.`);
      archiveOk = false;
    }
    prev = h;
    lastHash = h;
    lastSeq = s;
    archived.push({ seq: s, id: String(fields[0]), hash: h });
  }
  if (lastHash !== null && (lastSeq !== seq || lastHash !== hash)) {
    archiveOk = false;
    report.problems.push(`${table}: the archived rows end at ${lastSeq} ${lastHash}, bag-info.txt states the head ${seq} ${hash}.`);
  }
  const entry: VerifyReport['chains'][number] = { table, seq, hash, archiveOk, live: null };
  if (live) {
    const liveChainOk = verifyChain(live, table === 'audit_log' ? AUDIT_CHAIN : TICKET_EVENTS_CHAIN).ok;
    const liveHash =
      seq === 0 ? GENESIS : ((live.prepare(`SELECT hash FROM ${table} WHERE seq = ?`).pluck().get(seq) as string | undefined) ?? null);
    const byLiveSeq = live.prepare(`SELECT hash FROM ${table} WHERE seq = ?`).pluck();
    const different = archived.find((a) => byLiveSeq.get(a.seq) !== a.hash);
    const ok = liveChainOk && liveHash === hash && !different;
    entry.live = { ok, hash: liveHash, firstDifferentId: different?.id ?? null, liveChainOk };
    if (!liveChainOk) report.problems.push(`${table} in the live database: its hash chain is broken.`);
    if (liveHash !== hash) {
      report.problems.push(
        `${table}: the live database holds ${liveHash ?? 'no row'} at seq ${seq} where the archive recorded ${hash}: the history up to the month's end was rewritten after it was archived.`,
      );
    }
    if (different) report.problems.push(`${table}: the archived row ${different.id} differs from the live database.`);
  }
  report.chains.push(entry);
}
