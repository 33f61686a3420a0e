// WAL checkpoints off the write path. By default SQLite checkpoints inside the commit that takes
// the WAL past 1,000 pages: that agent action then also copies the WAL into the main file and
// fsyncs it (measured on the 1M-ticket centre: the p99 of create/accept/resolve). Here a worker
// thread with its own connection runs PASSIVE checkpoints on a timer: PASSIVE never waits for,
// nor blocks, the writer or any reader, so a commit costs its own WAL append and fsync only.
//
// The WAL starts over from its beginning only at a commit that finds every frame already copied,
// which a writer that never pauses (an import, a hub catch-up) does not give the worker. So the
// main connection keeps a far higher auto-checkpoint as a safety valve: past BURST_PAGES it
// copies the few frames the worker has not reached yet itself, and the WAL starts over.
//
// Once the worker runs, the main connection reserves the WAL's file up to that working size
// (walReserve.ts): no commit then pays for the file growing.
//
// Durability is unchanged: a commit is durable once its WAL frames are synced (synchronous=FULL),
// whoever copies them into the main file later. If the worker cannot run, the main connection
// goes back to checkpointing itself.
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../log';
import type { Db } from './open';
import { startSqliteWorker, type WorkerFailed } from './sqliteWorker';
import { reserveWal, type WalReserve } from './walReserve';

/** SQLite's default, restored when the worker is gone. */
export const AUTOCHECKPOINT_PAGES = 1000;
/** The main connection's auto-checkpoint while the worker runs (≈ 40 MB of WAL): sustained bursts only. */
export const BURST_PAGES = 10_000;
/** How often the worker checkpoints: often enough that the WAL stays a few MB under a burst. */
export const CHECKPOINT_EVERY_MS = 1000;
/** The WAL's working size while the worker runs: its header and BURST_PAGES frames of 4 KB pages (≈ 41 MB). */
export const WAL_RESERVE_BYTES = 32 + BURST_PAGES * (24 + 4096);

export interface Checkpointer {
  /** Stops the worker and closes its connection; the main connection checkpoints as SQLite does by default. */
  stop(): Promise<void>;
  /** Resolves once the WAL's file is reserved (the benches measure after it). */
  readonly reserved: Promise<void>;
}

/** One PASSIVE checkpoint as the worker ran it (reported only to an observer, for the benches). */
export interface CheckpointRun {
  /** Wall-clock start, ms since the epoch with sub-millisecond precision (timeOrigin + now). */
  at: number;
  ms: number;
  /** WAL frames in the log and copied into the main file, as wal_checkpoint returns them. */
  log: number;
  checkpointed: number;
}

let observer: ((run: CheckpointRun) => void) | null = null;
/** Benches: report every checkpoint of the checkpointers started from now on (null to stop). */
export function observeCheckpoints(fn: ((run: CheckpointRun) => void) | null): void {
  observer = fn;
}

type Reply = { kind: 'ready' } | { kind: 'stopped' } | { kind: 'error'; message: string } | ({ kind: 'checkpoint' } & CheckpointRun) | WorkerFailed;

const WORKER_SOURCE = `
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  // As the app's connection: the checkpoint syncs the WAL and the main file it writes.
  db.pragma('synchronous = FULL');
} catch (err) {
  parentPort.postMessage({ kind: 'failed', message: String(err && err.message) });
  return;
}
let reported = false;
const timer = setInterval(() => {
  try {
    const at = performance.timeOrigin + performance.now();
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    if (workerData.report) parentPort.postMessage({ kind: 'checkpoint', at, ms: performance.timeOrigin + performance.now() - at, log: r.log, checkpointed: r.checkpointed });
  } catch (err) {
    // Reported once: a checkpoint that cannot run now (disk full) is tried again next time.
    if (!reported) parentPort.postMessage({ kind: 'error', message: String(err && err.message) });
    reported = true;
  }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.postMessage({ kind: 'stopped' });
  parentPort.close();
});
parentPort.postMessage({ kind: 'ready' });
`;

/** `driver`: the better-sqlite3 the worker requires (a test passes one that cannot load). */
/** `reserveBytes`: the WAL file to reserve once the worker runs (0: none). */
export function startCheckpointer(db: Db, logger: Logger, options: { everyMs?: number; driver?: string; reserveBytes?: number } = {}): Checkpointer {
  let worker: Worker | null = null;
  let reserve: WalReserve | null = null;
  let reserved!: () => void;
  const reservedPromise = new Promise<void>((resolve) => (reserved = resolve));
  let stopped: Promise<void> | null = null;
  const selfCheckpointing = (message: string) => {
    logger.error('The checkpoint worker is not running: the database checkpoints on its own commits', { message });
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    worker = null;
    reserve?.stop();
    reserved();
  };
  try {
    worker = startSqliteWorker(WORKER_SOURCE, { file: db.name, everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS, report: observer !== null }, options.driver);
  } catch (err) {
    selfCheckpointing(err instanceof Error ? err.message : String(err));
    return { stop: async () => {}, reserved: reservedPromise };
  }
  const w = worker;
  let done!: () => void;
  const exited = new Promise<void>((resolve) => (done = resolve));
  const report = observer;
  w.on('message', (reply: Reply) => {
    if (reply.kind === 'checkpoint') return report?.(reply);
    // Only once the worker's connection is open does the main one stop checkpointing.
    if (reply.kind === 'ready' && db.open && !stopped) {
      db.pragma(`wal_autocheckpoint = ${BURST_PAGES}`);
      reserve = reserveWal(db, options.reserveBytes ?? WAL_RESERVE_BYTES);
      void reserve.done.then(() => reserved());
    } else if (reply.kind === 'failed') selfCheckpointing(reply.message);
    else if (reply.kind === 'error') logger.error('A WAL checkpoint failed (tried again on the next round)', { message: reply.message });
  });
  w.on('error', (err) => selfCheckpointing(err.message));
  w.on('exit', () => {
    if (!stopped && worker) selfCheckpointing('the checkpoint worker exited');
    done();
  });
  return {
    stop() {
      if (stopped) return stopped;
      reserve?.stop();
      reserved();
      if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      w.postMessage('stop');
      // A worker stuck in a checkpoint (a slow disk) does not hold up closing for long.
      const timeout = setTimeout(() => void w.terminate(), 5000);
      stopped = exited.then(() => clearTimeout(timeout));
      return stopped;
    },
    reserved: reservedPromise,
  };
}
