// The archive screen's state: the month chosen, its preview, the running job and the archives.
import { create } from 'zustand';
import type { ArchiveJob, ArchivePreview, ArchiveSummary } from '../../../../shared/archive';
import { call, onEvent } from '../../api';

interface ArchiveState {
  preview: ArchivePreview | null;
  job: ArchiveJob | null;
  verifyJob: ArchiveJob | null;
  archives: ArchiveSummary[];
  loadPreview(month: string): Promise<void>;
  start(month: string): Promise<void>;
  cancel(): Promise<void>;
  verify(source: string, againstLive: boolean): Promise<void>;
  refresh(): Promise<void>;
  /** Subscribes to job events; returns the unsubscribe. */
  listen(): () => void;
}

export const useArchive = create<ArchiveState>((set, get) => ({
  preview: null,
  job: null,
  verifyJob: null,
  archives: [],
  async loadPreview(month) {
    set({ preview: await call('archive.preview', { month }) });
  },
  async start(month) {
    set({ job: await call('archive.start', { month }) });
  },
  async cancel() {
    const job = get().job;
    if (job) await call('archive.cancel', { jobId: job.id });
  },
  async verify(source, againstLive) {
    set({ verifyJob: await call('archive.verify', { source, againstLive }) });
  },
  async refresh() {
    set({ archives: await call('archive.list', {}) });
  },
  listen() {
    return onEvent('archive.job', ({ job }) => {
      const { job: mine, verifyJob } = get();
      if (job.kind === 'archive.create' && (!mine || mine.id === job.id)) {
        set({ job });
        if (job.state === 'done') {
          void get().refresh();
          if (get().preview) void get().loadPreview(get().preview!.month);
        }
      }
      if (job.kind === 'archive.verify' && verifyJob?.id === job.id) set({ verifyJob: job });
    });
  },
}));
