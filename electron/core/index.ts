// createCore: the whole back end without Electron. Opens (and checks, backs up, migrates) the
// database, builds the registry, and closes cleanly. The shell, the CLI and every test use it.
import { existsSync, mkdirSync } from 'node:fs';
import type { AppEvent, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { systemClock, type Clock } from './clock';
import type { CoreDeps, NotifyPort } from './context';
import { backupNow, dailyBackupDue, listBackups } from './db/backup';
import { quickCheck } from './db/check';
import { DatabaseTooNewError, migrate, pendingMigrations } from './db/migrations';
import { closeDatabase, openDatabase, type Db } from './db/open';
import { CoreStartError } from './errors';
import { handlers } from './handlers';
import { createLogger, describeError, type Logger } from './log';
import { dbFileIn, logsDirIn } from './paths';
import { createRegistry } from './registry';
import { deliveryContext } from './scheduler/deliveryContext';
import { deliver } from './scheduler/delivery';
import { createScheduler, type FiredBatch } from './scheduler/scheduler';
import { countBreachedOpen } from './services/board';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  notify?: NotifyPort;
  version?: string;
  /** How often to look whether the daily backup is due; 0 turns the timer off (tests). */
  backupCheckEveryMs?: number;
}

export interface Core {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly logger: Logger;
  /** Typed call for code that knows the method at compile time. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Result<MethodOutput<M>>;
  /** Untyped door for bridges (ipcMain, the e2e binding): everything is validated inside. */
  invoke(method: unknown, input: unknown): Result<unknown>;
  on(listener: (event: AppEvent) => void): () => void;
  /** For tests and the CLI only: direct access to the database. */
  readonly db: Db;
  /**
   * Starts the scheduler: moments that fell due while the app was closed fire now, as one summary.
   * Called by whoever hosts the core once its listeners are attached, so the summary reaches them.
   */
  startScheduler(): FiredBatch | null;
  /** The PC woke up or the clock moved: fire what is due now (the shell calls it on resume). */
  onResume(): FiredBatch | null;
  /** A notification was clicked: ask the main window to show the ticket. */
  requestOpenTicket(ticketId: string): void;
  /** Open tickets past their due time, for the tray badge. */
  breachedOpenCount(): number;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const logger = createLogger(logsDirIn(dataDir), clock);
  const dbFile = dbFileIn(dataDir);
  const db = await openChecked(dbFile, dataDir, clock, logger);

  const listeners = new Set<(e: AppEvent) => void>();
  const publish = (e: AppEvent) => {
    for (const l of listeners) {
      try {
        l(e);
      } catch (err) {
        logger.error('An event listener failed', { event: e.type, ...describeError(err) });
      }
    }
  };
  const notify = options.notify ?? (() => {});
  const session = { userId: null as string | null };
  const scheduler = createScheduler({
    db,
    clock,
    logger,
    deliver: (batch) => deliver(batch, deliveryContext(db, session.userId, notify, publish)),
  });
  const deps: CoreDeps = {
    db,
    dbFile,
    clock,
    logger,
    notify,
    version: options.version ?? '0.0.0',
    session,
    rearmScheduler: () => scheduler.rearm(),
  };
  const registry = createRegistry(handlers, deps, publish);

  const backupDaily = async () => {
    if (!db.open || !dailyBackupDue(dataDir, clock.now())) return;
    try {
      await backupNow(db, dataDir, 'daily', clock.now());
    } catch (err) {
      logger.error('Daily backup failed', describeError(err));
    }
  };
  await backupDaily();
  const every = options.backupCheckEveryMs ?? 60 * 60 * 1000;
  const timer = every > 0 ? setInterval(() => void backupDaily(), every) : null;
  timer?.unref();
  logger.info('Core started', { dataDir, version: deps.version });

  return {
    dataDir,
    dbFile,
    logger,
    db,
    call: (method, input) => registry.invoke(method, input) as Result<never>,
    invoke: (method, input) => registry.invoke(method, input),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startScheduler: () => scheduler.start(),
    onResume: () => scheduler.wake(),
    requestOpenTicket: (ticketId) => publish({ type: 'ticket.open', ticketId }),
    breachedOpenCount: () => countBreachedOpen(db, clock.now()),
    async close() {
      scheduler.stop();
      if (timer) clearInterval(timer);
      listeners.clear();
      closeDatabase(db);
    },
  };
}

/** Open, quick_check, back up before migrating, migrate. Every failure is a CoreStartError. */
async function openChecked(dbFile: string, dataDir: string, clock: Clock, logger: Logger): Promise<Db> {
  const isNew = !existsSync(dbFile);
  const latest = () => {
    const b = listBackups(dataDir)[0];
    return b ? { file: b.file, at: b.at } : null;
  };
  let db: Db;
  try {
    db = openDatabase(dbFile);
    const problems = quickCheck(db);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      db.close();
      throw new Error(problems.slice(0, 5).join('; '));
    }
  } catch (err) {
    logger.error('The database failed its start-up check', { dbFile, ...describeError(err) });
    throw new CoreStartError(
      'DB_DAMAGED',
      `The database ${dbFile} is damaged (${err instanceof Error ? err.message : String(err)}).`,
      latest(),
    );
  }
  try {
    if (!isNew && pendingMigrations(db).length > 0) await backupNow(db, dataDir, 'pre-migration', clock.now());
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof DatabaseTooNewError) throw new CoreStartError('DB_TOO_NEW', err.message);
    logger.error('Migration failed', describeError(err));
    throw err;
  }
  return db;
}

export { CoreStartError } from './errors';
export { manualClock, systemClock, type Clock } from './clock';
