// createCore: the whole back end without Electron. Opens (and checks, backs up, migrates) the
// database, builds the registry, and closes cleanly. The shell, the CLI and every test use it.
// First: exceljs must load its UTF-8 decoder in streaming mode (see the file).
import './services/exceljsUtf8';
import { mkdirSync } from 'node:fs';
import type { AppEvent, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { sessionEventFilter } from './sessionEvents';
import type { HubStatus } from '../../shared/hub';
import { fail, type Result } from '../../shared/result';
import { systemClock, type Clock } from './clock';
import type { CoreDeps, NotifyPort } from './context';
import { startCheckpointer } from './db/checkpointer';
import type { IntegrityOutcome } from './db/integrityWorker';
import { closeDatabase, type Db } from './db/open';
import { removeSessionMarker } from './db/sessionMarker';
import { createEventBus } from './eventBus';
import { handlers } from './handlers';
import { startBackupJobs } from './jobs/backupJobs';
import { startFestivalPlanning } from './jobs/festivalGreetings';
import { startFtsUpkeep } from './jobs/ftsUpkeep';
import { startStatsBuild } from './jobs/statsBuild';
import { watchIntegrity } from './jobs/integrityWatch';
import { remoteChangesPublisher } from './jobs/remoteChanges';
import { createLogger, describeError, type Logger } from './log';
import { dbFileIn, logsDirIn } from './paths';
import { createRegistry } from './registry';
import { deliveryContext } from './scheduler/deliveryContext';
import { deliver } from './scheduler/delivery';
import { createScheduler, type FiredBatch } from './scheduler/scheduler';
import { archivesDirIn, listArchives } from './services/archive/create';
import { createArchiveJobs } from './services/archive/jobs';
import type { PdfPrinter } from './services/archive/report';
import { ARCHIVE_REMINDER, deliverArchiveReminder, ensureArchiveReminders } from './services/archive/reminder';
import { createImportJobs } from './services/customerImportJob';
import { createOpenQueue } from './services/openQueue';
import { getSetting } from './services/settings';
import { tableDigests } from './sync/digest';
import { createHubSync, type HubSync } from './sync/loop';
import { installTriggers } from './sync/triggers';
import { openChecked, type StartCheck } from './startup';
import { createWriteGate } from './writeGate';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  notify?: NotifyPort;
  version?: string;
  /** How often to look whether the daily backup is due; 0 turns the timer off (tests). */
  backupCheckEveryMs?: number;
  /** Build a large centre's statistics cache in the background at start (default true; the bench builds it itself). */
  buildStatsAtStart?: boolean;
  /** How often to look whether festival greetings need planning for a new day; 0 turns the timer off. */
  festivalCheckEveryMs?: number;
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

export type { StartCheck } from './startup';
export type { IntegrityOutcome } from './db/integrityWorker';

export interface Core {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly logger: Logger;
  /** Typed call for code that knows the method at compile time. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Result<MethodOutput<M>>;
  /**
   * Untyped door: everything is validated inside. While an import is applied (writeGate.ts) it
   * answers CONFLICT errors.importApplying at once; `call` does the same.
   */
  invoke(method: unknown, input: unknown): Result<unknown>;
  /** The windows' door (ipcMain, the e2e binding): while an import is applied, calls wait in order and run after it. */
  invokeQueued(method: unknown, input: unknown): Promise<Result<unknown>>;
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
  /** Plans the coming month's festival greetings now (idempotent; also at start, on resume and daily). Returns the ids created. */
  planFestivalGreetings(): string[];
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
  // Checkpoints off the write path: an agent action pays for its own commit only.
  const checkpointer = startCheckpointer(db, logger);
  let closing = false;
  const isClosing = () => closing;

  const bus = createEventBus(logger);
  // A TV's board-only session is sent no ticket details (sessionEvents.ts).
  const forSession = sessionEventFilter();
  const publish = (e: AppEvent) => bus.publish(forSession(e));
  const notify = options.notify ?? (() => {});
  const archive = createArchiveJobs({
    dbFile,
    archivesDir: archivesDirIn(dataDir),
    clock,
    logger,
    version: options.version ?? '0.0.0',
    publish,
    printPdf: options.printPdf ?? null,
  });
  const session = { userId: null as string | null };
  // The customer import holds the database for its one transaction (writeGate.ts). Meanwhile a
  // write on this connection fails at once instead of waiting 5 s on the import's lock; after it,
  // what waited runs: the scheduler fires the moments due meanwhile, the hub sync sends the rows.
  let afterGate = () => {};
  const gate = createWriteGate({
    onHeld: () => db.pragma('busy_timeout = 0'),
    onFree: () => {
      db.pragma('busy_timeout = 5000');
      afterGate();
    },
  });
  const gateHeld = () => (gate.held ? gate.whenFree() : null);
  // Missed moments fire at start, usually before anyone signs in: kept for whoever signs in next.
  let pendingCatchUp: FiredBatch | null = null;
  const openQueue = createOpenQueue(db);
  // The replication seam: triggers follow the declarations in sync/tables.ts (and the columns).
  installTriggers(db);
  const scheduler = createScheduler({
    db,
    clock,
    logger,
    paused: () => gate.held,
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

  // --- Integrity: quick_check in a worker after a clean shutdown; backups wait for its verdict ---
  const integrity = watchIntegrity({ background: startCheck === 'background', dbFile, dataDir, startedAt, logger, publish, closing: isClosing });
  const backups = startBackupJobs({ db, dataDir, clock, logger, integrity, publish, closing: isClosing, everyMs: options.backupCheckEveryMs ?? 60 * 60 * 1000 });

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
    startBackup: () => backups.manual(),
    imports: createImportJobs({
      dbFile,
      gate,
      logger,
      publish,
      afterCommit: () => {
        scheduler.rearm();
        hubSync.kick();
      },
    }),
  };

  // --- The centre hub: the sync loop, woken after every committed write ---------------------------
  let reconnectPending = false;
  let hubTests: Promise<void>[] = [];
  const hubSync: HubSync = createHubSync({
    db,
    clock,
    logger,
    ...options.hub,
    onStatus: (status) => publish({ type: 'hub.status', status }),
    // What arrived with the download (the centre's profile) counts over the hub's first word.
    onJoined: (centre) => publish({ type: 'centre.changed', centre: getSetting(db, 'centre') ?? centre }),
    writable: () => gate.whenFree(),
    onApplied: remoteChangesPublisher({ db, openQueue, notify, publish, rearmScheduler: () => scheduler.rearm() }),
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
  const invoke = (method: unknown, input: unknown): Result<unknown> => {
    if (gate.held) {
      return fail('CONFLICT', 'errors.importApplying', `An import is being applied; ${String(method)} was not run. Try again when it is done.`, {
        method: String(method),
      });
    }
    const r = registry.invoke(method, input);
    afterCall();
    return r;
  };
  // In order: a call that arrives while the import runs waits behind the ones that came before it.
  const invokeQueued = async (method: unknown, input: unknown): Promise<Result<unknown>> => {
    while (gate.held) await gate.whenFree();
    return invoke(method, input);
  };
  hubSync.kick();

  // Cheap and idempotent: before every firing, so a centre set up meanwhile gets its reminder.
  const scheduleReminders = () => {
    try {
      if (!closing && db.open) ensureArchiveReminders(db, clock.now());
    } catch (err) {
      logger.error('Could not schedule the month-close reminder', describeError(err));
    }
  };
  // Both skip a turn while an import holds the database; the next turn does the work.
  const skipTurn = () => isClosing() || gate.held;
  const stopFtsUpkeep = startFtsUpkeep(db, logger, options.maintenanceEveryMs ?? 60 * 1000, skipTurn);
  const festivals = startFestivalPlanning({ deps, logger, publish, closing: skipTurn, checkEveryMs: options.festivalCheckEveryMs ?? 60 * 60 * 1000 });
  const stopStatsBuild = startStatsBuild(db, logger, () => clock.now(), options.buildStatsAtStart !== false, gateHeld);
  afterGate = () => {
    if (closing) return;
    scheduler.rearm();
    hubSync.kick();
  };
  logger.info('Core started', { dataDir, version: deps.version, startCheck, startMs: Math.round(performance.now() - t0) });

  return {
    dataDir,
    dbFile,
    logger,
    db,
    call: (method, input) => invoke(method, input) as Result<never>,
    invoke,
    invokeQueued,
    hub: {
      status: () => hubSync.status(),
      syncNow: () => hubSync.syncNow(),
      digests: () => tableDigests(db),
      reconnect: () => hubSync.reconnect(),
    },
    // A window that attaches after the background check found damage still learns of it.
    on: (listener) => {
      const problem = integrity.problem();
      return bus.on(listener, problem ? [problem] : []);
    },
    startScheduler: () => {
      scheduleReminders();
      festivals.plan();
      return scheduler.start();
    },
    onResume: () => {
      scheduleReminders();
      festivals.plan();
      return scheduler.wake();
    },
    planFestivalGreetings: () => festivals.plan(),
    requestOpenTicket: (ticketId) => publish({ type: 'ticket.open', ticketId }),
    breachedOpenCount: () => openQueue.breachedCount(clock.now()),
    startCheck,
    integrity: integrity.result,
    async close() {
      if (closing) return;
      closing = true;
      // First: an import being applied rolls back and frees the database for what waited on it.
      await deps.imports.stop();
      await hubSync.stop();
      await Promise.allSettled(hubTests);
      scheduler.stop();
      festivals.stop();
      stopStatsBuild();
      await archive.stop();
      stopFtsUpkeep();
      bus.clear();
      // A check still reading would make the checkpoint wait: stop waiting for it instead.
      const checkRunning = integrity.abandon();
      await backups.stop();
      await checkpointer.stop();
      closeDatabase(db, { waitForReaders: !checkRunning });
      // Found damaged: the marker stays, so the next start runs quick_check before opening and
      // offers the latest backup (CoreStartError DB_DAMAGED).
      if (integrity.verdict() !== 'damaged') removeSessionMarker(dbFile);
    },
  };
}

export { CoreStartError } from './errors';
export { manualClock, systemClock, type Clock } from './clock';
