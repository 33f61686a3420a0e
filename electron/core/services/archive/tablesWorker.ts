// An archive worker: writes its part of the month's tables (tables.ts: tickets.xlsx, or the CSVs
// and month.sqlite) off the app's main thread, with its own read-only connection and read
// transaction. Two run side by side, one per core; the main thread meanwhile makes the report.
// Started by tablesJob.ts, which also lines up the workers' snapshots; built as its own entry
// (out/main/archiveWorker.js) by electron.vite.config.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { openMonthSource } from './create';
import { ArchiveCancelled, writeSectionTables } from './tables';
import { CANCEL, GATE, OPENED, type TablesWorkerData, type TablesWorkerReply } from './tablesJob';

async function main(): Promise<void> {
  const data = workerData as TablesWorkerData;
  const flags = new Int32Array(data.sync);
  const post = (reply: TablesWorkerReply) => parentPort!.postMessage(reply);
  post({ kind: 'ready' });
  let month: ReturnType<typeof openMonthSource> | null = null;
  let opened = false;
  const countOpened = () => {
    if (opened) return;
    opened = true;
    Atomics.add(flags, OPENED, 1);
    Atomics.notify(flags, OPENED);
  };
  // Wait for the main thread to let both workers take their snapshots at the same moment.
  Atomics.wait(flags, GATE, 0);
  if (Atomics.load(flags, GATE) !== 1 || Atomics.load(flags, CANCEL) !== 0) {
    countOpened();
    post({ kind: 'cancelled' });
    return;
  }
  try {
    month = openMonthSource(data.dbFile, data.month, { afterSnapshot: countOpened });
    const m = month;
    const expected = m.sections.reduce((n, s) => n + s.count(m.src), 0);
    post({ kind: 'started', expected, mark: m.mark });
    const result = await writeSectionTables(
      m.src,
      m.sections,
      data.dataDir,
      data.partsDir,
      // The workbook's stored date is the month's end: the same month gives the same bytes.
      new Date(m.src.to),
      {
        rows(done) {
          if (Atomics.load(flags, CANCEL) !== 0) throw new ArchiveCancelled();
          post({ kind: 'rows', done });
        },
      },
      data.part,
    );
    post({ kind: 'done', ...result });
  } catch (err) {
    // The main thread waits for every worker's snapshot: one that failed to open still answers.
    countOpened();
    if (err instanceof ArchiveCancelled) post({ kind: 'cancelled' });
    else post({ kind: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    month?.close();
  }
}

void main();
