// The wall-board's figures for today and the tray's breached count, from the same SLA arithmetic
// as the queue, so every screen agrees.
import type { AgentLoad, BoardSnapshot } from '../../../shared/board';
import { DAY_MS, localToUtc, offsetMsAt, type SlaStatus } from '../../../shared/sla';
import type { TicketRow } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { getSetting } from './settings';
import { isAtRisk } from '../../../shared/tickets/sla';
import { stmt } from '../db/stmt';
import type { OpenQueue } from './openQueue';
import { TICKET_SELECT, toTicketRow, type TicketRecord } from './ticketRows';
import { ticketSlaStatus } from './ticketSla';

/** Local midnight of `now` in the centre's zone, as a UTC instant. */
export function dayStartOf(now: number, timeZone: string): number {
  const local = now + offsetMsAt(timeZone, now);
  return localToUtc(timeZone, Math.floor(local / DAY_MS) * DAY_MS);
}

/** Breached and at-risk open tickets, counted as the queue's filters count them (from memory). */
export function openRiskCounts(openQueue: OpenQueue, now: number): { breached: number; atRisk: number } {
  let breached = 0;
  let atRisk = 0;
  for (const { status } of openQueue.byUrgency(now)) {
    if (status.breached) breached++;
    else if (isAtRisk(status)) atRisk++;
  }
  return { breached, atRisk };
}

/** The board's figures at `now`; the open tickets come from memory (services/openQueue.ts). */
export function boardSnapshot(db: Db, openQueue: OpenQueue, now: number, urgentLimit: number): BoardSnapshot {
  const timeZone = getSetting(db, 'centre')?.timeZone ?? 'Asia/Shanghai';
  const dayStart = dayStartOf(now, timeZone);
  const open = openQueue.byUrgency(now);
  const completed = (stmt(db, `${TICKET_SELECT} WHERE t.feedback_at >= ? AND t.feedback_at <= ?`).all(dayStart, now) as TicketRecord[]).map(toTicketRow);
  const late = completed.filter((t) => (t.overtimeMinutes ?? 0) > 0);
  const handling = completed.map((t) => ticketSlaStatus(db, t.sla, now).elapsedMs);

  const agents = new Map<string, AgentLoad>();
  const agent = (a: { id: string; displayName: string }) => {
    let load = agents.get(a.id);
    if (!load) agents.set(a.id, (load = { id: a.id, displayName: a.displayName, open: 0, breached: 0, completedToday: 0 }));
    return load;
  };
  for (const { row, status } of open) {
    if (!row.assignee) continue;
    const load = agent(row.assignee);
    load.open++;
    if (status.breached) load.breached++;
  }
  for (const t of completed) if (t.assignee) agent(t.assignee).completedToday++;

  const count = (p: (x: { row: TicketRow; status: SlaStatus }) => boolean) => open.filter(p).length;
  return {
    at: now,
    dayStart,
    openTotal: open.length,
    figures: {
      waiting: count((x) => x.row.status === 'new'),
      inProgress: count((x) => x.row.status === 'accepted' || x.row.status === 'in_progress'),
      paused: count((x) => x.row.status === 'waiting'),
      atRisk: count((x) => isAtRisk(x.status)),
      breachedOpen: count((x) => x.status.breached),
      breachedToday: count((x) => x.status.breached && x.status.due >= dayStart) + late.length,
      completedToday: completed.length,
      compliance: completed.length ? Math.round(((completed.length - late.length) / completed.length) * 1000) / 10 : null,
      averageHandlingMs: handling.length ? Math.round(handling.reduce((a, b) => a + b, 0) / handling.length) : null,
      openComplaints: count((x) => x.row.category === 'complaint'),
    },
    agents: [...agents.values()].sort((a, b) => b.breached - a.breached || b.open - a.open || a.displayName.localeCompare(b.displayName)),
    urgent: open.slice(0, urgentLimit).map((x) => x.row),
  };
}
