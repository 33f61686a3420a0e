// A backup copied by a worker thread with its own read-only connection. On the main thread even
// better-sqlite3's chunked db.backup() runs every page copy there: 35–140 s of main-thread work on
// the 1M-ticket centre, during which every window answers late. The worker copies the whole file
// in one backup step, inside one read transaction: the WAL gives it a consistent snapshot while
// the app keeps writing (a step-by-step copy from another connection would start over at each
// write), and nothing the app does waits for it.
import { startSqliteWorker, type WorkerFailed } from './sqliteWorker';

type Reply = { kind: 'done' } | { kind: 'error'; message: string; code?: string } | WorkerFailed;

const WORKER_SOURCE = `
let db = null;
const finish = (reply) => {
  try { if (db) db.close(); } catch {}
  parentPort.postMessage(reply);
};
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
} catch (err) {
  finish({ kind: 'error', message: String(err && err.message), code: err && err.code });
  return;
}
// After better-sqlite3's first (empty) step, every remaining page in one step.
db.backup(workerData.to, { progress: () => 0x7fffffff }).then(
  () => finish({ kind: 'done' }),
  (err) => finish({ kind: 'error', message: String(err && err.message), code: err && err.code }),
);
`;

/** Thrown when no worker could run the copy (better-sqlite3 not loadable there): the caller copies in-process. */
export class BackupWorkerUnavailable extends Error {}

/** Copies the database file `file` (its committed state, WAL included) to `to`. */
export function backupInWorker(file: string, to: string, driver?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
    let worker;
    try {
      worker = startSqliteWorker(WORKER_SOURCE, { file, to }, driver);
    } catch (err) {
      settle(new BackupWorkerUnavailable(err instanceof Error ? err.message : String(err)));
      return;
    }
    worker.on('message', (reply: Reply) => {
      if (reply.kind === 'done') settle(null);
      else if (reply.kind === 'failed') settle(new BackupWorkerUnavailable(reply.message));
      else settle(Object.assign(new Error(`The backup of ${file} failed: ${reply.message}`), { code: reply.code }));
    });
    worker.on('error', (err) => settle(err));
    worker.on('exit', (code) => settle(new Error(`The backup worker exited (${code}) before the copy of ${file} was complete.`)));
  });
}
