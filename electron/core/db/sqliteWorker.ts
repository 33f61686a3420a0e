// A worker thread with its own better-sqlite3 connection, for database work that must not run on
// the main thread (Electron's: a long step there freezes every window): the background
// quick_check, WAL checkpoints, backups.
//
// The worker is an eval worker that requires better-sqlite3 by the absolute path resolved here:
// the core is bundled by electron-vite in the app and run from source by tsx/vitest in tests, so
// there is no stable worker file to point at.
import { Worker } from 'node:worker_threads';
import { sqliteDriverForWorker } from './driverPath';

/** What every worker may post when it cannot do its job at all. */
export interface WorkerFailed {
  kind: 'failed';
  message: string;
}

/**
 * Starts `body` in a worker. In its scope: `Database` (better-sqlite3), `parentPort`, `workerData`
 * (the given data plus `driver`), and it may `return` early. When better-sqlite3 cannot be loaded
 * the worker posts `{ kind: 'failed', message: 'cannot load better-sqlite3: …' }` and ends.
 * The worker is unref()ed: it never keeps a process (the CLI, tests, a quitting app) alive.
 */
export function startSqliteWorker(body: string, data: Record<string, unknown>, driver: string = sqliteDriverForWorker()): Worker {
  const source = `(function () {
const { parentPort, workerData } = require('node:worker_threads');
let Database;
try {
  Database = require(workerData.driver);
} catch (err) {
  parentPort.postMessage({ kind: 'failed', message: 'cannot load better-sqlite3: ' + (err && err.message) });
  return;
}
${body}
})();`;
  const worker = new Worker(source, { eval: true, workerData: { ...data, driver } });
  worker.unref();
  return worker;
}
