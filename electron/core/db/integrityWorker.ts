// quick_check in the background: a worker thread with its own read-only connection, so start-up
// does not wait for a read of the whole file (~13 s on the 1M-ticket centre) and the main
// process (Electron's) stays responsive meanwhile.
import type { Worker } from 'node:worker_threads';
import { sqliteDriverForWorker } from './driverPath';
import { startSqliteWorker } from './sqliteWorker';

/** 'ok', the problems quick_check (or a corrupt read) reported, or 'unchecked' (closed first, or the worker failed). */
export type IntegrityOutcome = 'ok' | 'unchecked' | string[];

export interface BackgroundCheck {
  readonly result: Promise<IntegrityOutcome>;
  /** True until the result is known. */
  running(): boolean;
  /** Stop waiting: the result becomes 'unchecked' and the worker is terminated. */
  abandon(): void;
}

type WorkerReply = { kind: 'done'; rows: string[] } | { kind: 'corrupt'; message: string } | { kind: 'failed'; message: string };

const WORKER_SOURCE = `
let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('quick_check').map((r) => String(r.quick_check));
  parentPort.postMessage({ kind: 'done', rows });
} catch (err) {
  const code = err && err.code;
  const kind = code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ' ? 'corrupt' : 'failed';
  parentPort.postMessage({ kind, message: (code ? code + ': ' : '') + (err && err.message) });
} finally {
  try { if (db) db.close(); } catch {}
}
`;

/**
 * `driver` is the better-sqlite3 entry point the worker requires: by default the one the core
 * uses, or its unpacked twin in a packaged app (driverPath.ts).
 */
export function startBackgroundQuickCheck(
  dbFile: string,
  onFailure: (message: string) => void,
  driver: string = sqliteDriverForWorker(),
): BackgroundCheck {
  let settled = false;
  let settle!: (o: IntegrityOutcome) => void;
  const result = new Promise<IntegrityOutcome>((resolve) => {
    settle = (o) => {
      if (settled) return;
      settled = true;
      resolve(o);
    };
  });
  let worker: Worker;
  try {
    worker = startSqliteWorker(WORKER_SOURCE, { file: dbFile }, driver);
  } catch (err) {
    onFailure(`the integrity worker did not start: ${err instanceof Error ? err.message : String(err)}`);
    settle('unchecked');
    return { result, running: () => false, abandon: () => {} };
  }
  worker.on('message', (reply: WorkerReply) => {
    if (reply.kind === 'done') settle(reply.rows.length === 1 && reply.rows[0] === 'ok' ? 'ok' : reply.rows);
    else if (reply.kind === 'corrupt') settle([reply.message]);
    else {
      onFailure(reply.message);
      settle('unchecked');
    }
  });
  worker.on('error', (err) => {
    if (!settled) onFailure(`the integrity worker failed: ${err.message}`);
    settle('unchecked');
  });
  worker.on('exit', (code) => {
    if (!settled) onFailure(`the integrity worker exited (${code}) without a result`);
    settle('unchecked');
  });
  return {
    result,
    running: () => !settled,
    abandon() {
      if (settled) return;
      settle('unchecked');
      // Takes effect when SQLite returns control to JavaScript; the worker is unref()ed meanwhile.
      worker.terminate().catch(() => {});
    },
  };
}
