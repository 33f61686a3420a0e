// Where a merged customer went: mergeCustomers records it (and moves earlier records down a chain),
// and the sync's repair follows the records to the customer finally kept (sync/repoint.ts).
import { describe, expect, it } from 'vitest';
import { mergeCustomers } from '../../electron/core/services/conflicts';
import { keptCustomerOf, recordCustomerMerge } from '../../electron/core/services/customerMerges';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { databaseAt, insertCustomer, insertTicket, insertUser, rows, T } from './migrations/schema';

describe('customer merges', () => {
  it('a merge is recorded with who and when; a later merge of the kept customer moves the record on', () => {
    const db = databaseAt(LATEST_VERSION);
    insertUser(db, 'u1', 'admin', 'admin');
    for (const [id, name] of [['m', '王伟'], ['k', '王伟'], ['j', '王伟']] as const) insertCustomer(db, id, name, 'ww');
    insertTicket(db, 't0001', 'm');

    mergeCustomers(db, 'k', 'm', T, 'u1');
    expect(rows(db, 'SELECT * FROM customer_merges')).toEqual([{ merged_id: 'm', kept_id: 'k', at: T, by_user: 'u1' }]);
    mergeCustomers(db, 'j', 'k', T + 1, 'u1');
    expect(rows(db, 'SELECT merged_id, kept_id FROM customer_merges ORDER BY merged_id')).toEqual([
      { merged_id: 'k', kept_id: 'j' },
      { merged_id: 'm', kept_id: 'j' },
    ]);
    expect(rows(db, 'SELECT customer_id FROM tickets')).toEqual([{ customer_id: 'j' }]);
    expect(keptCustomerOf(db, 'm')).toBe('j');
  });

  it('follows a chain whose records were not all moved on yet, and knows a customer never merged', () => {
    const db = databaseAt(LATEST_VERSION);
    // As a seat holds them when the second merge's re-pointing of the first record has not arrived.
    db.prepare(`INSERT INTO customer_merges (merged_id, kept_id, at) VALUES ('m', 'k', ?), ('k', 'j', ?)`).run(T, T);
    expect(keptCustomerOf(db, 'm')).toBe('j');
    expect(keptCustomerOf(db, 'k')).toBe('j');
    expect(keptCustomerOf(db, 'j')).toBeNull();
  });

  it('two customers merged into each other at two seats: every entry into the cycle ends at its smallest id', () => {
    const db = databaseAt(LATEST_VERSION);
    recordCustomerMerge(db, 'b', 'a', T, null);
    recordCustomerMerge(db, 'x', 'b', T, null);
    db.prepare(`INSERT INTO customer_merges (merged_id, kept_id, at) VALUES ('a', 'b', ?)`).run(T);
    expect(keptCustomerOf(db, 'x')).toBe('a');
    expect(keptCustomerOf(db, 'b')).toBe('a');
    // The row already points at it: nothing to follow, the usual repair lets go of the customer.
    expect(keptCustomerOf(db, 'a')).toBe('a');
  });
});
