// Helpers of the per-migration tests: a database migrated up to a version, and representative
// rows written as the schema stood then (raw SQL, not the services, which follow the latest one).
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../../electron/core/db/migrations';
import type { Db } from '../../../electron/core/db/open';

export const T = Date.parse('2026-03-03T09:00:00+08:00');

/** An in-memory database with the app's foreign-key setting, migrated up to `version`. */
export function databaseAt(version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrateTo(db, version);
  return db;
}

/** Applies the migrations up to and including `version`; returns the versions applied. */
export function migrateTo(db: Db, version: number): number[] {
  return migrate(db, MIGRATIONS.slice(0, version));
}

export function names(db: Db, type: 'table' | 'index' | 'trigger'): string[] {
  return db.prepare(`SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(type) as string[];
}

export function rows(db: Db, sql: string, ...args: unknown[]): Record<string, unknown>[] {
  return db.prepare(sql).all(...args) as Record<string, unknown>[];
}

/** Nothing dangling, nothing broken: what every migration must leave behind. */
export function sound(db: Db): { integrity: string; foreignKeys: unknown[] } {
  return { integrity: db.pragma('integrity_check', { simple: true }) as string, foreignKeys: db.pragma('foreign_key_check') as unknown[] };
}

export function insertUser(db: Db, id: string, name: string, role = 'agent'): void {
  db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 'scrypt$x', ?, ?)`).run(id, name, name.toUpperCase(), role, T, T);
}

export function insertCustomer(db: Db, id: string, name: string, initials: string): void {
  db.prepare(
    `INSERT INTO customers (id, kind, name, initials, tier, role, phones, created_at, updated_at) VALUES (?, 'person', ?, ?, 'key', 'end_customer', '["13800138000"]', ?, ?)`,
  ).run(id, name, initials, T, T);
}

/** A ticket as migration 003 defined the table (no request_id yet). */
export function insertTicket(db: Db, id: string, customerId: string, status = 'new'): void {
  db.prepare(
    `INSERT INTO tickets (id, number, customer_id, type_code, category, tier, channel, priority, subject, status, target, created_at, seat, due_at, warning_at, updated_at)
     VALUES (?, ?, ?, 'consultation', 'consultation', 'key', 'phone', 'normal', '网银转账限额', ?, '{"amount":1,"unit":"workingDays"}', ?, 'A1', ?, ?, ?)`,
  ).run(id, `A1-20260303-${id.slice(-4)}`, customerId, status, T, T + 3_600_000, T + 1_800_000, T);
}
