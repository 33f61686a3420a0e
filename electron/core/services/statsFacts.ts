// The facts cache behind every statistics figure: one row per ticket (ticket_facts) derived from
// the ticket row (read as everywhere else, services/ticketRows.ts) and its events with shared/sla's
// arithmetic, and the day/month rollups summed from those facts (statsRollup.ts). It is kept
// current by replaying the tickets whose events are past a watermark (stats_state.event_seq) or
// whose customer changed (stats_dirty), so no ticket handler has to know about it, and it can be
// dropped and rebuilt at any time with the same result.
//
// Building it for a large centre takes minutes, so it is built in slices of a few thousand
// tickets, each its own short transaction, scheduled with setImmediate between them: the app
// stays responsive and the statistics calls answer "being prepared" (errors.statsPreparing, with
// the progress) until it is done. A small centre (the tests, a new centre) is built at once.
import { MINUTE_MS, offsetMsAt, workingMinutesBetween } from '../../../shared/sla';
import { DomainError } from '../../../shared/result';
import { localDay, mondayIndex } from '../../../shared/stats/period';
import type { TicketRow } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { compiledCalendar } from './calendars';
import { getSetting } from './settings';
import { RollupDelta, writeDelta, type Fact } from './statsRollup';
import { TICKET_SELECT, complaintOf, toTicketRow, type TicketRecord } from './ticketRows';
import { ticketSlaStatus } from './ticketSla';

interface EventFacts {
  acceptedAt: number | null;
  reopens: number;
  transfers: number;
}

const NO_EVENTS: EventFacts = { acceptedAt: null, reopens: 0, transfers: 0 };

/**
 * The first accept, reopens, and transfers AFTER the first accept (handing a new, unaccepted
 * ticket to an agent is dispatch, not a transfer), for the given tickets; in seq order, so "after
 * the first accept" is simply "after it was seen".
 */
function eventFactsOf(db: Db, ids: string[]): Map<string, EventFacts> {
  const out = new Map<string, EventFacts>();
  const rows = db
    .prepare(
      `SELECT ticket_id, at, kind FROM ticket_events WHERE ticket_id IN (SELECT value FROM json_each(?))
       AND kind IN ('accept', 'reopen', 'transferred', 'forwarded') ORDER BY ticket_id, seq`,
    )
    .raw()
    .all(JSON.stringify(ids)) as [string, number, string][];
  for (const [ticketId, at, kind] of rows) {
    let e = out.get(ticketId);
    if (!e) out.set(ticketId, (e = { acceptedAt: null, reopens: 0, transfers: 0 }));
    if (kind === 'accept') e.acceptedAt ??= at;
    else if (kind === 'reopen') e.reopens++;
    else if (e.acceptedAt !== null) e.transfers++;
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The fact of one ticket. */
function factOf(db: Db, r: TicketRecord, e: EventFacts, timeZone: string, now: number): Fact {
  const t: TicketRow = toTicketRow(r);
  const createdDay = localDay(timeZone, t.createdAt);
  const hour = Math.floor((t.createdAt + offsetMsAt(timeZone, t.createdAt) - createdDay * 86_400_000) / 3_600_000);
  const feedbackAt = t.sla.feedbackAt;
  let handling: number | null = null;
  let resolution: number | null = null;
  let overtime: number | null = null;
  let breached = 0;
  if (feedbackAt !== null) {
    const status = ticketSlaStatus(db, { ...t.sla, pausedSince: null }, feedbackAt);
    resolution = round2(status.elapsedMs / MINUTE_MS);
    overtime = round2(status.overtimeMinutes);
    breached = status.overtimeMs > 0 ? 1 : 0;
    if (e.acceptedAt !== null) {
      const calendar = compiledCalendar(db, t.sla.target.calendarId);
      handling = calendar ? round2(workingMinutesBetween(calendar, Math.min(e.acceptedAt, feedbackAt), feedbackAt, t.sla.pauses)) : null;
    }
  }
  const complaint = complaintOf(r);
  return {
    ticket_id: t.id,
    created_at: t.createdAt,
    created_day: createdDay,
    created_how: mondayIndex(createdDay) * 24 + hour,
    type_code: t.typeCode,
    category: t.category,
    channel: t.channel,
    tier: t.tier,
    customer_id: t.customer.id,
    customer_role: t.customer.role,
    assignee_id: t.assignee?.id ?? null,
    department_id: t.departmentId,
    accepted_at: e.acceptedAt,
    feedback_at: feedbackAt,
    feedback_day: feedbackAt === null ? null : localDay(timeZone, feedbackAt),
    closed_at: t.closedAt,
    response_min: e.acceptedAt === null ? null : round2((e.acceptedAt - t.createdAt) / MINUTE_MS),
    handling_min: handling,
    resolution_min: resolution,
    overtime_min: overtime,
    breached,
    reopens: e.reopens,
    transfers: e.transfers,
    complaint_category: complaint?.category ? complaint.category : null,
    complaint_department: complaint?.responsibleDepartmentId ?? null,
    is_open: r.is_open,
    updated_at: now,
  };
}

const COLUMNS: (keyof Fact)[] = [
  'ticket_id', 'created_at', 'created_day', 'created_how', 'type_code', 'category', 'channel', 'tier', 'customer_id', 'customer_role',
  'assignee_id', 'department_id', 'accepted_at', 'feedback_at', 'feedback_day', 'closed_at', 'response_min', 'handling_min',
  'resolution_min', 'overtime_min', 'breached', 'reopens', 'transfers', 'complaint_category', 'complaint_department', 'is_open', 'updated_at',
];
const UPSERT = `INSERT OR REPLACE INTO ticket_facts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`;

const centreZone = (db: Db): string => getSetting(db, 'centre')?.timeZone ?? 'Asia/Shanghai';
const lastSeq = (db: Db): number => (db.prepare('SELECT coalesce(max(seq), 0) FROM ticket_events').pluck().get() as number) ?? 0;
/** Tickets are never deleted one by one (only archived whole), so the last rowid is their count, cheaply. */
const ticketCount = (db: Db): number => (db.prepare('SELECT coalesce(max(rowid), 0) FROM tickets').pluck().get() as number) ?? 0;

function setState(db: Db, seq: number, timeZone: string, now: number): void {
  db.prepare(
    `INSERT INTO stats_state (id, event_seq, time_zone, updated_at) VALUES ('facts', ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET event_seq = excluded.event_seq, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
  ).run(seq, timeZone, now);
}

/** Writes the facts of these ticket rows and their share of the rollups (replacing older facts). */
function writeFacts(db: Db, rows: TicketRecord[], timeZone: string, now: number, replacing: boolean): void {
  if (rows.length === 0) return;
  const events = eventFactsOf(db, rows.map((r) => r.id));
  const delta = new RollupDelta();
  const old = replacing ? db.prepare('SELECT * FROM ticket_facts WHERE ticket_id = ?') : null;
  const upsert = db.prepare(UPSERT);
  for (const r of rows) {
    const before = old?.get(r.id) as Fact | undefined;
    if (before) delta.add(before, -1);
    const fact = factOf(db, r, events.get(r.id) ?? NO_EVENTS, timeZone, now);
    delta.add(fact, 1);
    upsert.run(fact);
  }
  writeDelta(db, delta, replacing);
}

/** Tickets per slice of a build: a short transaction (tens of ms) between two turns of the event loop. */
const SLICE = 500;
/** Old facts deleted per slice before a rebuild (~80 ms at the 100k centre). */
const EMPTY_SLICE = 5000;

/** A build in slices: start() empties the cache, step() does one slice and says if more are left. */
class FactsBuild {
  private after = -1; // last rowid done; -1 before the cache was emptied
  private emptying = false; // old facts still being deleted, a slice at a time
  done = 0;
  readonly total: number;
  private readonly seq: number;
  private readonly timeZone: string;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.total = ticketCount(db);
    this.seq = lastSeq(db);
    this.timeZone = centreZone(db);
  }

  /** One slice in its own transaction; false when every ticket has its fact (the cache is then ready). */
  step(slice = SLICE): boolean {
    return this.db.transaction(() => {
      if (this.after === -1) {
        // Emptied in the build's own transactions (not in a caller's, which may roll back). The
        // rollups are small: at once. The facts (one row per ticket, six indexes) go a slice at a
        // time: emptied at once, freeing a 1M-ticket centre's pages froze the app for 1.9 s.
        for (const table of ['stats_rollup', 'stats_rollup_team', 'stats_rollup_agent', 'stats_arrivals', 'stats_dirty']) this.db.prepare(`DELETE FROM ${table}`).run();
        this.db.prepare("DELETE FROM stats_state WHERE id = 'facts'").run();
        this.after = 0;
        this.emptying = true;
      }
      if (this.emptying) {
        const gone = this.db.prepare('DELETE FROM ticket_facts WHERE rowid IN (SELECT rowid FROM ticket_facts ORDER BY rowid LIMIT ?)').run(EMPTY_SLICE).changes;
        if (gone > 0) return true;
        this.emptying = false;
      }
      const rows = this.db.prepare(`${TICKET_SELECT} WHERE t.rowid > ? ORDER BY t.rowid LIMIT ?`).all(this.after, slice) as TicketRecord[];
      if (rows.length > 0) {
        this.after = rows[rows.length - 1]!.rowid;
        writeFacts(this.db, rows, this.timeZone, this.now(), false);
        this.done += rows.length;
        return true;
      }
      // Tickets that changed while the build ran are past `seq`: the next refresh replays them.
      setState(this.db, this.seq, this.timeZone, this.now());
      return false;
    })();
  }
}

const running = new WeakMap<Db, FactsBuild>();

/** The progress of a background build, or null when none runs. */
export function factsBuildProgress(db: Db): { done: number; total: number } | null {
  const b = running.get(db);
  return b ? { done: b.done, total: b.total } : null;
}

export interface BuildHooks {
  onDone?: (tickets: number) => void;
  /** A slice failed: the build stops (the cache stays unbuilt; the next statistics call starts again). */
  onError?: (err: unknown) => void;
  /** While a long write holds the database (writeGate.ts): a promise that resolves when it is free. */
  held?: () => Promise<void> | null;
}

const hooksOf = new WeakMap<Db, BuildHooks>();

/** Where background builds of this database report (the core's logger). */
export function setFactsBuildHooks(db: Db, hooks: BuildHooks): void {
  hooksOf.set(db, hooks);
}

/**
 * Starts building the cache in the background (no-op when a build already runs). `pace` makes
 * slices smaller or spaced out (the end-to-end test watches a small centre's build this way).
 */
export function startFactsBuild(db: Db, now: () => number, pace: { slice?: number; pauseMs?: number } = {}): void {
  if (running.has(db)) return;
  const build = new FactsBuild(db, now);
  running.set(db, build);
  const next = () => {
    if (running.get(db) !== build || !db.open) return;
    const held = hooksOf.get(db)?.held?.();
    if (held) {
      void held.then(next);
      return;
    }
    let more: boolean;
    try {
      more = build.step(pace.slice);
    } catch (err) {
      running.delete(db);
      hooksOf.get(db)?.onError?.(err);
      return;
    }
    if (more) {
      if (pace.pauseMs) setTimeout(next, pace.pauseMs);
      else setImmediate(next);
    } else {
      running.delete(db);
      hooksOf.get(db)?.onDone?.(build.done);
    }
  };
  setImmediate(next);
}

/** Stops a background build (the core's close); the cache is left unbuilt and restarts next time. */
export function stopFactsBuild(db: Db): void {
  running.delete(db);
}

/** Drops and recomputes every fact and rollup at once (tests, the bench, small centres). Returns the number of tickets. */
export function rebuildFacts(db: Db, now: number): number {
  running.delete(db);
  const build = new FactsBuild(db, () => now);
  while (build.step());
  return build.done;
}

/** A centre up to this many tickets builds its cache inside the first statistics call (a second or two). */
export const SYNC_BUILD_LIMIT = 30_000;
/** Beyond this many changed tickets a full rebuild is cheaper than replaying them one by one. */
const REPLAY_LIMIT = 20_000;

/** Thrown while the cache is built in the background: the screen says so and asks again. */
function preparing(db: Db): DomainError {
  const p = factsBuildProgress(db) ?? { done: 0, total: ticketCount(db) };
  const percent = p.total > 0 ? Math.min(99, Math.floor((p.done / p.total) * 100)) : 0;
  return new DomainError('CONFLICT', 'errors.statsPreparing', `The statistics are being prepared (${percent} %).`, { percent });
}

/**
 * Brings the facts and rollups up to the latest ticket event; run at the start of every statistics
 * call, inside its transaction. Cheap when nothing changed (three index look-ups). While a large
 * centre's cache is (re)built in the background it throws errors.statsPreparing.
 */
export function refreshFacts(db: Db, now: number, clock: () => number = () => now): { replayed: number; rebuilt: boolean } {
  if (running.has(db)) throw preparing(db);
  const tz = centreZone(db);
  const state = db.prepare("SELECT event_seq, time_zone FROM stats_state WHERE id = 'facts'").get() as { event_seq: number; time_zone: string } | undefined;
  const seq = lastSeq(db);
  const rebuild = () => {
    if (ticketCount(db) <= SYNC_BUILD_LIMIT) return { replayed: rebuildFacts(db, now), rebuilt: true };
    startFactsBuild(db, clock);
    throw preparing(db);
  };
  if (!state || state.time_zone !== tz) return rebuild();
  const dirty = db.prepare('SELECT count(*) FROM stats_dirty').pluck().get() as number;
  if (seq === state.event_seq && dirty === 0) return { replayed: 0, rebuilt: false };
  const ids = db
    .prepare('SELECT DISTINCT ticket_id FROM ticket_events WHERE seq > ? AND seq <= ? UNION SELECT ticket_id FROM stats_dirty')
    .pluck()
    .all(state.event_seq, seq) as string[];
  if (ids.length > REPLAY_LIMIT) return rebuild();
  for (let i = 0; i < ids.length; i += SLICE) {
    const rows = db.prepare(`${TICKET_SELECT} WHERE t.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids.slice(i, i + SLICE))) as TicketRecord[];
    writeFacts(db, rows, tz, now, true);
  }
  db.prepare('DELETE FROM stats_dirty').run();
  setState(db, seq, tz, now);
  return { replayed: ids.length, rebuilt: false };
}

/** Starts the background build at start-up when a large centre's cache is missing or stale. */
export function prepareFactsAtStart(db: Db, now: () => number): boolean {
  const state = db.prepare("SELECT time_zone FROM stats_state WHERE id = 'facts'").get() as { time_zone: string } | undefined;
  if (state && state.time_zone === centreZone(db)) return false;
  if (ticketCount(db) <= SYNC_BUILD_LIMIT) return false;
  startFactsBuild(db, now);
  return true;
}
