// The departments tickets are forwarded to (seeded by migration 003, edited by admins).
import type { Department } from '../../../shared/tickets/types';
import type { Db } from '../db/open';

export function listDepartments(db: Db): Department[] {
  return (db.prepare('SELECT id, name_zh, name_en, active FROM departments ORDER BY position, id').all() as { id: string; name_zh: string; name_en: string; active: 0 | 1 }[]).map(
    (d) => ({ id: d.id, names: { zh: d.name_zh, en: d.name_en }, active: d.active === 1 }),
  );
}

/** Inserts a new department at the end of the list, or changes an existing one in place. */
export function saveDepartment(db: Db, d: Department, at: number, by: string): void {
  db.prepare(
    `INSERT INTO departments (id, name_zh, name_en, active, position, updated_at, updated_by)
     VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 10 FROM departments), ?, ?)
     ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, active = excluded.active,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(d.id, d.names.zh, d.names.en, d.active ? 1 : 0, at, by);
}
