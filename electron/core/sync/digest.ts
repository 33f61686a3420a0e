// A hash of each shared table's replicated content, for comparing seats: equal digests mean the
// seats hold the same centre. Local columns and local rows are left out.
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { quoteIdent, quoteText, replicatedColumns } from './columns';
import { SHARED_TABLES } from './tables';

export function tableDigests(db: Db): Record<string, { rows: number; sha256: string }> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const t of SHARED_TABLES) {
    const cols = replicatedColumns(db, t);
    const local = t.localKeys?.length ? `WHERE ${quoteIdent(t.pk)} NOT IN (${t.localKeys.map(quoteText).join(', ')})` : '';
    const hash = createHash('sha256');
    let rows = 0;
    const stmt = db.prepare(`SELECT json_array(${cols.map(quoteIdent).join(', ')}) FROM ${quoteIdent(t.table)} ${local} ORDER BY ${quoteIdent(t.pk)}`).pluck();
    for (const line of stmt.iterate() as Iterable<string>) {
      hash.update(line).update('\n');
      rows++;
    }
    out[t.table] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}
