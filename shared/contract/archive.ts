// Methods of the monthly archive (月度归档) and of backups. Month close and verification are
// jobs: the call returns at once, progress arrives as `archive.job` events.
import { z } from 'zod';
import type { ArchiveJob, ArchivePreview, ArchiveSummary, BackupEntry, BackupSettings } from '../archive';
import { def } from './define';
import { none } from './foundation';

export const monthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.archive.month');
/** An archive folder or zip, or a folder to copy backups to: an absolute path of reasonable length. */
const pathSchema = z.string().min(1).max(1024).refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'validation.archive.absolutePath');
const backupNameSchema = z.string().regex(/^kefu-\d{8}T\d{9}Z-[a-z-]+\.sqlite$/, 'validation.backups.name');
const jobIdSchema = z.string().min(1).max(64);

export const archiveMethods = {
  'archive.preview': def<ArchivePreview>()('supervisor', z.strictObject({ month: monthKeySchema })),
  'archive.start': def<ArchiveJob>()('supervisor', z.strictObject({ month: monthKeySchema })),
  'archive.cancel': def<ArchiveJob>()('supervisor', z.strictObject({ jobId: jobIdSchema })),
  'archive.job': def<ArchiveJob | null>()('supervisor', z.strictObject({ jobId: jobIdSchema })),
  'archive.list': def<ArchiveSummary[]>()('supervisor', none),
  /** Checks an archive; with `againstLive` also against this seat's database. */
  'archive.verify': def<ArchiveJob>()('supervisor', z.strictObject({ source: pathSchema, againstLive: z.boolean() })),
  /** One section of an archive, read-only, for browsing it in the app. */
  'archive.browse': def<{ sections: string[]; columns: string[]; rows: unknown[][]; total: number }>()(
    'supervisor',
    z.strictObject({ source: pathSchema, section: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/).optional(), offset: z.number().int().min(0).max(10_000_000).optional(), limit: z.number().int().min(1).max(500).optional() }),
  ),
  'backups.list': def<BackupEntry[]>()('admin', none),
  /** Starts a backup now; `backups.changed` follows when it is written. */
  'backups.create': def<null>()('admin', none),
  /**
   * Restores a backup: the current state is backed up first, then the backup replaces the
   * database when the core next opens it (the app restarts at once, `db.restoreStaged`).
   */
  'backups.restore': def<null>()('admin', z.strictObject({ name: backupNameSchema, confirm: z.literal(true) })),
  'backups.settings': def<BackupSettings>()('admin', none),
  'backups.saveSettings': def<BackupSettings>()(
    'admin',
    z.strictObject({ copyTo: pathSchema.nullable(), everyHours: z.number().int().min(1).max(24 * 31) }),
  ),
} as const;
