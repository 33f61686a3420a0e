// A month in the centre's time zone, and the month's contiguous segment of each hash chain.
import { dayNumber, DAY_MS } from '../../../../shared/sla/civilDate';
import { localToUtc } from '../../../../shared/sla/timeZone';
import { GENESIS } from '../../db/chain';
import type { Db } from '../../db/open';

export const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthBounds(month: string, timeZone: string): { from: number; to: number } {
  const m = MONTH_KEY.exec(month);
  if (!m) throw new RangeError(`Not a month: ${month} (expected YYYY-MM).`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const from = localToUtc(timeZone, dayNumber(year, mon, 1) * DAY_MS);
  const to = localToUtc(timeZone, (mon === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, mon + 1, 1)) * DAY_MS);
  return { from, to };
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The first seq whose `at` is ≥ t, by binary search over the primary key (the chains have no
 * index on `at`; their rows are appended in time order, so `at` grows with seq).
 */
function firstSeqAtOrAfter(db: Db, table: string, t: number): number {
  const bounds = db.prepare(`SELECT min(seq) AS lo, max(seq) AS hi FROM ${table}`).get() as { lo: number | null; hi: number | null };
  if (bounds.lo === null || bounds.hi === null) return 1;
  const atOf = db.prepare(`SELECT at FROM ${table} WHERE seq >= ? ORDER BY seq LIMIT 1`).pluck();
  let lo = bounds.lo;
  let hi = bounds.hi + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const at = atOf.get(mid) as number | undefined;
    if (at === undefined || at >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface ChainSegment {
  lo: number;
  hi: number;
}

export function chainSegment(db: Db, table: 'ticket_events' | 'audit_log', from: number, to: number): ChainSegment {
  return { lo: firstSeqAtOrAfter(db, table, from), hi: firstSeqAtOrAfter(db, table, to) - 1 };
}

/** The chain's head at the month's end: the last row before `to` (GENESIS when there is none). */
export function chainHeadAt(db: Db, table: 'ticket_events' | 'audit_log', hiSeq: number): { rows: number; seq: number; hash: string } {
  const row = db.prepare(`SELECT seq, hash FROM ${table} WHERE seq <= ? ORDER BY seq DESC LIMIT 1`).get(hiSeq) as
    | { seq: number; hash: string }
    | undefined;
  const rows = db.prepare(`SELECT count(*) FROM ${table} WHERE seq <= ?`).pluck().get(hiSeq) as number;
  return row ? { rows, seq: row.seq, hash: row.hash } : { rows: 0, seq: 0, hash: GENESIS };
}

/**
 * What a snapshot has seen of the appended tables: the last seq of both chains and of the sync
 * outbox. Readers that opened the same snapshot agree on it; one that opened after a write does
 * not (every change of a ticket appends an event, every audited change an audit row).
 */
export function snapshotMark(db: Db): string {
  const last = (table: string) => db.prepare(`SELECT max(seq) FROM ${table}`).pluck().get() ?? 0;
  return ['ticket_events', 'audit_log', 'sync_outbox'].map(last).join('/');
}
