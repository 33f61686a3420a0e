// Applying an import: ONE transaction, written in slices between turns of the event loop so the
// drawer can show how far it is (`import.applying` events: rows written of the total).
//
// The transaction is on a connection of its own, opened for the import and closed after it:
// - the windows' reads meanwhile (there are none through the registry, see below) and the
//   snapshot readers (archive, backups) see the database as it was before, never half an import;
// - its page cache can be large for the duration (IMPORT_CACHE_KIB): a 50,000-row import dirties
//   ~375 MB of pages, and with the app's 64 MB cache SQLite spilled them to the WAL and read them
//   back (the apply took a third longer); the memory goes back when the connection closes;
// - a writer that bypassed the write gate would get SQLITE_BUSY, not land inside the import.
// While it runs the write gate (writeGate.ts) is held: calls from the windows wait in order and run
// after the commit or rollback; nothing another user does is lost or rolled back with the import.
import type { ImportApplyStatus } from '../../../shared/contract/customers360';
import type { AppEvent } from '../../../shared/contract';
import type { ParsedRow } from '../../../shared/customers/importLayout';
import { DomainError } from '../../../shared/result';
import type { CallContext } from '../context';
import { openDatabase, type Db } from '../db/open';
import { describeError, type Logger } from '../log';
import type { WriteGate } from '../writeGate';
import { recordAudit } from './audit';
import { importApplier } from './customerImportApply';

/** 256 MB: measured on the 50,000-row bench, 64 MB → 256 MB took 2.7 s off the apply, 1 GB little more. */
const IMPORT_CACHE_KIB = 256 * 1024;
/** Work per turn of the event loop: short enough that the windows' messages are not kept waiting long. */
const SLICE_MS = 50;
/** How often progress is pushed to the windows at most. */
const PUSH_EVERY_MS = 150;
/** Finished imports are remembered for import.progress this long. */
const KEEP_MS = 60 * 60 * 1000;

export interface PreparedImport {
  rows: ParsedRow[];
  /** Data rows of the file, valid or not. */
  total: number;
  skipped: number;
}

export interface ImportJobsDeps {
  dbFile: string;
  gate: WriteGate;
  logger: Logger;
  publish(event: AppEvent): void;
  /** After the commit: the scheduler re-arms for the new callbacks, the hub sync looks at the outbox. */
  afterCommit(): void;
}

export interface ImportJobs {
  /**
   * Opens the import's connection and transaction (BEGIN IMMEDIATE: no other writer from here on),
   * runs `prepare` in it — the check, against the database as the transaction sees it — and starts
   * writing the rows it returns. A throw from `prepare` rolls back and propagates (nothing written).
   */
  start(ctx: CallContext, importId: string, prepare: (db: Db) => PreparedImport, onCommitted: () => void): ImportApplyStatus;
  get(importId: string): ImportApplyStatus | null;
  /** Rolls back what runs (core close): the import is as if never started. */
  stop(): Promise<void>;
}

export function createImportJobs(deps: ImportJobsDeps): ImportJobs {
  const finished = new Map<string, { status: ImportApplyStatus; at: number }>();
  let current: { status: ImportApplyStatus; stop(): void; done: Promise<void> } | null = null;
  const push = (status: ImportApplyStatus) => deps.publish({ type: 'import.applying', status: { ...status } });

  return {
    start(ctx, importId, prepare, onCommitted) {
      if (current || deps.gate.held) throw new DomainError('CONFLICT', 'errors.importApplying', 'Another import is being applied.');
      const db = openDatabase(deps.dbFile);
      let release: (() => void) | null = null;
      let prepared: PreparedImport;
      try {
        db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
        db.exec('BEGIN IMMEDIATE');
        prepared = prepare(db);
        release = deps.gate.hold();
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        db.close();
        throw err;
      }
      const events: AppEvent[] = [];
      const importCtx: CallContext = { ...ctx, db, emit: (e) => events.push(e) };
      const applier = importApplier(importCtx, prepared.rows, ctx.user!.id);
      const status: ImportApplyStatus = { importId, state: 'applying', done: 0, total: prepared.rows.length, result: null, error: null };
      let stopped = false;
      let lastPush = 0;
      let settle: () => void = () => {};
      const done = new Promise<void>((r) => (settle = r));

      const end = (outcome: 'done' | 'failed', err?: unknown) => {
        try {
          if (outcome === 'failed' && db.inTransaction) db.exec('ROLLBACK');
        } finally {
          db.close();
          release!();
          current = null;
          status.state = outcome;
          if (err !== undefined) {
            status.error = err instanceof DomainError ? { messageKey: err.messageKey, message: err.message } : { messageKey: 'errors.importFailed', message: err instanceof Error ? err.message : String(err) };
          }
          for (const [id, f] of finished) if (ctx.clock.now() - f.at > KEEP_MS) finished.delete(id);
          finished.set(importId, { status, at: ctx.clock.now() });
          if (outcome === 'done') {
            for (const e of events) deps.publish(e);
            deps.publish({ type: 'callbacks.changed' });
            deps.afterCommit();
          }
          push(status);
          settle();
        }
      };

      const slice = () => {
        try {
          if (stopped) throw new DomainError('CONFLICT', 'errors.importStopped', 'The app closed while the import was applied: nothing was imported.');
          const until = performance.now() + SLICE_MS;
          while (applier.done < applier.total && performance.now() < until) applier.next(16);
          status.done = applier.done;
          if (applier.done < applier.total) {
            if (performance.now() - lastPush >= PUSH_EVERY_MS) {
              lastPush = performance.now();
              push(status);
            }
            setImmediate(slice);
            return;
          }
          push(status);
          const { assets } = applier.finish();
          status.result = { customers: prepared.rows.length, assets, skipped: prepared.skipped };
          recordAudit(importCtx, { action: 'customers.import', subject: importId, after: { customers: prepared.rows.length, assets, skipped: prepared.skipped } });
          db.exec('COMMIT');
          onCommitted();
          end('done');
        } catch (err) {
          if (!(err instanceof DomainError)) deps.logger.error('Applying an import failed; nothing was written', { importId, ...describeError(err) });
          end('failed', err);
        }
      };

      current = { status, stop: () => (stopped = true), done };
      setImmediate(slice);
      push(status);
      return { ...status };
    },

    get(importId) {
      if (current?.status.importId === importId) return { ...current.status };
      const f = finished.get(importId);
      return f ? { ...f.status } : null;
    },

    async stop() {
      const c = current;
      if (!c) return;
      c.stop();
      await c.done;
    },
  };
}
