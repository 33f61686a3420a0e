// The wall-board's snapshot and the tray's breached count, from the same SLA arithmetic as the
// queue, so every screen agrees.
import type { BoardSnapshot } from '../../../shared/board';
import { boardFiguresOf, dayStartOf } from '../../../shared/boardFigures';
import type { Db } from '../db/open';
import { getSetting } from './settings';
import { isAtRisk } from '../../../shared/tickets/sla';
import { stmt } from '../db/stmt';
import type { OpenQueue } from './openQueue';
import { TICKET_LIVE_SELECT, toTicketRow, type TicketRecord } from './ticketRows';
import { ticketSlaStatus } from './ticketSla';

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

/**
 * The board at `now`: the open tickets from memory (services/openQueue.ts) and today's completed
 * ones, with the figures shared/boardFigures.ts computes from them. The rows come along, so the
 * board window can apply later changes to them and recompute the same figures itself.
 */
export function boardSnapshot(db: Db, openQueue: OpenQueue, now: number, urgentLimit: number): BoardSnapshot {
  const timeZone = getSetting(db, 'centre')?.timeZone ?? 'Asia/Shanghai';
  const dayStart = dayStartOf(now, timeZone);
  const open = openQueue.byUrgency(now);
  const completed = (stmt(db, `${TICKET_LIVE_SELECT} WHERE t.feedback_at >= ? AND t.feedback_at <= ?`).all(dayStart, now) as TicketRecord[])
    .map(toTicketRow)
    .map((row) => ({ row, status: ticketSlaStatus(db, row.sla, now) }));
  return {
    at: now,
    dayStart,
    timeZone,
    openTotal: open.length,
    ...boardFiguresOf(open, completed, dayStart),
    urgent: open.slice(0, urgentLimit).map((x) => x.row),
    open: open.map((x) => x.row),
    completedToday: completed.map((x) => x.row),
  };
}
