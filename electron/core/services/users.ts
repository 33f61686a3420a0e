// The centre's staff accounts. Passwords are stored only as scrypt hashes.
import type { Role } from '../../../shared/roles';
import type { StaffMember } from '../../../shared/tickets/types';
import type { SessionUser, UserSummary } from '../../../shared/types';
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';

interface UserRow {
  id: string;
  name: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: 0 | 1;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, name, display_name, role, password_hash, disabled, created_at, updated_at';

export function toSummary(r: UserRow): UserSummary {
  return {
    id: r.id,
    name: r.name,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

/** The signed-in user an id stands for: null when there is none, or the account is disabled. */
export function activeSessionUser(db: Db, id: string | null): SessionUser | null {
  const row = id ? findUserById(db, id) : undefined;
  return row && !row.disabled ? sessionUserOf(row) : null;
}

/** A user row as the signed-in user the rest of the app sees. */
export const sessionUserOf = (row: UserRow): SessionUser => ({ id: row.id, name: row.name, displayName: row.display_name, role: row.role });

export function findUserByName(db: Db, name: string): UserRow | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM users WHERE name = ?`).get(name) as UserRow | undefined;
}

export function listUsers(db: Db): UserSummary[] {
  return (stmt(db, `SELECT ${COLUMNS} FROM users ORDER BY disabled, role DESC, name`).all() as UserRow[]).map(
    toSummary,
  );
}

export function countActiveAdmins(db: Db): number {
  return (stmt(db, `SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0`).get() as { n: number }).n;
}

export interface NewUser {
  id: string;
  name: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

export function insertUser(db: Db, u: NewUser, at: number, by: string | null): UserSummary {
  stmt(db,
    `INSERT INTO users (id, name, display_name, role, password_hash, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(u.id, u.name, u.displayName, u.role, u.passwordHash, at, by, at, by);
  return toSummary(findUserById(db, u.id)!);
}

export function updateUserRow(
  db: Db,
  id: string,
  change: { displayName: string; role: Role; disabled: boolean },
  at: number,
  by: string,
): UserSummary {
  stmt(db,
    `UPDATE users SET display_name = ?, role = ?, disabled = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(change.displayName, change.role, change.disabled ? 1 : 0, at, by, id);
  return toSummary(findUserById(db, id)!);
}

export function setPasswordHash(db: Db, id: string, hash: string, at: number, by: string): void {
  stmt(db, `UPDATE users SET password_hash = ?, updated_at = ?, updated_by = ? WHERE id = ?`).run(hash, at, by, id);
}

/** Active staff for pickers (assignee, contact person, transfer): no names or roles of disabled users. */
export function staffDirectory(db: Db): StaffMember[] {
  return db.prepare(`SELECT id, display_name AS displayName, role FROM users WHERE disabled = 0 ORDER BY role, display_name`).all() as StaffMember[];
}
