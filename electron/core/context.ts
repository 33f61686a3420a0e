// What every handler receives: the database, the clock, who is calling, and a way to push events
// that are delivered only after the call's transaction has committed.
import type { AppEvent } from '../../shared/contract';
import type { HubStatus } from '../../shared/hub';
import type { SessionUser } from '../../shared/types';
import type { Clock } from './clock';
import type { Db } from './db/open';
import type { Logger } from './log';
import type { FiredBatch } from './scheduler/scheduler';
import type { OpenQueue } from './services/openQueue';
import type { ArchiveJobs } from './services/archive/jobs';
import type { ImportJobs } from './services/customerImportJob';

/** The core's outbound port for OS notifications; the Electron shell implements it. */
export interface NotifyPort {
  (notification: { title: string; body: string; ticketId?: string; silent?: boolean }): void;
}

export interface CoreDeps {
  db: Db;
  dbFile: string;
  clock: Clock;
  logger: Logger;
  notify: NotifyPort;
  version: string;
  session: Session;
  /** The open tickets in memory (services/openQueue.ts), kept in step by the registry. */
  openQueue: OpenQueue;
  /** Re-arms the scheduler's timer after a committed change to due moments. */
  rearmScheduler(): void;
  /**
   * The catch-up fired at start-up while nobody was signed in, handed once to the first caller
   * (the shell of the user who signs in); null when there was none or it was taken.
   */
  takeCatchUp(): FiredBatch | null;
  dataDir: string;
  /** Month close and verification jobs (services/archive/jobs.ts). */
  archive: ArchiveJobs;
  /** Imports being applied beside the registry, in one transaction each (services/customerImportJob.ts). */
  imports: ImportJobs;
  /** Starts a manual backup outside the call's transaction; `backups.changed` follows. */
  startBackup(): void;
  /** The centre hub's sync loop, seen from handlers: never awaited inside a transaction. */
  hub?: HubPort;
}

export interface HubPort {
  status(): HubStatus;
  /** Runs a connection test off the handler path; the result is published as `hub.tested`. */
  startTest(connection: import('./sync/hubClient').HubConnection, token: string): void;
  /** The configuration changed: (re)connect after this call's transaction commits. */
  reconnectAfterCommit(): void;
}

/** The signed-in user of this seat. One PC, one person at the keyboard. */
export interface Session {
  userId: string | null;
}

export interface CallContext extends CoreDeps {
  user: SessionUser | null;
  /** This PC's seat code, recorded with every change. */
  seat: string | null;
  emit(event: AppEvent): void;
}

/** What a method that needs a signed-in user receives: the registry has checked that there is one. */
export interface SignedInContext extends CallContext {
  user: SessionUser;
}
