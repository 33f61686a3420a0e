// Archive runs and verifications are long: they run as jobs beside the handler registry (which
// is synchronous), push `archive.job` events with their progress, and can be cancelled. One
// month close at a time per seat.
import type { ArchiveJob, ArchivePreview } from '../../../../shared/archive';
import type { AppEvent } from '../../../../shared/contract';
import { DomainError } from '../../../../shared/result';
import type { Clock } from '../../clock';
import { openDatabase } from '../../db/open';
import { newId } from '../../ids';
import { describeError, type Logger } from '../../log';
import { createArchive, listArchives, openMonthSource } from './create';
import { monthReportData, type PdfPrinter } from './report';
import { ArchiveCancelled } from './tables';
import { verifyArchive } from './verify';

export interface ArchiveJobsDeps {
  dbFile: string;
  archivesDir: string;
  clock: Clock;
  logger: Logger;
  version: string;
  publish(event: AppEvent): void;
  printPdf: PdfPrinter | null;
}

export interface ArchiveJobs {
  preview(month: string): ArchivePreview;
  startCreate(month: string, createdBy: string): ArchiveJob;
  startVerify(source: string, againstLive: boolean): ArchiveJob;
  cancel(id: string): ArchiveJob;
  get(id: string): ArchiveJob | null;
  /** Resolves when the job has ended (tests, the CLI). */
  settled(id: string): Promise<ArchiveJob>;
  running(): boolean;
  /** Cancels what runs and waits for it (core close). */
  stop(): Promise<void>;
}

export function createArchiveJobs(deps: ArchiveJobsDeps): ArchiveJobs {
  const jobs = new Map<string, { job: ArchiveJob; cancelled: boolean; done: Promise<ArchiveJob> }>();
  const push = (job: ArchiveJob) => deps.publish({ type: 'archive.job', job: { ...job } });
  let lastPush = 0;

  const start = (kind: ArchiveJob['kind'], run: (job: ArchiveJob, isCancelled: () => boolean) => Promise<void>): ArchiveJob => {
    const job: ArchiveJob = {
      id: newId(deps.clock),
      kind,
      state: 'running',
      progress: 0,
      step: 'archive.step.starting',
      startedAt: deps.clock.now(),
      endedAt: null,
      archive: null,
      verify: null,
      error: null,
    };
    const entry = { job, cancelled: false, done: Promise.resolve(job) };
    entry.done = (async () => {
      // Let the handler return the job before any work starts.
      await new Promise<void>((r) => setImmediate(r));
      try {
        await run(job, () => entry.cancelled);
        job.state = 'done';
        job.progress = 1;
      } catch (err) {
        if (err instanceof ArchiveCancelled) {
          job.state = 'cancelled';
        } else {
          job.state = 'failed';
          job.error = { messageKey: 'errors.archiveFailed', message: err instanceof Error ? err.message : String(err) };
          deps.logger.error(`${kind} failed`, describeError(err));
        }
      }
      job.endedAt = deps.clock.now();
      push(job);
      return job;
    })();
    jobs.set(job.id, entry);
    push(job);
    return { ...job };
  };

  const running = () => [...jobs.values()].some((e) => e.job.state === 'running' && e.job.kind === 'archive.create');

  return {
    preview(month) {
      const m = openMonthSource(deps.dbFile, month);
      try {
        const counts: Record<string, number> = {};
        for (const s of m.sections) counts[s.name] = s.count(m.src);
        const r = monthReportData(m.src, m.centreName, [m.seat]);
        const existing = listArchives(deps.archivesDir).find((a) => a.month === month && a.seat === m.seat) ?? null;
        return {
          month,
          timeZone: m.src.timeZone,
          from: m.src.from,
          to: m.src.to,
          counts,
          ticketsOpened: r.opened,
          ticketsClosed: r.closed,
          stillOpen: r.stillOpen,
          deductionPoints: Math.round(r.deductions.reduce((n, d) => n + d.total, 0) * 100) / 100,
          existing,
        };
      } finally {
        m.close();
      }
    },
    startCreate(month, createdBy) {
      if (running()) throw new DomainError('CONFLICT', 'errors.archiveRunning', 'A month close is already running on this seat.');
      return start('archive.create', async (job, isCancelled) => {
        const created = await createArchive({
          dbFile: deps.dbFile,
          month,
          targetDir: deps.archivesDir,
          createdBy,
          createdAt: deps.clock.now(),
          appVersion: deps.version,
          printPdf: deps.printPdf,
          isCancelled,
          onProgress(fraction, step) {
            job.progress = fraction;
            job.step = step;
            // At most ~10 pushes a second: the bar moves, the bridge is not flooded.
            const now = Date.now();
            if (now - lastPush >= 100) {
              lastPush = now;
              push(job);
            }
          },
        });
        job.archive = { name: created.name, month: created.month, seat: created.seat, folder: created.folder, zip: created.zip, createdAt: created.createdAt, sizeBytes: created.sizeBytes };
      });
    },
    startVerify(source, againstLive) {
      return start('archive.verify', async (job) => {
        job.step = 'archive.step.verifying';
        const live = againstLive ? openDatabase(deps.dbFile, { readonly: true }) : null;
        try {
          job.verify = await verifyArchive(source, { live });
        } finally {
          live?.close();
        }
      });
    },
    cancel(id) {
      const e = jobs.get(id);
      if (!e) throw new DomainError('NOT_FOUND', 'errors.jobNotFound', `No archive job ${id}.`, { id });
      if (e.job.state === 'running') e.cancelled = true;
      return { ...e.job };
    },
    get: (id) => {
      const e = jobs.get(id);
      return e ? { ...e.job } : null;
    },
    settled(id) {
      const e = jobs.get(id);
      if (!e) return Promise.reject(new Error(`No archive job ${id}.`));
      return e.done.then((j) => ({ ...j }));
    },
    running,
    async stop() {
      for (const e of jobs.values()) e.cancelled = true;
      await Promise.all([...jobs.values()].map((e) => e.done));
    },
  };
}
