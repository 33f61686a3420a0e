// Integrity checks shared by start-up, the admin screen and `cli db check`.
import { statSync } from 'node:fs';
import type { DbCheckReport } from '../../../shared/types';
import { verifyChain, type ChainSpec } from './chain';
import type { Db } from './open';
import { currentVersion } from './migrations';

/** Every hash-chained table, so one check covers them all as tables are added. */
export const AUDIT_CHAIN: ChainSpec = {
  table: 'audit_log',
  columns: ['id', 'at', 'actor_id', 'seat', 'action', 'subject', 'before', 'after'],
};
export const TICKET_EVENTS_CHAIN: ChainSpec = {
  table: 'ticket_events',
  columns: ['id', 'ticket_id', 'at', 'actor_id', 'seat', 'kind', 'before', 'after'],
  // Events are written at every seat and replicated: one chain per seat.
  partitionBy: 'seat',
};
export const CHAINED_TABLES: ChainSpec[] = [AUDIT_CHAIN, TICKET_EVENTS_CHAIN];

/**
 * Cheap check run at every start-up (a few ms at any size): the page-1 header, the schema, and the
 * root and first leaf of every table. Throws SQLITE_NOTADB/SQLITE_CORRUPT on an obviously damaged
 * file; subtler damage is left to quick_check (in the background after a clean shutdown).
 */
export function sanityCheck(db: Db): void {
  db.pragma('schema_version', { simple: true });
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .pluck()
    .all() as string[];
  for (const name of tables) db.prepare(`SELECT 1 FROM "${name.replace(/"/g, '""')}" LIMIT 1`).get();
}

/** Reads the whole file (~13 s on the 1M-ticket centre): at start-up only after an unclean shutdown. */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check);
}

export function fullCheck(db: Db, file: string): DbCheckReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
  const chains = CHAINED_TABLES.filter((spec) => tableExists(db, spec.table)).map((spec) => verifyChain(db, spec));
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys === 0 && chains.every((c) => c.ok),
    integrity,
    foreignKeys,
    userVersion: currentVersion(db),
    chains,
    sizeBytes: statSync(file).size,
  };
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}
