// THE list of replicated tables, in dependency order (parents first: a snapshot uploads in this
// order). A table joins the centre's replication with one line here: name, primary key, merge
// rule (declare.ts), and hooks for local derived data. Everything else is generated.
import type { SharedTable } from './declare';
import { adoptCentreProfileAfterApply, reindexAssetOwnerAfterApply, reindexCustomerAfterApply, rescheduleCallbackAfterApply, unindexCustomer, reindexTicketAfterApply } from './derived';

// Callback rules and callbacks have name-based ids (ids.ts: a rule by its code, a callback by its
// occasion), so what two seats seeded or generated for the same thing is one row; `unique` keeps
// a clash of older rows from stopping the sync.
export const SHARED_TABLES: readonly SharedTable[] = [
  { table: 'users', pk: 'id', merge: 'lww', unique: ['name'] },
  { table: 'settings', pk: 'key', merge: 'lww', localKeys: ['centre', 'ui.language', 'seat.codesHeld'], afterApply: adoptCentreProfileAfterApply },
  { table: 'calendars', pk: 'id', merge: 'lww' },
  { table: 'request_types', pk: 'code', merge: 'lww' },
  { table: 'departments', pk: 'id', merge: 'lww' },
  { table: 'customers', pk: 'id', merge: 'lww-history', afterApply: reindexCustomerAfterApply, beforeDelete: unindexCustomer },
  // Where a merged customer went (services/customerMerges.ts); lww: its kept_id moves on down a chain.
  { table: 'customer_merges', pk: 'merged_id', merge: 'lww' },
  { table: 'customer_assets', pk: 'id', merge: 'lww', afterApply: reindexAssetOwnerAfterApply },
  { table: 'tickets', pk: 'id', merge: 'ticket', afterApply: reindexTicketAfterApply },
  { table: 'ticket_events', pk: 'id', merge: 'append', localColumns: ['seq'] },
  { table: 'callback_rules', pk: 'id', merge: 'lww', unique: ['code'] },
  { table: 'callbacks', pk: 'id', merge: 'lww', unique: ['occasion'], afterApply: rescheduleCallbackAfterApply },
  { table: 'callback_attempts', pk: 'id', merge: 'lww' },
  { table: 'agent_errors', pk: 'id', merge: 'lww' },
  { table: 'agent_credits', pk: 'id', merge: 'lww' },
  { table: 'notification_prefs', pk: 'user_id', merge: 'lww' },
  { table: 'user_seats', pk: 'id', merge: 'lww' },
];

export const sharedTable = (name: string): SharedTable | undefined => SHARED_TABLES.find((t) => t.table === name);
