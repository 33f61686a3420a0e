// Customers: stored rows, their phone index, and the full-text index kept in the same transaction.
import { pinyin } from 'pinyin-pro';
import type { CustomerInput } from '../../../shared/tickets/schemas';
import type { Customer, CustomerSummary } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/stmt';
import type { AssetInput } from '../../../shared/customers/assets';
import { customerKeys, keyOf } from './customerKeys';

interface CustomerRow {
  rowid: number;
  id: string;
  kind: Customer['kind'];
  name: string;
  tier: Customer['tier'];
  role: Customer['role'];
  phones: string;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  contact_user_id: string | null;
  contact_name: string | null;
  tags: string;
  notes: string;
  created_at: number;
  updated_at: number;
}

const SELECT = `SELECT c.rowid, c.*, u.display_name AS contact_name FROM customers c LEFT JOIN users u ON u.id = c.contact_user_id`;

export const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** Pinyin initials of a name, lower case: 王伟 → ww, 华东物流有限公司 → hdwlyxgs; latin letters kept. */
export function initialsOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function toSummary(r: Pick<CustomerRow, 'id' | 'kind' | 'name' | 'tier' | 'role' | 'phones'>): CustomerSummary {
  return { id: r.id, kind: r.kind, name: r.name, tier: r.tier, role: r.role, phones: JSON.parse(r.phones) as string[] };
}

function toCustomer(r: CustomerRow): Customer {
  return {
    ...toSummary(r),
    email: r.email,
    wechat: r.wechat,
    birthday: r.birthday ? (JSON.parse(r.birthday) as Customer['birthday']) : null,
    contactUserId: r.contact_user_id,
    contactName: r.contact_name,
    tags: JSON.parse(r.tags) as string[],
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCustomer(db: Db, id: string): Customer | null {
  const row = stmt(db, `${SELECT} WHERE c.id = ?`).get(id) as CustomerRow | undefined;
  return row ? toCustomer(row) : null;
}

/** The full-text row of a customer: what the trigram index reads (the import writes the same). */
export const ftsValues = (rowid: number | bigint, c: Pick<CustomerInput, 'name' | 'phones' | 'email' | 'wechat' | 'tags'>) =>
  [rowid, c.name, c.phones.map(digitsOf).join(' '), c.email ?? '', c.wechat ?? '', c.tags.join(' ')] as const;

function indexCustomer(db: Db, id: string, c: CustomerInput): void {
  const rowid = (stmt(db, 'SELECT rowid FROM customers WHERE id = ?').get(id) as { rowid: number }).rowid;
  stmt(db, 'DELETE FROM customers_fts WHERE rowid = ?').run(rowid);
  stmt(db, 'INSERT INTO customers_fts (rowid, name, phones, email, wechat, tags) VALUES (?, ?, ?, ?, ?, ?)').run(...ftsValues(rowid, c));
  stmt(db, 'DELETE FROM customer_phones WHERE customer_id = ?').run(id);
  const phone = stmt(db, 'INSERT OR IGNORE INTO customer_phones (digits, customer_id) VALUES (?, ?)');
  for (const p of c.phones) phone.run(digitsOf(p), id);
  reindexKeys(db, id);
}

/** Rebuilds the customer's search keys from its name and assets (same transaction as the change). */
export function reindexKeys(db: Db, customerId: string): void {
  const name = pluck(db, 'SELECT name FROM customers WHERE id = ?').get(customerId) as string | undefined;
  // A car from another seat for a customer merged or deleted here: no keys to keep (the sync
  // re-points or lets go of the car, sync/apply.ts, and the new owner's keys follow then).
  if (name === undefined) return;
  const assets = (pluck(db, 'SELECT data FROM customer_assets WHERE customer_id = ?').all(customerId) as string[]).map(
    (d) => JSON.parse(d) as AssetInput,
  );
  stmt(db, 'DELETE FROM customer_keys WHERE customer_id = ?').run(customerId);
  writeKeys(db, customerId, name, assets);
}

function writeKeys(db: Db, customerId: string, name: string, assets: AssetInput[]): void {
  const key = stmt(db, 'INSERT OR IGNORE INTO customer_keys (key, customer_id) VALUES (?, ?)');
  for (const k of customerKeys(name, assets)) key.run(k, customerId);
}

/** Customers with exactly this name (trimmed, case-insensitive for latin letters): the duplicate-name warning. */
export function customersNamed(db: Db, name: string, excludeId?: string): CustomerSummary[] {
  const rows = stmt(db, `SELECT id, kind, name, tier, role, phones FROM customers WHERE name = ? COLLATE NOCASE AND id IS NOT ? ORDER BY created_at LIMIT 20`)
    .all(name.trim(), excludeId ?? null) as CustomerRow[];
  return rows.map(toSummary);
}

/** Rebuilds the search index and phone look-up of a stored customer (a row that arrived from the hub). */
export function reindexCustomer(db: Db, id: string): void {
  const r = stmt(db, 'SELECT name, phones, email, wechat, tags FROM customers WHERE id = ?').get(id) as
    | { name: string; phones: string; email: string | null; wechat: string | null; tags: string }
    | undefined;
  if (!r) return;
  const input = { name: r.name, phones: JSON.parse(r.phones) as string[], email: r.email, wechat: r.wechat, tags: JSON.parse(r.tags) as string[] };
  indexCustomer(db, id, input as CustomerInput);
}

/** Removes a customer from the search index before the row goes (its phones cascade). */
export function unindexCustomerRow(db: Db, id: string): void {
  const row = stmt(db, 'SELECT rowid FROM customers WHERE id = ?').get(id) as { rowid: number } | undefined;
  if (row) stmt(db, 'DELETE FROM customers_fts WHERE rowid = ?').run(row.rowid);
}

/** The customers row's columns after the rowid, in CUSTOMER_COLUMNS order (the import writes the same). */
export const CUSTOMER_COLUMNS = `id, kind, name, initials, tier, role, phones, email, wechat, birthday, contact_user_id, tags, notes,
                            created_at, created_by, updated_at, updated_by`;

export const customerValues = (id: string, c: CustomerInput, at: number, by: string, initials = initialsOf(c.name)) =>
  [id, c.kind, c.name, initials, c.tier, c.role, JSON.stringify(c.phones), c.email, c.wechat,
    c.birthday ? JSON.stringify(c.birthday) : null, c.contactUserId, JSON.stringify(c.tags), c.notes, at, by, at, by] as const;

function insertCustomerRow(db: Db, id: string, c: CustomerInput, at: number, by: string): void {
  stmt(db, `INSERT INTO customers (${CUSTOMER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...customerValues(id, c, at, by));
}

export function insertCustomer(db: Db, id: string, c: CustomerInput, at: number, by: string): Customer {
  insertCustomerRow(db, id, c, at, by);
  indexCustomer(db, id, c);
  return getCustomer(db, id)!;
}

export function updateCustomer(db: Db, id: string, c: CustomerInput, at: number, by: string): Customer {
  stmt(db, 
    `UPDATE customers SET kind = ?, name = ?, initials = ?, tier = ?, role = ?, phones = ?, email = ?, wechat = ?, birthday = ?,
       contact_user_id = ?, tags = ?, notes = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(c.kind, c.name, initialsOf(c.name), c.tier, c.role, JSON.stringify(c.phones), c.email, c.wechat,
    c.birthday ? JSON.stringify(c.birthday) : null, c.contactUserId, JSON.stringify(c.tags), c.notes, at, by, id);
  indexCustomer(db, id, c);
  return getCustomer(db, id)!;
}

export function customersWithPhones(db: Db, phones: string[], excludeId?: string): CustomerSummary[] {
  const digits = [...new Set(phones.map(digitsOf))];
  const rows = stmt(db, 
      `SELECT DISTINCT c.id, c.kind, c.name, c.tier, c.role, c.phones FROM customer_phones p JOIN customers c ON c.id = p.customer_id
       WHERE p.digits IN (SELECT value FROM json_each(?)) AND c.id IS NOT ?`,
    )
    .all(JSON.stringify(digits), excludeId ?? null) as CustomerRow[];
  return rows.map(toSummary);
}

/**
 * What a search box's text means: control characters dropped (none can be part of a stored field,
 * and a NUL would end FTS5's query text early), spaces at the ends trimmed.
 */
export const searchTerm = (q: string) => q.replace(/\p{Cc}+/gu, ' ').trim();

/** FTS5 query text for a literal substring: quoted, inner quotes doubled. */
export const ftsLiteral = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Multi-key search, best matches first: names beginning with the query; then the search keys
 * (services/customerKeys.ts: a fragment anywhere in the name, its full pinyin or its initials, a VIN
 * or its last 6, a plate with or without the province, a policy or contract number); then the
 * trigram index (3+ characters: phone digits, e-mail, WeChat, tags). A phone-like query asks the
 * phone digits before the keys.
 */
export function searchCustomers(db: Db, q: string, limit: number): CustomerSummary[] {
  const term = searchTerm(q);
  if (!term) return [];
  const digits = digitsOf(term);
  const phoneLike = digits.length >= 3 && digits.length >= term.replace(/[\s()+-]/g, '').length;
  const ids = new Set<string>();
  const add = (rows: { id: string }[]) => rows.forEach((r) => ids.size < limit && ids.add(r.id));

  add(stmt(db, `SELECT id FROM customers WHERE name >= ? AND name < ? ORDER BY name LIMIT ?`).all(term, term + '\uffff', limit) as { id: string }[]);
  const byKeys = () => {
    const key = keyOf(term);
    if (!key || ids.size >= limit) return;
    // Several keys of one customer can match (王 in 王伟 and in 伟王): read a few more than needed.
    add(
      stmt(db, `SELECT customer_id AS id FROM customer_keys WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`)
        .all(key, key + '\uffff', limit * 4) as { id: string }[],
    );
  };
  const byTrigrams = () => {
    const ftsTerm = phoneLike ? digits : term;
    if (ftsTerm.length < 3 || ids.size >= limit) return;
    const column = phoneLike ? 'phones : ' : '';
    add(
      stmt(db, `SELECT c.id FROM customers_fts f JOIN customers c ON c.rowid = f.rowid WHERE customers_fts MATCH ? LIMIT ?`)
        .all(`${column}${ftsLiteral(ftsTerm)}`, limit) as { id: string }[],
    );
  };
  if (phoneLike) {
    byTrigrams();
    byKeys();
  } else {
    byKeys();
    byTrigrams();
  }
  if (ids.size === 0) return [];
  const rows = stmt(db, `SELECT id, kind, name, tier, role, phones FROM customers WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...ids])) as CustomerRow[];
  const order = [...ids];
  return rows.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)).map(toSummary);
}
