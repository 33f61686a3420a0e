// A row that points at a customer merged into another one (at any seat, in any order of arrival)
// follows the merge: a ticket an agent registered for the duplicate must end at the kept customer,
// not vanish as a reference to a row that is gone. Part of the applier's repair (apply.ts), so it
// runs with the applying flag up and nothing of it is sent back to the hub: every seat meets the
// same dangling reference and the same merge records (customer_merges, shared) and re-points alike.
import type { Db } from '../db/open';
import { keptCustomerOf } from '../services/customerMerges';
import { quoteIdent } from './columns';
import type { AppliedRow } from './declare';
import type { ShadowFields } from './rules';
import { cached } from './statements';
import { sharedTable } from './tables';

export interface Repointed {
  table: string;
  pk: string;
  keptId: string;
}

/**
 * Re-points `column` of the shared row `pk`, a reference to the merged customer `customerId`, to
 * the customer it was finally merged into. Returns what moved, or null when the customer was
 * never merged (or the chain leads back to it), and the usual repair applies.
 */
export function followCustomerMerge(db: Db, table: string, pk: string, column: string, customerId: string, seq: number): Repointed | null {
  const t = sharedTable(table);
  if (!t) return null; // local look-ups (phones, search keys) are rebuilt from their shared rows
  const keptId = keptCustomerOf(db, customerId);
  if (keptId === null || keptId === customerId) return null;
  cached(db, `UPDATE ${quoteIdent(table)} SET ${quoteIdent(column)} = ? WHERE ${quoteIdent(t.pk)} = ?`).run(keptId, pk);
  followInShadow(db, table, pk, column, customerId, keptId);
  // Derived data as for a moved row: the ticket's moments, the new owner's car keys.
  const applied: AppliedRow = { table, pk, op: 'update', seat: null, seq };
  t.afterApply?.(db, applied);
  return { table, pk, keptId };
}

/**
 * The hub version of the row (tables merged with a shadow) says the merged customer too: a later
 * change of any other field rewrites every column from it, and would point the row back at the
 * customer that is gone. Its value follows; when and by whom it was set stay, so the rules decide
 * later changes as before.
 */
function followInShadow(db: Db, table: string, pk: string, column: string, from: string, to: string): void {
  const found = cached(db, 'SELECT fields FROM sync_shadow WHERE tbl = ? AND pk = ?').pluck().get(table, pk) as string | undefined;
  if (found === undefined) return;
  const fields = JSON.parse(found) as ShadowFields;
  const field = fields[column];
  if (!field || field[0] !== from) return;
  fields[column] = [to, field[1], field[2]];
  cached(db, 'UPDATE sync_shadow SET fields = ? WHERE tbl = ? AND pk = ?').run(JSON.stringify(fields), table, pk);
}
