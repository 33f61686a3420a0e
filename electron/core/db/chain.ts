// Hash chains make tampering with append-only tables visible: each row's hash covers its own
// content and the previous row's hash, so changing or removing any row breaks every later link.
import { createHash } from 'node:crypto';
import type { Db } from './open';
import { stmt } from './stmt';

export const GENESIS = '0'.repeat(64);

export function linkHash(prevHash: string, fields: readonly unknown[]): string {
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

export interface ChainSpec {
  table: string;
  /** Columns covered by the hash, in order (everything but seq, prev_hash and hash). */
  columns: readonly string[];
  /**
   * One chain per value of this column (ticket_events: per seat), so rows written at another seat
   * and replicated here keep the hashes they were given there and still verify.
   */
  partitionBy?: string;
}

/**
 * Appends a row to a hash-chained table: the hash covers the spec's columns in order and the
 * previous row's hash. Call inside the transaction that makes the change it records.
 */
export function appendChained(db: Db, spec: ChainSpec, values: readonly unknown[]): void {
  const prev = spec.partitionBy
    ? lastHashOf(db, spec.table, spec.partitionBy, values[spec.columns.indexOf(spec.partitionBy)])
    : lastHash(db, spec.table);
  const cols = [...spec.columns, 'prev_hash', 'hash'];
  stmt(db, `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
    ...values,
    prev,
    linkHash(prev, values),
  );
}

export function lastHash(db: Db, table: string): string {
  const row = stmt(db, `SELECT hash FROM ${table} ORDER BY seq DESC LIMIT 1`).get() as
    | { hash: string }
    | undefined;
  return row?.hash ?? GENESIS;
}

function lastHashOf(db: Db, table: string, column: string, value: unknown): string {
  // Cached like every hot statement: each ticket event (create, accept, resolve…) looks it up.
  const row = stmt(db, `SELECT hash FROM ${table} WHERE ${column} IS ? ORDER BY seq DESC LIMIT 1`).get(value) as
    | { hash: string }
    | undefined;
  return row?.hash ?? GENESIS;
}

export interface ChainReport {
  table: string;
  rows: number;
  ok: boolean;
  /** The id of the first row whose link does not verify. */
  brokenAt: string | null;
}

export function verifyChain(db: Db, spec: ChainSpec): ChainReport {
  const cols = spec.columns.join(', ');
  const stmt = db.prepare(`SELECT ${cols}, prev_hash, hash FROM ${spec.table} ORDER BY seq`).raw(true);
  let prev = GENESIS;
  let rows = 0;
  const part = spec.partitionBy ? spec.columns.indexOf(spec.partitionBy) : -1;
  const lastOf = new Map<unknown, string>();
  const seen = new Set<string>();
  for (const raw of stmt.iterate() as Iterable<unknown[]>) {
    rows++;
    const fields = raw.slice(0, spec.columns.length);
    const [prevHash, hash] = raw.slice(spec.columns.length) as [string, string];
    if (part >= 0) {
      const last = lastOf.get(fields[part]);
      // A partition's first row starts at GENESIS, or continues the single chain of a database
      // written before chains were per seat (a seat that changed its code).
      const linked = last !== undefined ? prevHash === last : prevHash === GENESIS || seen.has(prevHash);
      if (!linked || linkHash(prevHash, fields) !== hash) return { table: spec.table, rows, ok: false, brokenAt: String(fields[0]) };
      lastOf.set(fields[part], hash);
      seen.add(hash);
      continue;
    }
    if (prevHash !== prev || linkHash(prev, fields) !== hash) {
      return { table: spec.table, rows, ok: false, brokenAt: String(fields[0]) };
    }
    prev = hash;
  }
  return { table: spec.table, rows, ok: true, brokenAt: null };
}
