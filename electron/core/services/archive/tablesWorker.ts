// The archive worker: writes tickets.xlsx, the CSVs and month.sqlite off the app's main thread
// (tables.ts does the writing), with its own read-only connection and read transaction. The main
// thread meanwhile stays free for the app, the report and the progress bar. Started by
// tablesJob.ts; built as its own entry (out/main/archiveWorker.js) by electron.vite.config.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { openMonthSource } from './create';
import { ArchiveCancelled, writeSectionTables } from './tables';
import type { TablesWorkerData, TablesWorkerReply } from './tablesJob';

async function main(): Promise<void> {
  const data = workerData as TablesWorkerData;
  const cancel = new Int32Array(data.cancel);
  const post = (reply: TablesWorkerReply) => parentPort!.postMessage(reply);
  const month = openMonthSource(data.dbFile, data.month, data.segments);
  try {
    const expected = month.sections.reduce((n, s) => n + s.count(month.src), 0);
    post({ kind: 'started', expected, sections: month.sections.map((s) => s.name) });
    const result = await writeSectionTables(month.src, month.sections, data.dataDir, data.partsDir, new Date(data.workbookDate), {
      rows(done) {
        if (Atomics.load(cancel, 0) !== 0) throw new ArchiveCancelled();
        post({ kind: 'rows', done });
      },
    });
    post({ kind: 'done', ...result });
  } catch (err) {
    if (err instanceof ArchiveCancelled) post({ kind: 'cancelled' });
    else post({ kind: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    month.close();
  }
}

void main();
