// The monthly archive (月度归档) and backups, as they cross the IPC bridge.
import type { VerifyProblem } from './archiveProblems';

export type { VerifyProblem } from './archiveProblems';

/** A calendar month in the centre's time zone, "YYYY-MM". */
export type MonthKey = string;

/** What a month holds, shown before closing it. */
export interface ArchivePreview {
  month: MonthKey;
  timeZone: string;
  /** UTC instants of the month's first and the next month's first local midnight. */
  from: number;
  to: number;
  /** One figure per declared section (tickets, events, complaints, …, callbacks once they exist). */
  counts: Record<string, number>;
  ticketsOpened: number;
  ticketsClosed: number;
  stillOpen: number;
  deductionPoints: number;
  /** The archive already made for this month, if any (regenerating replaces it). */
  existing: ArchiveSummary | null;
}

export interface ArchiveSummary {
  name: string;
  month: MonthKey;
  seat: string;
  folder: string;
  zip: string | null;
  createdAt: number | null;
  sizeBytes: number;
}

export type JobKind = 'archive.create' | 'archive.verify';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ArchiveJob {
  id: string;
  kind: JobKind;
  state: JobState;
  /** 0 … 1 */
  progress: number;
  /** What it is doing now, an i18n key under archive.step.* */
  step: string;
  startedAt: number;
  endedAt: number | null;
  /** archive.create: the archive made; archive.verify: the report. */
  archive: ArchiveSummary | null;
  verify: VerifyReport | null;
  error: { messageKey: string; message: string } | null;
}

export interface ChainHead {
  table: string;
  /** Rows of the chain up to the month's end, and the hash of the last of them. */
  rows: number;
  seq: number;
  hash: string;
}

export interface VerifyFileCheck {
  path: string;
  ok: boolean;
  /** 'missing' | 'changed' | 'extra' when not ok */
  problem: 'missing' | 'changed' | 'extra' | null;
}

export interface VerifyReport {
  ok: boolean;
  source: string;
  bagInfo: Record<string, string>;
  files: VerifyFileCheck[];
  /** Counts stated in bag-info, compared with the rows in the archive's month.sqlite. */
  counts: { name: string; stated: number; found: number; ok: boolean }[];
  /** Chain heads stated in the archive; `live` is filled when checked against a database. */
  chains: {
    table: string;
    seq: number;
    hash: string;
    /** Whether the archive's own events recompute to this head. */
    archiveOk: boolean;
    live: null | { ok: boolean; hash: string | null; firstDifferentId: string | null; liveChainOk: boolean };
  }[];
  /** What is wrong, as message keys (shared/archiveProblems.ts): empty when ok. */
  problems: VerifyProblem[];
}

export interface BackupEntry {
  name: string;
  at: number;
  reason: string;
  sizeBytes: number;
}

export interface BackupSettings {
  /** Another folder (USB disk, network share) backups are copied to; null = off. */
  copyTo: string | null;
  /** How often to copy, in hours. */
  everyHours: number;
  lastCopyAt: number | null;
  lastCopyError: string | null;
}
