// Applying checked import rows: every customer with its assets, search keys and callbacks, inside
// the caller's one transaction. The rows are new by construction (checkRows refused duplicates by
// phone and VIN), so nothing is deleted or read back, and the callback rules and the calendar are
// read once for the whole file: the same rows the customer and asset forms write, planned by the
// same rule code (callbackPlanner), at a fraction of the cost (tests compare both paths).
//
// Where the time went (profile of 50,000 rows): one INSERT per row into seven tables, 1.4 million
// statements. Rows are now collected and written in multi-row INSERTs (db/rowBatch.ts) every
// FLUSH_EVERY customers, parents before children (foreign keys are checked per statement), and the
// scheduler's moments of the callbacks in one statement at the end, sorted by their key so the
// unique index fills in order instead of at random (callback ids are name-based hashes: 7.7 µs a
// moment one by one, 2.2 µs sorted). Sorting the search keys does not pay: their second index (by customer) then fills at random (measured: 2,048
// customers' keys sorted at a time no faster, the whole file's twice as slow).
import type { ParsedRow } from '../../../shared/customers/importLayout';
import type { CallContext } from '../context';
import { rowBatch } from '../db/rowBatch';
import { pluck, stmt } from '../db/stmt';
import { newId } from '../ids';
import { ASSET_COLUMNS, assetValues } from './assets';
import { callbackPlanner, type PlannedCallback } from './callbacks';
import { customerKeys, rememberedNameKeys } from './customerKeys';
import { CUSTOMER_COLUMNS, customerValues, digitsOf, ftsValues, initialsOf } from './customers';

/**
 * The scheduler's moments of the callbacks after rowid ?, in one statement sorted by callback id:
 * the moments' unique index (kind, subject) then fills in order instead of at random (the ids are
 * name-based hashes). `+id`: the new rows are found by rowid and sorted, rather than the whole
 * table read in id order through its primary key (a big centre has many callbacks; test asserts
 * the plan). The same moment syncCallbackMoment writes for a new callback.
 */
export const NEW_CALLBACK_MOMENTS = `INSERT INTO due_moments (kind, subject_id, due_at)
  SELECT 'callback.due', id, due_at FROM callbacks WHERE rowid > ? ORDER BY +id
  ON CONFLICT (kind, subject_id) DO UPDATE SET
    fired_at = CASE WHEN due_moments.due_at = excluded.due_at THEN due_moments.fired_at ELSE NULL END,
    due_at = excluded.due_at`;

export interface AppliedImport {
  customers: number;
  assets: number;
}

/** Customers per write of the collected rows (with their ~1.4 assets, ~7 callbacks, ~12 keys). */
const FLUSH_EVERY = 64;
export interface ImportApplier {
  readonly total: number;
  readonly done: number;
  /** Writes the next `count` rows (fewer at the end); returns how many rows are done in all. */
  next(count: number): number;
  /** Writes what is still collected (the scheduler's moments); call once, after the last row. */
  finish(): AppliedImport;
}

export function importApplier(ctx: CallContext, rows: ParsedRow[], by: string): ImportApplier {
  const db = ctx.db;
  const now = ctx.clock.now();
  // The next rowids SQLite would pick (max + 1): the full-text row needs its customer's rowid, and
  // a multi-row INSERT reports only its last one. Nobody else writes during the import's transaction.
  let rowid = (pluck(db, 'SELECT coalesce(max(rowid), 0) FROM customers').get() as number) + 1;
  const customers = rowBatch(db, `INSERT INTO customers (rowid, ${CUSTOMER_COLUMNS})`, `(${Array(18).fill('?').join(', ')})`);
  const fts = rowBatch(db, 'INSERT INTO customers_fts (rowid, name, phones, email, wechat, tags)', '(?, ?, ?, ?, ?, ?)');
  const phones = rowBatch(db, 'INSERT OR IGNORE INTO customer_phones (digits, customer_id)', '(?, ?)');
  const assets = rowBatch(db, `INSERT INTO customer_assets (${ASSET_COLUMNS})`, '(?, ?, ?, ?, ?, ?, ?)');
  const keys = rowBatch(db, 'INSERT OR IGNORE INTO customer_keys (key, customer_id)', '(?, ?)');
  const callbacks = rowBatch(
    db,
    `INSERT INTO callbacks (id, rule_id, customer_id, origin_ticket_id, asset_id, occasion, due_day, due_at, window_end_at, status,
       excluded_user_id, created_at, updated_at)`,
    `(?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
    'ON CONFLICT (occasion) DO NOTHING',
  );
  // The callbacks this import writes are those after the last one before it (nobody else writes meanwhile).
  const callbacksBefore = pluck(db, 'SELECT coalesce(max(rowid), 0) FROM callbacks').get() as number;
  const planner = callbackPlanner(ctx, (cb: PlannedCallback) => {
    callbacks.add(cb.id, cb.ruleId, cb.customerId, cb.originTicketId, cb.assetId, cb.occasion, cb.dueDay, cb.dueAt, cb.windowEndAt, cb.excludedUserId, now, now);
    return true;
  });
  // Names repeat (王伟, 李娜 …): their pinyin is worked out once per import.
  const keysOfName = rememberedNameKeys();
  const initials = new Map<string, string>();
  const initialsOfName = (name: string) => {
    let i = initials.get(name);
    if (i === undefined) initials.set(name, (i = initialsOf(name)));
    return i;
  };

  let done = 0;
  let assetCount = 0;
  let finished = false;
  const flush = () => {
    // Parents first: every statement's foreign keys are checked when it runs.
    customers.flush();
    fts.flush();
    phones.flush();
    assets.flush();
    keys.flush();
    const planned = callbacks.size;
    // A callback's occasion names its new asset or customer: none can exist yet, so none is skipped.
    if (callbacks.flush() !== planned) throw new Error('An imported customer got a callback whose occasion already exists.');
  };

  return {
    total: rows.length,
    get done() {
      return done;
    },
    next(count) {
      const end = Math.min(rows.length, done + count);
      for (; done < end; done++) {
        const r = rows[done]!;
        const c = r.customer;
        const customerId = newId(ctx.clock);
        customers.add(rowid, ...customerValues(customerId, c, now, by, initialsOfName(c.name)));
        fts.add(...ftsValues(rowid, c));
        rowid++;
        for (const p of c.phones) phones.add(digitsOf(p), customerId);
        for (const k of customerKeys(c.name, r.assets, keysOfName)) keys.add(k, customerId);
        for (const data of r.assets) {
          const asset = { id: newId(ctx.clock), customerId, data };
          assets.add(...assetValues(asset.id, customerId, data, now, by));
          planner.forAsset(asset, { fresh: true });
        }
        planner.forBirthday(customerId, c.birthday ?? null, { fresh: true });
        assetCount += r.assets.length;
        if (customers.size >= FLUSH_EVERY) flush();
      }
      if (done === rows.length) flush();
      return done;
    },
    finish() {
      if (finished) throw new Error('The import was finished already.');
      finished = true;
      this.next(rows.length);
      stmt(db, NEW_CALLBACK_MOMENTS).run(callbacksBefore);
      return { customers: rows.length, assets: assetCount };
    },
  };
}

/** All rows at once, inside the caller's transaction (tests, small files). */
export function applyImportRows(ctx: CallContext, rows: ParsedRow[], by: string): AppliedImport {
  return importApplier(ctx, rows, by).finish();
}
