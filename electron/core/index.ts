// createCore: the whole back end without Electron. Opens (and checks, backs up, migrates) the
// database, builds the registry, and closes cleanly. The shell, the CLI and every test use it.
// First: exceljs must load its UTF-8 decoder in streaming mode (see the file).
import './services/exceljsUtf8';
import { existsSync, mkdirSync } from 'node:fs';
import type { AppEvent, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { systemClock, type Clock } from './clock';
import type { CoreDeps, NotifyPort } from './context';
import { backupNow, dailyBackupDue, listBackups, quarantineBackup } from './db/backup';
import { quickCheck, sanityCheck } from './db/check';
import { startBackgroundQuickCheck, type BackgroundCheck, type IntegrityOutcome } from './db/integrityWorker';
import { mergeStep } from './db/maintenance';
import { DatabaseTooNewError, migrate, pendingMigrations } from './db/migrations';
import { closeDatabase, openDatabase, type Db } from './db/open';
import { removeSessionMarker, uncleanShutdown, writeSessionMarker } from './db/sessionMarker';
import { CoreStartError } from './errors';
import { handlers } from './handlers';
import { createLogger, describeError, type Logger } from './log';
import { dbFileIn, logsDirIn } from './paths';
import { createRegistry } from './registry';
import { deliveryContext } from './scheduler/deliveryContext';
import { deliver } from './scheduler/delivery';
import { createScheduler, type FiredBatch } from './scheduler/scheduler';
import { createOpenQueue } from './services/openQueue';
import { archivesDirIn, listArchives } from './services/archive/create';
import { createArchiveJobs } from './services/archive/jobs';
import type { PdfPrinter } from './services/archive/report';
import { ARCHIVE_REMINDER, deliverArchiveReminder, ensureArchiveReminders } from './services/archive/reminder';
import { applyPendingRestore, copyBackupsIfDue } from './services/backups';
import { toConflict } from './services/conflicts';
import { getCustomer } from './services/customers';
import { getSetting } from './services/settings';
import { findTicket, toTicketRow } from './services/ticketRows';
import type { ApplyOutcome } from './sync/apply';
import { refreshOpenQueueAfterRemoteChanges } from './sync/derived';
import { tableDigests } from './sync/digest';
import { createHubSync, type HubSync } from './sync/loop';
import { syncTexts } from './sync/texts';
import { installTriggers } from './sync/triggers';
import type { HubStatus } from '../../shared/hub';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  notify?: NotifyPort;
  version?: string;
  /** How often to look whether the daily backup is due; 0 turns the timer off (tests). */
  backupCheckEveryMs?: number;
  /** How often to merge FTS index segments (db/maintenance.ts); 0 turns the timer off (tests). */
  maintenanceEveryMs?: number;
  /** Prints the archive's report.html to PDF (Electron's printToPDF in the app); without it only HTML. */
  printPdf?: PdfPrinter | null;
  /** Timings of the hub sync loop (tests shorten them). */
  hub?: { retryMs?: number; maxRetryMs?: number; pollMs?: number; pushBatch?: number; pullBatch?: number };
}

/** The centre hub, for the shell, the CLI and tests. */
export interface CoreHub {
  status(): HubStatus;
  /** Resolves after a full push-and-pull round with the hub (rejects if the hub cannot be reached). */
  syncNow(): Promise<void>;
  /** A hash of each shared table: equal on every seat once they have caught up. */
  digests(): Record<string, { rows: number; sha256: string }>;
  /** The configuration was changed outside the registry (the CLI): connect with it now. */
  reconnect(): void;
}

/**
 * How start-up checked the file: 'quick_check' = the full check before starting (the last session
 * did not close cleanly), 'background' = a cheap check now and quick_check in a worker thread,
 * 'new-file' = nothing to check.
 */
export type StartCheck = 'quick_check' | 'background' | 'new-file';
export type { IntegrityOutcome } from './db/integrityWorker';

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
  /** How start-up checked the database file. */
  readonly startCheck: StartCheck;
  /**
   * The outcome of quick_check: already 'ok' when it ran at start-up; otherwise settles when the
   * background check ends (after a problem was logged and `db.problem` published).
   */
  readonly integrity: Promise<IntegrityOutcome>;
  readonly hub: CoreHub;
  /** Waits for an in-flight backup, checkpoints, closes, and removes the clean-shutdown marker. */
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const logger = createLogger(logsDirIn(dataDir), clock);
  const dbFile = dbFileIn(dataDir);
  const startedAt = clock.now();
  const t0 = performance.now();
  const { db, startCheck } = await openChecked(dbFile, dataDir, clock, logger);

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
  const archive = createArchiveJobs({
    dbFile,
    archivesDir: archivesDirIn(dataDir),
    clock,
    logger,
    version: options.version ?? '0.0.0',
    publish: (e) => publish(e),
    printPdf: options.printPdf ?? null,
  });
  const session = { userId: null as string | null };
  // Missed moments fire at start, usually before anyone signs in: kept for whoever signs in next.
  let pendingCatchUp: FiredBatch | null = null;
  const openQueue = createOpenQueue(db);
  // The replication seam: triggers follow the declarations in sync/tables.ts (and the columns).
  installTriggers(db);
  const scheduler = createScheduler({
    db,
    clock,
    logger,
    deliver: (batch) => {
      if (batch.caughtUp && session.userId === null) pendingCatchUp = batch;
      deliver(batch, deliveryContext(db, openQueue, session.userId, notify, publish));
    },
    deliverOther: (moments) => {
      for (const m of moments) {
        if (m.kind !== ARCHIVE_REMINDER) continue;
        deliverArchiveReminder(m.subjectId, deliveryContext(db, openQueue, session.userId, notify, publish), listArchives(archivesDirIn(dataDir)));
      }
      ensureArchiveReminders(db, clock.now());
    },
  });
  const deps: CoreDeps = {
    db,
    openQueue,
    dbFile,
    clock,
    logger,
    notify,
    version: options.version ?? '0.0.0',
    session,
    rearmScheduler: () => scheduler.rearm(),
    takeCatchUp: () => {
      const batch = pendingCatchUp;
      pendingCatchUp = null;
      return batch;
    },
    dataDir,
    archive,
    startBackup: () => backupManual(),
  };
  let reconnectPending = false;
  let hubTests: Promise<void>[] = [];
  const hubSync: HubSync = createHubSync({
    db,
    clock,
    logger,
    ...options.hub,
    onStatus: (status) => publish({ type: 'hub.status', status }),
    onJoined: (centre) => publish({ type: 'centre.changed', centre }),
    onApplied: (outcome) => publishApplied(outcome),
  });
  deps.hub = {
    status: () => hubSync.status(),
    startTest(connection, token) {
      const run = hubSync.test(connection).then((result) => publish({ type: 'hub.tested', token, result }));
      hubTests.push(run);
      void run.finally(() => (hubTests = hubTests.filter((t) => t !== run)));
    },
    reconnectAfterCommit: () => {
      reconnectPending = true;
    },
  };
  const publishApplied = (outcome: ApplyOutcome) => {
    const many = 200;
    const ids = (table: string) => [...(outcome.ids.get(table) ?? [])];
    const tickets = ids('tickets');
    const customers = ids('customers');
    if (tickets.length > many || customers.length > many) publish({ type: 'hub.caughtUp', tables: [...outcome.tables] });
    else {
      for (const id of tickets) {
        const t = findTicket(db, id);
        if (t) publish({ type: 'ticket.changed', ticket: toTicketRow(t) });
      }
      for (const id of customers) {
        const c = getCustomer(db, id);
        if (c) publish({ type: 'customer.changed', customer: c });
      }
    }
    const tableEvents: Record<string, AppEvent> = {
      users: { type: 'users.changed' },
      request_types: { type: 'catalogue.changed' },
      calendars: { type: 'calendars.changed' },
      departments: { type: 'departments.changed' },
      settings: { type: 'deductions.changed' },
    };
    for (const [table, event] of Object.entries(tableEvents)) if (outcome.tables.has(table)) publish(event);
    if (customers.length) openQueue.refreshCustomers(customers);
    if (tickets.length) {
      // Issue 9's open-queue projection: its one entry point, after the batch committed.
      refreshOpenQueueAfterRemoteChanges(db, tickets);
      openQueue.refresh(tickets);
      publish({ type: 'board.changed' });
      scheduler.rearm();
    }
    const seat = getSetting(db, 'centre')?.seatCode ?? null;
    const language = getSetting(db, 'ui.language') ?? 'zh-CN';
    const told = new Set<string>();
    for (const c of outcome.conflicts) {
      const conflict = toConflict({ id: c.id, kind: c.kind as 'ticket.lifecycle', tbl: c.table, pk: c.pk, other_pk: c.otherPk, hub_seq: c.seq, winner_seat: c.winnerSeat, loser_seat: c.loserSeat, details: JSON.stringify(c.details), at: c.at, open: 1 });
      publish({ type: 'hub.conflict', conflict });
      // The agent whose action lost hears it at the seat where they acted, once.
      if (c.kind === 'ticket.lifecycle' && c.loserSeat === seat && !told.has(c.pk)) {
        told.add(c.pk);
        const t = findTicket(db, c.pk);
        const text = syncTexts(language);
        if (t) notify({ title: text.lostTitle(t.number), body: text.lostBody(c.winnerSeat ?? '?'), ticketId: t.id });
      }
    }
  };
  const registry = createRegistry(handlers, deps, publish);
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let seenChanges = totalChanges.get() as number;
  /** After each call: a committed write may have filled the outbox, so the sync loop looks. */
  const afterCall = () => {
    if (reconnectPending) {
      reconnectPending = false;
      hubSync.reconnect();
      return;
    }
    if (!db.open) return;
    const n = totalChanges.get() as number;
    if (n !== seenChanges) {
      seenChanges = n;
      hubSync.kick();
    }
  };
  const invoke = (method: unknown, input: unknown) => {
    const r = registry.invoke(method, input);
    afterCall();
    return r;
  };
  hubSync.kick();

  // --- Integrity: quick_check in a worker after a clean shutdown ---------------------------------
  let closing = false;
  const integrityState: { verdict: 'pending' | 'ok' | 'damaged' } = { verdict: startCheck === 'background' ? 'pending' : 'ok' };
  let problem: AppEvent | null = null;
  /** Backups finished before the background check's verdict: a damaged file's copies are not restore points. */
  const unverifiedBackups: string[] = [];
  const check: BackgroundCheck | null =
    startCheck === 'background'
      ? startBackgroundQuickCheck(dbFile, (message) => logger.error('The background integrity check could not run', { dbFile, message }))
      : null;
  const integrity: Promise<IntegrityOutcome> = check
    ? check.result.then((outcome) => {
        if (!Array.isArray(outcome)) {
          if (outcome === 'ok') integrityState.verdict = 'ok';
          unverifiedBackups.length = 0;
          return outcome;
        }
        integrityState.verdict = 'damaged';
        // Never deleted: renamed out of the list, so neither offered nor rotating good ones out.
        const quarantined = unverifiedBackups.splice(0).map((f) => {
          try {
            return quarantineBackup(f);
          } catch (err) {
            logger.error('Could not set aside a backup of the damaged database', { file: f, ...describeError(err) });
            return f;
          }
        });
        const latest = listBackups(dataDir)[0] ?? null;
        logger.error('The background integrity check found the database damaged', {
          dbFile,
          problems: outcome.slice(0, 20),
          problemCount: outcome.length,
          latestBackup: latest?.file ?? null,
          quarantinedBackups: quarantined,
          sessionStartedAt: startedAt,
        });
        problem = { type: 'db.problem', messageKey: 'errors.dbDamagedBackground', latestBackup: latest?.file ?? null };
        if (!closing) publish(problem);
        return outcome;
      })
    : Promise.resolve('ok');

  // --- Daily backup: started, not awaited (db.backup() yields between steps) ----------------------
  let backupRun: Promise<void> | null = null;
  const backupDaily = () => {
    if (backupRun || closing || integrityState.verdict === 'damaged' || !db.open || !dailyBackupDue(dataDir, clock.now())) return;
    backupRun = (async () => {
      try {
        const b = await backupNow(db, dataDir, 'daily', clock.now());
        if (integrityState.verdict === 'damaged') quarantineBackup(b.file);
        else if (integrityState.verdict === 'pending') unverifiedBackups.push(b.file);
      } catch (err) {
        logger.error('Daily backup failed', { dataDir, ...describeError(err) });
      } finally {
        backupRun = null;
      }
    })();
  };
  const backupManual = () => {
    void (async () => {
      if (backupRun) await backupRun;
      backupRun = (async () => {
        try {
          await backupNow(db, dataDir, 'manual', clock.now());
          publish({ type: 'backups.changed' });
        } catch (err) {
          logger.error('Manual backup failed', { dataDir, ...describeError(err) });
        } finally {
          backupRun = null;
        }
      })();
    })();
  };
  const copyBackups = () => {
    if (closing || !db.open) return;
    try {
      copyBackupsIfDue(db, dataDir, clock.now());
    } catch (err) {
      logger.error('Copying backups failed', describeError(err));
    }
  };
  backupDaily();
  copyBackups();
  // Cheap and idempotent: before every firing, so a centre set up meanwhile gets its reminder.
  const scheduleReminders = () => {
    try {
      if (!closing && db.open) ensureArchiveReminders(db, clock.now());
    } catch (err) {
      logger.error('Could not schedule the month-close reminder', describeError(err));
    }
  };
  const every = options.backupCheckEveryMs ?? 60 * 60 * 1000;
  const timer = every > 0 ? setInterval(() => {
    backupDaily();
    copyBackups();
  }, every) : null;
  timer?.unref();

  // --- FTS upkeep: automerge is off (migration 005), merge in bounded steps ------------------------
  const maintainEvery = options.maintenanceEveryMs ?? 60 * 1000;
  const maintenance =
    maintainEvery > 0
      ? setInterval(() => {
          if (closing || !db.open) return;
          try {
            mergeStep(db);
          } catch (err) {
            logger.error('FTS merge step failed', describeError(err));
          }
        }, maintainEvery)
      : null;
  maintenance?.unref();
  logger.info('Core started', { dataDir, version: deps.version, startCheck, startMs: Math.round(performance.now() - t0) });

  return {
    dataDir,
    dbFile,
    logger,
    db,
    call: (method, input) => invoke(method, input) as Result<never>,
    invoke,
    hub: {
      status: () => hubSync.status(),
      syncNow: () => hubSync.syncNow(),
      digests: () => tableDigests(db),
      reconnect: () => hubSync.reconnect(),
    },
    on(listener) {
      listeners.add(listener);
      // A window that attaches after the background check found damage still learns of it.
      const found = problem;
      if (found) {
        queueMicrotask(() => {
          if (!listeners.has(listener)) return;
          try {
            listener(found);
          } catch (err) {
            logger.error('An event listener failed', { event: found.type, ...describeError(err) });
          }
        });
      }
      return () => listeners.delete(listener);
    },
    startScheduler: () => {
      scheduleReminders();
      return scheduler.start();
    },
    onResume: () => {
      scheduleReminders();
      return scheduler.wake();
    },
    requestOpenTicket: (ticketId) => publish({ type: 'ticket.open', ticketId }),
    breachedOpenCount: () => openQueue.breachedCount(clock.now()),
    startCheck,
    integrity,
    async close() {
      if (closing) return;
      closing = true;
      await hubSync.stop();
      await Promise.allSettled(hubTests);
      scheduler.stop();
      await archive.stop();
      if (timer) clearInterval(timer);
      if (maintenance) clearInterval(maintenance);
      listeners.clear();
      // A check still reading would make the checkpoint wait: stop waiting for it instead.
      const checkRunning = check?.running() ?? false;
      check?.abandon();
      // The backup is finished (and renamed into place) before the connection it reads goes away.
      if (backupRun) await backupRun;
      closeDatabase(db, { waitForReaders: !checkRunning });
      // Found damaged: the marker stays, so the next start runs quick_check before opening and
      // offers the latest backup (CoreStartError DB_DAMAGED).
      if (integrityState.verdict !== 'damaged') removeSessionMarker(dbFile);
    },
  };
}

/**
 * Open, check, back up before migrating, migrate. Every failure is a CoreStartError.
 * After an unclean shutdown (the session marker is still there) the full quick_check runs here;
 * after a clean one only a cheap sanity check does, and createCore runs quick_check in a worker.
 */
async function openChecked(
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

export { CoreStartError } from './errors';
export { manualClock, systemClock, type Clock } from './clock';
