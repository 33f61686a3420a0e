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
};
export const CHAINED_TABLES: ChainSpec[] = [AUDIT_CHAIN, TICKET_EVENTS_CHAIN];

/** Fast check used at every start-up: a few ms even on a large file. */
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
