// Runs the archive's tables (tables.ts) in a worker thread (tablesWorker.ts) and waits for it:
// progress comes back as messages, a cancel is a flag in shared memory the worker reads between
// batches (and a terminate if it does not answer).
//
// Where the worker's code is: in the app, electron-vite builds it as out/main/archiveWorker.js
// beside the main bundle (Electron loads worker files from app.asar since Electron 18, and an
// unpacked twin is preferred when electron-builder unpacked one); run from source (tsx, vitest)
// there is no built file, so a small eval worker registers tsx and requires the .ts entry.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { unpackedPath } from '../../db/driverPath';
import type { ChainSegment } from './month';
import { ArchiveCancelled, type CsvOutput } from './tables';

export interface TablesResult {
  counts: Record<string, number>;
  /** Per CSV file name: its SHA-256 and its deflated twin for the zip. */
  csvs: Record<string, CsvOutput>;
}

export interface TablesWorkerData {
  dbFile: string;
  month: string;
  dataDir: string;
  partsDir: string;
  workbookDate: number;
  /** The chain segments the main thread took its chain heads from: the worker archives exactly these. */
  segments: Record<'ticket_events' | 'audit_log', ChainSegment>;
  /** Int32Array[1]: non-zero asks the worker to stop. */
  cancel: SharedArrayBuffer;
}

export type TablesWorkerReply =
  | { kind: 'started'; expected: number; sections: string[] }
  | { kind: 'rows'; done: number }
  | ({ kind: 'done' } & TablesResult)
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export const BUILT_WORKER = 'archiveWorker.js';

/** How to start the worker here: the built file next to the bundle, or the source through tsx. */
export function archiveWorkerScript(
  here: string = __dirname,
  exists: (path: string) => boolean = existsSync,
): { file: string } | { source: string; entry: string } {
  // The bundle may put this code in a chunk one folder below the entry.
  for (const dir of [here, dirname(here)]) {
    const built = join(dir, BUILT_WORKER);
    if (exists(built)) return { file: unpackedPath(built, exists) };
  }
  return { source: 'tsx', entry: join(here, 'tablesWorker.ts') };
}

/**
 * The worker's live data is one batch of rows; left alone V8 lets its heap grow to ~110 MB of
 * garbage at this allocation rate. A smaller old generation keeps the process's peak RSS ~80 MB
 * lower (the month-close budget is 300 MB) for about the same CPU.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96 };

function startWorker(data: TablesWorkerData): Worker {
  const script = archiveWorkerScript();
  if ('file' in script) return new Worker(script.file, { workerData: data, resourceLimits: WORKER_LIMITS });
  const tsx = require.resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(script.entry)});`, {
    eval: true,
    workerData: data,
    resourceLimits: WORKER_LIMITS,
  });
}

export interface TablesRun {
  onStarted?(expected: number): void;
  onRows?(done: number): void;
  isCancelled?(): boolean;
}

export function writeTablesInWorker(data: Omit<TablesWorkerData, 'cancel'>, run: TablesRun = {}): Promise<TablesResult> {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const worker = startWorker({ ...data, cancel });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(kill);
      fn();
    };
    let kill: NodeJS.Timeout | undefined;
    // A cancel is noticed within a tenth of a second even between progress messages.
    const poll = setInterval(() => {
      if (!run.isCancelled?.() || Atomics.load(flag, 0) !== 0) return;
      Atomics.store(flag, 0, 1);
      // A worker stuck in one long query is stopped the hard way after a few seconds.
      kill = setTimeout(() => {
        void worker.terminate();
        settle(() => reject(new ArchiveCancelled()));
      }, 5000);
    }, 100);
    worker.on('message', (m: TablesWorkerReply) => {
      if (m.kind === 'started') run.onStarted?.(m.expected);
      else if (m.kind === 'rows') run.onRows?.(m.done);
      else if (m.kind === 'done') settle(() => resolve({ counts: m.counts, csvs: m.csvs }));
      else if (m.kind === 'cancelled') settle(() => reject(new ArchiveCancelled()));
      else settle(() => reject(new Error(`The archive worker failed: ${m.message}`)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The archive worker exited (${code}) before it was done.`))));
  });
}
