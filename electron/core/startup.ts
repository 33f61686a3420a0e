// Start-up's database work: apply a staged restore, open, check the file (fully after an unclean
// shutdown, cheaply after a clean one), back up before migrating, migrate. Every failure is a
// CoreStartError naming the latest backup, so the shell can offer it.
import { existsSync } from 'node:fs';
import type { Clock } from './clock';
import { listBackups, backupNow } from './db/backup';
import { quickCheck, sanityCheck } from './db/check';
import { DatabaseTooNewError, migrate, pendingMigrations } from './db/migrations';
import { openDatabase, type Db } from './db/open';
import { removeSessionMarker, uncleanShutdown, writeSessionMarker } from './db/sessionMarker';
import { CoreStartError } from './errors';
import { describeError, type Logger } from './log';
import { applyPendingRestore } from './services/backups';

/**
 * How start-up checked the file: 'quick_check' = the full check before starting (the last session
 * did not close cleanly), 'background' = a cheap check now and quick_check in a worker thread,
 * 'new-file' = nothing to check.
 */
export type StartCheck = 'quick_check' | 'background' | 'new-file';

/**
 * Open, check, back up before migrating, migrate. Every failure is a CoreStartError.
 * After an unclean shutdown (the session marker is still there) the full quick_check runs here;
 * after a clean one only a cheap sanity check does, and createCore runs quick_check in a worker.
 */
export async function openChecked(
  dbFile: string,
  dataDir: string,
  clock: Clock,
  logger: Logger,
): Promise<{ db: Db; startCheck: StartCheck }> {
  // A restore staged by an admin (services/backups.ts) is applied before anything opens the file.
  const restored = applyPendingRestore(dataDir, dbFile, clock.now());
  if (restored) logger.info('Restored a backup', restored);
  const isNew = !existsSync(dbFile);
  const startCheck: StartCheck = isNew ? 'new-file' : uncleanShutdown(dbFile) ? 'quick_check' : 'background';
  const latest = () => {
    const b = listBackups(dataDir)[0];
    return b ? { file: b.file, at: b.at } : null;
  };
  let db: Db | null = null;
  try {
    db = openDatabase(dbFile);
    // Page-1 header, schema, each table's root: an obviously damaged file fails here, in ms.
    sanityCheck(db);
    if (startCheck === 'quick_check') {
      logger.log('warn', 'The last session did not close cleanly: checking the whole database before starting', { dbFile });
      const problems = quickCheck(db);
      if (problems.length !== 1 || problems[0] !== 'ok') throw new Error(problems.slice(0, 5).join('; '));
    }
  } catch (err) {
    db?.close();
    logger.error('The database failed its start-up check', { dbFile, startCheck, ...describeError(err) });
    throw new CoreStartError(
      'DB_DAMAGED',
      `The database ${dbFile} is damaged (${err instanceof Error ? err.message : String(err)}).`,
      latest(),
    );
  }
  // From here until close(): a crash leaves the marker behind, and the next start checks fully.
  writeSessionMarker(dbFile, { at: clock.now() });
  try {
    if (!isNew && pendingMigrations(db).length > 0) await backupNow(db, dataDir, 'pre-migration', clock.now());
    migrate(db);
  } catch (err) {
    // A plain close: a refused (newer) database is left exactly as it was found.
    db.close();
    removeSessionMarker(dbFile);
    if (err instanceof DatabaseTooNewError) throw new CoreStartError('DB_TOO_NEW', err.message);
    logger.error('Migration failed', describeError(err));
    throw err;
  }
  return { db, startCheck };
}
