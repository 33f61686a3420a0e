// Automatic backups in the data folder: daily and before every migration, the last 14 kept.
// SQLite's online backup API copies a consistent snapshot while the app keeps working, in a
// worker thread (backupWorker.ts) so the main thread does none of the copying.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BackupWorkerUnavailable, backupInWorker } from './backupWorker';
import type { Db } from './open';

export const BACKUPS_KEPT = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'daily' | 'pre-migration' | 'manual' | 'pre-restore';

export interface BackupFile {
  file: string;
  name: string;
  at: number;
  reason: string;
  sizeBytes: number;
}

const NAME = /^kefu-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite$/;

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
function parseStamp(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, se, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, se!, ms!);
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** Newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const file = join(dir, name);
      return { file, name, at: parseStamp(m[1]!), reason: m[2]!, sizeBytes: statSync(file).size };
    })
    .sort((a, b) => b.at - a.at);
}

export async function backupNow(db: Db, dataDir: string, reason: BackupReason, now: number): Promise<BackupFile> {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const name = `kefu-${stamp(now)}-${reason}.sqlite`;
  const tmp = join(dir, `${name}.partial`);
  try {
    await backupInWorker(db.name, tmp);
  } catch (err) {
    if (!(err instanceof BackupWorkerUnavailable)) throw err;
    // No worker could load better-sqlite3: a backup copied here, step by step, beats none.
    await db.backup(tmp);
  }
  // Renamed only when complete, so a half-written copy is never mistaken for a backup.
  renameSync(tmp, join(dir, name));
  pruneBackups(dataDir);
  return listBackups(dataDir).find((b) => b.name === name)!;
}

/**
 * Takes a backup out of the list without deleting it (renamed `<name>.unverified`): used when the
 * database it was copied from turned out to be damaged, so it is never offered as a restore point
 * and never rotates a good backup out.
 */
export function quarantineBackup(file: string): string {
  const to = `${file}.unverified`;
  if (existsSync(file)) renameSync(file, to);
  return to;
}

export function pruneBackups(dataDir: string, keep = BACKUPS_KEPT): void {
  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.file, { force: true });
}

export function dailyBackupDue(dataDir: string, now: number): boolean {
  const latest = listBackups(dataDir)[0];
  return !latest || now - latest.at >= DAY_MS;
}

/**
 * Puts a backup in place of the live database. The damaged file is kept beside it, renamed,
 * never deleted: someone may still want to rescue data from it.
 */
export function restoreBackup(dbFile: string, backup: string, now: number): { keptDamagedAs: string | null } {
  let keptDamagedAs: string | null = null;
  if (existsSync(dbFile)) {
    keptDamagedAs = `${dbFile}.damaged-${stamp(now)}`;
    renameSync(dbFile, keptDamagedAs);
  }
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, `${keptDamagedAs ?? dbFile}${suffix}`);
  }
  copyFileSync(backup, dbFile);
  return { keptDamagedAs };
}
