// Multi-row INSERTs: rows are collected and written `INSERT … VALUES (…), (…), …` a chunk at a
// time. One statement per chunk instead of per row saves the per-call cost of the driver and of
// SQLite's statement machinery (what a bulk write like the customer import mostly pays for);
// each chunk size's statement is prepared once per batch (looking a 3 KB SQL text up in the
// connection's statement cache on every write cost more than the write's bookkeeping).
import type { Db } from './open';
import type { Statement } from 'better-sqlite3';

/** SQLite 3.32+ allows 32,766 parameters; a few hundred per statement is where the gain levels off. */
const MAX_PARAMS = 960;
const MAX_ROWS = 100;

export interface RowBatch {
  readonly size: number;
  add(...values: unknown[]): void;
  /** Writes every collected row; returns how many rows SQLite changed (OR IGNORE may skip some). */
  flush(): number;
}

/**
 * `head` is the statement up to VALUES (`INSERT INTO t (a, b)`), `row` one row's tuple
 * (`(?, ?, 'pending')`), `tail` what follows the rows (`ON CONFLICT …`), if anything.
 */
export function rowBatch(db: Db, head: string, row: string, tail = ''): RowBatch {
  const perRow = row.split('?').length - 1;
  const chunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / perRow)));
  const statements: Statement[] = [];
  const statementFor = (rows: number) =>
    (statements[rows] ??= db.prepare(`${head} VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${tail}`));
  let values: unknown[] = [];
  return {
    get size() {
      return values.length / perRow;
    },
    add(...v) {
      if (v.length !== perRow) throw new Error(`${head}: ${v.length} values for a row of ${perRow}`);
      for (const x of v) values.push(x);
    },
    flush() {
      let changes = 0;
      const all = values;
      values = [];
      const step = chunk * perRow;
      for (let at = 0; at < all.length; at += step) {
        const part = all.length - at >= step ? (at === 0 && all.length === step ? all : all.slice(at, at + step)) : all.slice(at);
        changes += statementFor(part.length / perRow).run(part).changes;
      }
      return changes;
    },
  };
}
