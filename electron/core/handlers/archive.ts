// The monthly archive and backups. Long work (month close, verify, backup) runs outside the call's
// transaction as a job; these handlers start it and answer at once.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../shared/result';
import { listBackups } from '../db/backup';
import { recordAudit } from '../services/audit';
import { archivesDirIn, listArchives } from '../services/archive/create';
import { backupSettings, saveBackupSettings, stageRestore } from '../services/backups';
import { type archiveMethods } from '../../../shared/contract/archive';
import type { HandlersOf } from './types';


const noArchive = (source: string) =>
  new DomainError('NOT_FOUND', 'errors.archiveNotFound', `No archive at ${source}.`, { source });

/** Opens an archive's month.sqlite read-only (from a zip: a temp copy). */
function openArchiveDb(source: string): { db: Database.Database; dispose(): void } {
  if (!existsSync(source)) throw noArchive(source);
  if (statSync(source).isDirectory()) {
    const file = join(source, 'data', 'month.sqlite');
    if (!existsSync(file)) throw noArchive(source);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    return { db, dispose: () => db.close() };
  }
  // A browse call is synchronous and zip entries are read by streams: browse the folder.
  throw new DomainError('VALIDATION', 'errors.archiveBrowseZip', `Open the archive folder to browse it (${source} is a file).`, { source });
}

export const archiveHandlers: HandlersOf<typeof archiveMethods> = {
  'archive.preview': ({ month }, ctx) => ctx.archive.preview(month),
  'archive.start': ({ month }, ctx) => {
    recordAudit(ctx, { action: 'archive.create', subject: month });
    return ctx.archive.startCreate(month, ctx.user!.displayName);
  },
  'archive.cancel': ({ jobId }, ctx) => ctx.archive.cancel(jobId),
  'archive.job': ({ jobId }, ctx) => ctx.archive.get(jobId),
  'archive.list': (_input, ctx) => listArchives(archivesDirIn(ctx.dataDir)),
  'archive.verify': ({ source, againstLive }, ctx) => {
    if (!existsSync(source)) throw noArchive(source);
    return ctx.archive.startVerify(source, againstLive);
  },
  'archive.browse': ({ source, section, offset, limit }) => {
    const { db, dispose } = openArchiveDb(source);
    try {
      const sections = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid`).pluck().all() as string[];
      const name = section ?? sections[0];
      if (!name || !sections.includes(name)) {
        throw new DomainError('NOT_FOUND', 'errors.archiveSectionNotFound', `The archive has no section ${String(name)}.`, { section: String(name) });
      }
      const stmt = db.prepare(`SELECT * FROM "${name}" LIMIT ? OFFSET ?`);
      const rows = stmt.raw(true).all(limit ?? 100, offset ?? 0) as unknown[][];
      const columns = stmt.columns().map((c) => c.name);
      const total = db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number;
      return { sections, columns, rows, total };
    } finally {
      dispose();
    }
  },
  'backups.list': (_input, ctx) => listBackups(ctx.dataDir).map(({ name, at, reason, sizeBytes }) => ({ name, at, reason, sizeBytes })),
  'backups.create': (_input, ctx) => {
    ctx.startBackup();
    return null;
  },
  'backups.restore': ({ name }, ctx) => {
    if (!listBackups(ctx.dataDir).some((b) => b.name === name)) {
      throw new DomainError('NOT_FOUND', 'errors.backupNotFound', `No backup ${name}.`, { name });
    }
    if (ctx.archive.running()) throw new DomainError('CONFLICT', 'errors.archiveRunning', 'A month close is running; restore after it ends.');
    recordAudit(ctx, { action: 'backup.restore', subject: name });
    stageRestore(ctx.dataDir, name, ctx.clock.now(), ctx.user?.id ?? null);
    ctx.emit({ type: 'db.restoreStaged', backup: name });
    return null;
  },
  'backups.settings': (_input, ctx) => backupSettings(ctx.db),
  'backups.saveSettings': ({ copyTo, everyHours }, ctx) => {
    const before = backupSettings(ctx.db);
    const next = { ...before, copyTo, everyHours };
    saveBackupSettings(ctx.db, next, ctx.clock.now(), ctx.user!.id);
    recordAudit(ctx, { action: 'backups.settings', subject: 'backups.copy', before, after: next });
    return next;
  },
};
