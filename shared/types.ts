// Domain types that cross the IPC bridge.
import type { Role } from './roles';

export interface SessionUser {
  id: string;
  name: string;
  displayName: string;
  role: Role;
}

export interface UserSummary extends SessionUser {
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface CentreSettings {
  centreName: string;
  timeZone: string;
  seatCode: string;
}

export interface AuditEntry {
  id: string;
  at: number;
  actorId: string | null;
  actorName: string | null;
  seat: string | null;
  action: string;
  subject: string | null;
  before: unknown;
  after: unknown;
}

export interface DbCheckReport {
  ok: boolean;
  integrity: string[];
  foreignKeys: number;
  userVersion: number;
  /** Each table with an audit chain and whether its hashes verify. */
  chains: { table: string; rows: number; ok: boolean; brokenAt: string | null }[];
  sizeBytes: number;
}
