// Runs the archive's tables (tables.ts) in two worker threads (tablesWorker.ts), the workbook in
// one and the CSVs with month.sqlite in the other, and waits for both: progress comes back as
// messages, a cancel is a flag in shared memory the workers read between batches (and a
// terminate if they do not answer).
//
// Where the worker's code is: in the app, electron-vite builds it as out/main/archiveWorker.js
// beside the main bundle (Electron loads worker files from app.asar since Electron 18, and an
// unpacked twin is preferred when electron-builder unpacked one); run from source (tsx, vitest)
// there is no built file, so a small eval worker registers tsx and requires the .ts entry.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { unpackedPath } from '../../db/driverPath';
import { ArchiveCancelled, type CsvOutput, type TablesPart } from './tables';

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
  part: TablesPart;
  /** Int32Array over it: [CANCEL] non-zero asks the worker to stop; [GATE], [OPENED]: see startTableWorkers. */
  sync: SharedArrayBuffer;
}

export const CANCEL = 0;
/** 0 while the workers wait to take their snapshots, 1 to take them, 2 to give up. */
export const GATE = 1;
/** How many workers have taken their snapshot. */
export const OPENED = 2;

export type TablesWorkerReply =
  | { kind: 'ready' }
  | { kind: 'started'; expected: number; mark: string }
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
 * A worker's live data is one batch of rows; left alone V8 lets its heap grow to ~110 MB of
 * garbage at this allocation rate. A small old generation keeps the process's peak RSS within
 * the month-close budget (300 MB for the main thread and both workers) for about the same CPU.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };

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
  /** The share of the tables written so far (both workers together), 0…1. */
  onProgress?(fraction: number): void;
  isCancelled?(): boolean;
}

export interface TablesJob {
  /** Both workers are loaded and wait to take their snapshots. */
  ready: Promise<void>;
  /**
   * Lets both workers take their snapshot and blocks this thread until they have (a few ms):
   * called right before this thread takes its own, no write of this thread falls between them.
   */
  release(): void;
  /** What each worker's snapshot has seen (snapshotMark and its chain segments), once both have started. */
  marks: Promise<string[]>;
  /** Both workers' output, once both are done (on a failure, once both have stopped). */
  result: Promise<TablesResult>;
  /** Asks both workers to stop; `result` then rejects with ArchiveCancelled. */
  abort(): void;
}

const PARTS: TablesPart[] = ['workbook', 'files'];
const RELEASE_TIMEOUT_MS = 10_000;

/**
 * The month's tables in two worker threads, one core each: one writes tickets.xlsx, the other
 * the CSVs and month.sqlite, each reading the rows from its own read-only snapshot. Both
 * snapshots are taken while this thread waits (release), so they see the same data; their marks
 * let the caller check it.
 */
export function startTableWorkers(data: Omit<TablesWorkerData, 'sync' | 'part'>, run: TablesRun = {}): TablesJob {
  const sync = new SharedArrayBuffer(4 * 3);
  const flags = new Int32Array(sync);
  const workers = PARTS.map((part) => startWorker({ ...data, part, sync }));
  const expected = [0, 0];
  const done = [0, 0];
  const abort = () => {
    Atomics.store(flags, CANCEL, 1);
    if (Atomics.compareExchange(flags, GATE, 0, 2) === 0) Atomics.notify(flags, GATE);
  };
  let readyCount = 0;
  let startedCount = 0;
  const marks: string[] = [];
  let onReady!: () => void;
  let onMarks!: (m: string[]) => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const markPromise = new Promise<string[]>((resolve) => (onMarks = resolve));
  const outcomes = workers.map(
    (worker, i) =>
      new Promise<TablesResult>((resolve, reject) => {
        let settled = false;
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          fn();
        };
        worker.on('message', (m: TablesWorkerReply) => {
          if (m.kind === 'ready') {
            if (++readyCount === workers.length) onReady();
          } else if (m.kind === 'started') {
            expected[i] = m.expected;
            marks[i] = m.mark;
            if (++startedCount === workers.length) onMarks(marks);
          } else if (m.kind === 'rows') {
            done[i] = m.done;
            const total = expected[0]! + expected[1]!;
            run.onProgress?.(Math.min(1, (done[0]! + done[1]!) / Math.max(1, total)));
          } else if (m.kind === 'done') settle(() => resolve({ counts: m.counts, csvs: m.csvs }));
          else if (m.kind === 'cancelled') settle(() => reject(new ArchiveCancelled()));
          else settle(() => reject(new Error(`The archive worker (${PARTS[i]}) failed: ${m.message}`)));
        });
        worker.on('error', (err) => settle(() => reject(err)));
        worker.on('exit', (code) => settle(() => reject(new Error(`The archive worker (${PARTS[i]}) exited (${code}) before it was done.`))));
      }),
  );
  // One worker failing stops the other; the result waits for both, so nothing is still writing
  // into the run's folder when the caller removes it.
  outcomes.forEach((o) => o.catch(abort));
  let kill: NodeJS.Timeout | undefined;
  // A cancel is noticed within a tenth of a second even between progress messages.
  const poll = setInterval(() => {
    if (!run.isCancelled?.() || Atomics.load(flags, CANCEL) !== 0) return;
    abort();
  }, 100);
  const result = Promise.allSettled(outcomes).then((all) => {
    clearInterval(poll);
    clearTimeout(kill);
    const failed = all.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof ArchiveCancelled));
    if (failed) throw failed.reason;
    if (all.some((r) => r.status === 'rejected')) throw new ArchiveCancelled();
    const [workbook, files] = all.map((r) => (r as PromiseFulfilledResult<TablesResult>).value) as [TablesResult, TablesResult];
    if (JSON.stringify(workbook.counts) !== JSON.stringify(files.counts)) {
      throw new Error(`The archive's workers read different rows: ${JSON.stringify(workbook.counts)} and ${JSON.stringify(files.counts)}.`);
    }
    return { counts: files.counts, csvs: files.csvs };
  });
  // Once asked to stop, a worker stuck in one long query is stopped the hard way after a few seconds.
  const hardStop = () => {
    kill ??= setTimeout(() => workers.forEach((w) => void w.terminate()), 5000);
  };
  outcomes.forEach((o) => o.catch(hardStop));
  return {
    ready,
    marks: markPromise,
    result,
    abort() {
      abort();
      hardStop();
    },
    release() {
      // Asked to stop before the snapshots were taken: the workers are leaving already.
      if (Atomics.compareExchange(flags, GATE, 0, 1) !== 0) throw new ArchiveCancelled();
      Atomics.notify(flags, GATE);
      const deadline = Date.now() + RELEASE_TIMEOUT_MS;
      for (;;) {
        const opened = Atomics.load(flags, OPENED);
        if (opened >= workers.length) return;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('The archive workers did not open the database in time.');
        Atomics.wait(flags, OPENED, opened, left);
      }
    },
  };
}
