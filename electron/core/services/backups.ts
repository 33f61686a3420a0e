// Backups the admin handles in the app: restore one (staged here, applied by the core when it
// next opens the database, so no live connection is ever swapped under running code), and copy
// the backups to another folder (USB disk, network share) on a schedule.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupSettings } from '../../../shared/archive';
import { backupsDir, listBackups, pruneBackups } from '../db/backup';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import { getSetting, setSetting } from './settings';

const PENDING = 'restore-pending.json';

export interface PendingRestore {
  backup: string;
  requestedAt: number;
  requestedBy: string | null;
}

export const pendingRestoreFile = (dataDir: string) => join(dataDir, PENDING);

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Records which backup replaces the database at the next open. */
export function stageRestore(dataDir: string, backupName: string, at: number, by: string | null): PendingRestore {
  const backup = listBackups(dataDir).find((b) => b.name === backupName);
  if (!backup) throw new Error(`No backup ${backupName} in ${backupsDir(dataDir)}.`);
  const pending: PendingRestore = { backup: backup.name, requestedAt: at, requestedBy: by };
  const file = pendingRestoreFile(dataDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(pending), 'utf8');
  fsyncPath(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
  return pending;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

/**
 * Applied before the database is opened: the current file (with its WAL checkpointed) is kept as
 * a "pre-restore" backup, then the chosen backup is copied in under a temp name, fsynced and
 * renamed over the database. Returns what was done, or null when nothing was pending.
 */
export function applyPendingRestore(dataDir: string, dbFile: string, now: number): { restored: string; keptAs: string | null } | null {
  const file = pendingRestoreFile(dataDir);
  if (!existsSync(file)) return null;
  const pending = JSON.parse(readFileSync(file, 'utf8')) as PendingRestore;
  const source = join(backupsDir(dataDir), basename(pending.backup));
  if (!existsSync(source)) {
    rmSync(file, { force: true });
    throw new Error(`The backup ${pending.backup} to restore is gone; the database was left as it was.`);
  }
  let keptAs: string | null = null;
  if (existsSync(dbFile)) {
    // Fold any WAL into the file so the copy is the whole current state.
    const db = openDatabase(dbFile);
    closeDatabase(db);
    mkdirSync(backupsDir(dataDir), { recursive: true });
    keptAs = join(backupsDir(dataDir), `kefu-${stamp(now)}-pre-restore.sqlite`);
    copyFileSync(dbFile, `${keptAs}.partial`);
    fsyncPath(`${keptAs}.partial`);
    renameSync(`${keptAs}.partial`, keptAs);
  }
  copyFileSync(source, `${dbFile}.restoring`);
  fsyncPath(`${dbFile}.restoring`);
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  renameSync(`${dbFile}.restoring`, dbFile);
  rmSync(file, { force: true });
  // The pre-restore copy must not rotate out the backup that was just restored.
  pruneBackups(dataDir, 15);
  return { restored: pending.backup, keptAs };
}

const DEFAULT_COPY: BackupSettings = { copyTo: null, everyHours: 24, lastCopyAt: null, lastCopyError: null };

export function backupSettings(db: Db): BackupSettings {
  return { ...DEFAULT_COPY, ...(getSetting(db, 'backups.copy') ?? {}) };
}

export function saveBackupSettings(db: Db, next: BackupSettings, at: number, by: string | null): void {
  setSetting(db, 'backups.copy', next, at, by);
}

/**
 * Copies the backups the other folder does not have yet (temp name, fsync, rename), when the
 * interval has passed. Returns the names copied; records the time or the error in the settings.
 */
export function copyBackupsIfDue(db: Db, dataDir: string, now: number, force = false): string[] {
  const s = backupSettings(db);
  if (!s.copyTo) return [];
  if (!force && s.lastCopyAt !== null && now - s.lastCopyAt < s.everyHours * 3600_000) return [];
  const copied: string[] = [];
  try {
    mkdirSync(s.copyTo, { recursive: true });
    for (const b of listBackups(dataDir)) {
      const to = join(s.copyTo, b.name);
      if (existsSync(to)) continue;
      copyFileSync(b.file, `${to}.partial`);
      fsyncPath(`${to}.partial`);
      renameSync(`${to}.partial`, to);
      copied.push(b.name);
    }
    saveBackupSettings(db, { ...s, lastCopyAt: now, lastCopyError: null }, now, null);
  } catch (err) {
    saveBackupSettings(db, { ...s, lastCopyError: err instanceof Error ? err.message : String(err) }, now, null);
  }
  return copied;
}
