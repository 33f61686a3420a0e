// Migrations: numbered, applied in order in ONE transaction, tracked by `user_version`.
// A database written by a newer Kefu Desk is refused rather than misread.
import type { Db } from '../open';
import { m001Foundation } from './001_foundation';
import { m002Sla } from './002_sla';
import { m003Tickets } from './003_tickets';
import { m004Scheduler } from './004_scheduler';
import { m005FtsAutomerge } from './005_fts_automerge';
import { m006IntakeAndSignIn } from './006_intake_and_sign_in';
import { m007Stats } from './007_stats';
import { m008Sync } from './008_sync';
import { m009Customers360 } from './009_customers360';
import { m010HubCallbacks } from './010_hub_callbacks';
import { m011StatsRollup } from './011_stats_rollup';
import { m012CallbacksByAsset } from './012_callbacks_by_asset';
import { m013FestivalGreeting } from './013_festival_greeting';
import { m014CallbacksCancelled } from './014_callbacks_cancelled';
import { m015UnusedTicketIndex } from './015_unused_ticket_index';
import { m016CustomerMerges } from './016_customer_merges';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
  /**
   * Tables the migration rebuilds (create new, copy, drop old, rename: how SQLite changes a CHECK
   * constraint). SQLite's procedure for that runs with foreign keys off, since dropping a parent
   * would otherwise delete into its children or rewrite their references; so the migrations run
   * with them off and the references of these tables and of every table naming them are checked
   * before the commit instead.
   */
  rebuilds?: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  m001Foundation,
  m002Sla,
  m003Tickets,
  m004Scheduler,
  m005FtsAutomerge,
  m006IntakeAndSignIn,
  m007Stats,
  m008Sync,
  m009Customers360,
  m010HubCallbacks,
  m011StatsRollup,
  m012CallbacksByAsset,
  m013FestivalGreeting,
  m014CallbacksCancelled,
  m015UnusedTicketIndex,
  m016CustomerMerges,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database was written by a newer Kefu Desk (schema ${found}); this version understands up to ${supported}. Update Kefu Desk to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function currentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function pendingMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  assertOrdered(migrations);
  const found = currentVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (found > latest) throw new DatabaseTooNewError(found, latest);
  return migrations.filter((m) => m.version > found);
}

/** Applies every pending migration atomically; returns the versions applied. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const pending = pendingMigrations(db, migrations);
  if (pending.length === 0) return [];
  const rebuilt = pending.flatMap((m) => m.rebuilds ?? []);
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  // Outside the transaction: SQLite ignores this pragma inside one.
  if (rebuilt.length && enforced) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        // user_version lives in the file header and is written inside this transaction.
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuilt.length) assertReferencesHold(db, rebuilt);
    })();
  } finally {
    if (rebuilt.length && enforced) db.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}

/** Throws (rolling the migrations back) if a rebuilt table or a table naming one has a dangling reference. */
function assertReferencesHold(db: Db, rebuilt: readonly string[]): void {
  const children = db
    .prepare(
      `SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(rebuilt)) as string[];
  for (const table of new Set([...rebuilt, ...children])) {
    const broken = db.pragma(`foreign_key_check("${table.replace(/"/g, '""')}")`) as unknown[];
    if (broken.length) throw new Error(`Migration left ${broken.length} dangling references in ${table}: ${JSON.stringify(broken.slice(0, 3))}`);
  }
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
