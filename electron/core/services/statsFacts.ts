// The facts cache behind every statistics figure: one row per ticket (ticket_facts) derived from
// the ticket row and its events with shared/sla's arithmetic. It is kept current by replaying the
// ticket events past a watermark (stats_state.event_seq), so no ticket handler has to know about
// it, and it can be dropped and rebuilt at any time (rebuildFacts) with the same result.
import { MINUTE_MS, workingMinutesBetween, type CatalogueTarget, type Pause } from '../../../shared/sla';
import { localDay, mondayIndex } from '../../../shared/stats/period';
import { offsetMsAt } from '../../../shared/sla';
import type { Db } from '../db/open';
import { compiledCalendar } from './calendars';
import { getSetting } from './settings';
import { ticketSlaStatus } from './ticketSla';

interface SourceRow {
  id: string;
  customer_id: string;
  type_code: string;
  category: string;
  tier: string;
  channel: string;
  assignee_id: string | null;
  department_id: string | null;
  target: string;
  created_at: number;
  pauses: string;
  paused_since: number | null;
  due_at: number;
  warning_at: number;
  beyond_known_years: number;
  feedback_at: number | null;
  closed_at: number | null;
  complaint: string | null;
  is_open: number;
  accepted_at: number | null;
  reopens: number;
  transfers: number;
}

// Per ticket: the first accept, reopens, and transfers AFTER the first accept (handing a new,
// unaccepted ticket to an agent is dispatch, not a transfer). With ids, only those tickets.
const source = (ids: boolean) => {
  const only = (col: string) => (ids ? `WHERE ${col} IN (SELECT value FROM json_each(@ids))` : '');
  return `
  WITH a AS (
    SELECT ticket_id, min(CASE WHEN kind = 'accept' THEN at END) AS accepted_at, min(CASE WHEN kind = 'accept' THEN seq END) AS accept_seq,
           sum(kind = 'reopen') AS reopens
    FROM ticket_events ${only('ticket_id')} GROUP BY ticket_id
  ), x AS (
    SELECT e.ticket_id, count(*) AS transfers FROM a JOIN ticket_events e ON e.ticket_id = a.ticket_id
    WHERE e.kind IN ('transferred', 'forwarded') AND e.seq > a.accept_seq GROUP BY e.ticket_id
  )
  SELECT t.id, t.customer_id, t.type_code, t.category, t.tier, t.channel, t.assignee_id, t.department_id, t.target,
         t.created_at, t.pauses, t.paused_since, t.due_at, t.warning_at, t.beyond_known_years, t.feedback_at, t.closed_at,
         t.complaint, t.is_open, a.accepted_at, coalesce(a.reopens, 0) AS reopens, coalesce(x.transfers, 0) AS transfers
  FROM tickets t LEFT JOIN a ON a.ticket_id = t.id LEFT JOIN x ON x.ticket_id = t.id ${only('t.id')}`;
};
const SOURCE = source(true);

const COLUMNS = [
  'ticket_id', 'created_at', 'created_day', 'created_how', 'type_code', 'category', 'channel', 'tier', 'customer_id', 'assignee_id',
  'department_id', 'accepted_at', 'feedback_at', 'feedback_day', 'closed_at', 'response_min', 'handling_min', 'resolution_min',
  'overtime_min', 'breached', 'reopens', 'transfers', 'complaint_category', 'complaint_department', 'is_open', 'updated_at',
] as const;

const UPSERT = `INSERT OR REPLACE INTO ticket_facts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The fact row of one ticket, in COLUMNS order. */
function factOf(db: Db, r: SourceRow, timeZone: string, now: number): unknown[] {
  const target = JSON.parse(r.target) as CatalogueTarget;
  const pauses = JSON.parse(r.pauses) as Pause[];
  const createdDay = localDay(timeZone, r.created_at);
  const hour = Math.floor((r.created_at + offsetMsAt(timeZone, r.created_at) - createdDay * 86_400_000) / 3_600_000);
  let handling: number | null = null;
  let resolution: number | null = null;
  let overtime: number | null = null;
  let breached = 0;
  if (r.feedback_at !== null) {
    const status = ticketSlaStatus(
      db,
      { target, start: r.created_at, pauses, pausedSince: null, feedbackAt: r.feedback_at, dueAt: r.due_at, warningAt: r.warning_at, beyondKnownYears: r.beyond_known_years === 1 },
      r.feedback_at,
    );
    resolution = round2(status.elapsedMs / MINUTE_MS);
    overtime = round2(status.overtimeMinutes);
    breached = status.overtimeMs > 0 ? 1 : 0;
    if (r.accepted_at !== null) {
      const calendar = compiledCalendar(db, target.calendarId);
      handling = calendar ? round2(workingMinutesBetween(calendar, Math.min(r.accepted_at, r.feedback_at), r.feedback_at, pauses)) : null;
    }
  }
  const complaint = r.complaint ? (JSON.parse(r.complaint) as { category?: string; responsibleDepartmentId?: string | null }) : null;
  return [
    r.id, r.created_at, createdDay, mondayIndex(createdDay) * 24 + hour, r.type_code, r.category, r.channel, r.tier, r.customer_id,
    r.assignee_id, r.department_id, r.accepted_at, r.feedback_at, r.feedback_at === null ? null : localDay(timeZone, r.feedback_at),
    r.closed_at, r.accepted_at === null ? null : round2((r.accepted_at - r.created_at) / MINUTE_MS), handling, resolution, overtime,
    breached, r.reopens, r.transfers, complaint?.category ? complaint.category : null, complaint?.responsibleDepartmentId ?? null,
    r.is_open, now,
  ];
}

const centreZone = (db: Db): string => getSetting(db, 'centre')?.timeZone ?? 'Asia/Shanghai';
const lastSeq = (db: Db): number => (db.prepare('SELECT coalesce(max(seq), 0) FROM ticket_events').pluck().get() as number) ?? 0;

function setState(db: Db, seq: number, timeZone: string, now: number): void {
  db.prepare(
    `INSERT INTO stats_state (id, event_seq, time_zone, updated_at) VALUES ('facts', ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET event_seq = excluded.event_seq, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
  ).run(seq, timeZone, now);
}

const REBUILD_CHUNK = 10_000;

const TICKET_COLUMNS = `t.id, t.customer_id, t.type_code, t.category, t.tier, t.channel, t.assignee_id, t.department_id, t.target,
  t.created_at, t.pauses, t.paused_since, t.due_at, t.warning_at, t.beyond_known_years, t.feedback_at, t.closed_at, t.complaint, t.is_open`;

/**
 * Drops and recomputes every fact. One sequential pass over the events that matter (in seq
 * order, so "after the first accept" is simply "after it was seen"), then the tickets in rowid
 * chunks. Returns the number of tickets.
 */
export function rebuildFacts(db: Db, now: number): number {
  const tz = centreZone(db);
  const seq = lastSeq(db);
  const events = new Map<string, { acceptedAt: number | null; reopens: number; transfers: number }>();
  const scan = db.prepare("SELECT ticket_id, at, kind FROM ticket_events WHERE kind IN ('accept', 'reopen', 'transferred', 'forwarded') ORDER BY seq").raw();
  for (const [ticketId, at, kind] of scan.iterate() as IterableIterator<[string, number, string]>) {
    let e = events.get(ticketId);
    if (!e) events.set(ticketId, (e = { acceptedAt: null, reopens: 0, transfers: 0 }));
    if (kind === 'accept') e.acceptedAt ??= at;
    else if (kind === 'reopen') e.reopens++;
    else if (e.acceptedAt !== null) e.transfers++;
  }
  db.prepare('DELETE FROM ticket_facts').run();
  const upsert = db.prepare(UPSERT);
  const chunk = db.prepare(`SELECT t.rowid AS rowid, ${TICKET_COLUMNS} FROM tickets t WHERE t.rowid > ? ORDER BY t.rowid LIMIT ?`);
  let n = 0;
  let after = -1;
  for (;;) {
    const rows = chunk.all(after, REBUILD_CHUNK) as (Omit<SourceRow, 'accepted_at' | 'reopens' | 'transfers'> & { rowid: number })[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.rowid;
    for (const r of rows) {
      const e = events.get(r.id);
      upsert.run(...(factOf(db, { ...r, accepted_at: e?.acceptedAt ?? null, reopens: e?.reopens ?? 0, transfers: e?.transfers ?? 0 }, tz, now) as never[]));
    }
    n += rows.length;
  }
  setState(db, seq, tz, now);
  return n;
}

/** Beyond this many changed tickets a full rebuild is cheaper than replaying them one by one. */
const REPLAY_LIMIT = 20_000;

/**
 * Brings the facts up to the latest ticket event. Cheap when nothing changed (two index look-ups);
 * run at the start of every statistics call, inside its transaction.
 */
export function refreshFacts(db: Db, now: number): { replayed: number; rebuilt: boolean } {
  const tz = centreZone(db);
  const state = db.prepare("SELECT event_seq, time_zone FROM stats_state WHERE id = 'facts'").get() as { event_seq: number; time_zone: string } | undefined;
  const seq = lastSeq(db);
  if (!state || state.time_zone !== tz) return { replayed: rebuildFacts(db, now), rebuilt: true };
  if (seq === state.event_seq) return { replayed: 0, rebuilt: false };
  const ids = db.prepare('SELECT DISTINCT ticket_id FROM ticket_events WHERE seq > ? AND seq <= ?').pluck().all(state.event_seq, seq) as string[];
  if (ids.length > REPLAY_LIMIT) return { replayed: rebuildFacts(db, now), rebuilt: true };
  const upsert = db.prepare(UPSERT);
  const json = JSON.stringify(ids);
  for (const r of db.prepare(SOURCE).all({ ids: json }) as SourceRow[]) upsert.run(...(factOf(db, r, tz, now) as never[]));
  setState(db, seq, tz, now);
  return { replayed: ids.length, rebuilt: false };
}
