// THE list of replicated tables, in dependency order (parents first: a snapshot uploads in this
// order). A table joins the centre's replication with one line here: name, primary key, merge
// rule (declare.ts), and hooks for local derived data. Everything else is generated.
import type { SharedTable } from './declare';
import { reindexAssetOwnerAfterApply, reindexCustomerAfterApply, unindexCustomer, reindexTicketAfterApply } from './derived';

// Not yet shared: callback_rules (every seat seeds its own rows with their own ids and the same
// codes, so they need a merge by code first) and so the callbacks that point at them.
export const SHARED_TABLES: readonly SharedTable[] = [
  { table: 'users', pk: 'id', merge: 'lww', unique: ['name'] },
  { table: 'settings', pk: 'key', merge: 'lww', localKeys: ['centre', 'ui.language'] },
  { table: 'calendars', pk: 'id', merge: 'lww' },
  { table: 'request_types', pk: 'code', merge: 'lww' },
  { table: 'departments', pk: 'id', merge: 'lww' },
  { table: 'customers', pk: 'id', merge: 'lww-history', afterApply: reindexCustomerAfterApply, beforeDelete: unindexCustomer },
  { table: 'customer_assets', pk: 'id', merge: 'lww', afterApply: reindexAssetOwnerAfterApply },
  { table: 'tickets', pk: 'id', merge: 'ticket', afterApply: reindexTicketAfterApply },
  { table: 'ticket_events', pk: 'id', merge: 'append', localColumns: ['seq'] },
  { table: 'agent_errors', pk: 'id', merge: 'lww' },
  { table: 'agent_credits', pk: 'id', merge: 'lww' },
  { table: 'notification_prefs', pk: 'user_id', merge: 'lww' },
  { table: 'user_seats', pk: 'id', merge: 'lww' },
];

export const sharedTable = (name: string): SharedTable | undefined => SHARED_TABLES.find((t) => t.table === name);
