// The wall-board's figures from the open tickets and today's completed ones, one home for both
// sides: the core answers board.snapshot with it, and the board window recomputes it from the
// rows that ticket.changed events push (renderer/src/wallboard/store.ts), so the board follows a
// change without asking for a new snapshot and both give the same numbers.
import type { AgentLoad, BoardFigures, BoardSnapshot } from './board';
import { DAY_MS, localToUtc, offsetMsAt, type SlaStatus } from './sla';
import { isOpen } from './tickets/lifecycle';
import { byUrgency, isAtRisk } from './tickets/sla';
import type { TicketRow } from './tickets/types';

export interface BoardTicket {
  row: TicketRow;
  status: SlaStatus;
}

/** Local midnight of `now` in the centre's zone, as a UTC instant. */
export function dayStartOf(now: number, timeZone: string): number {
  const local = now + offsetMsAt(timeZone, now);
  return localToUtc(timeZone, Math.floor(local / DAY_MS) * DAY_MS);
}

/**
 * Completed today: feedback given (the completion standard) since the day's start. A pushed row's
 * feedback is never later than the moment it arrives, so no upper bound (a window's clock may lag
 * the main process's by a moment).
 */
export const completedSince = (row: TicketRow, dayStart: number): boolean => row.sla.feedbackAt !== null && row.sla.feedbackAt >= dayStart;

/** Which of the board's two sets a row belongs to: the open tickets, today's completed, or neither. */
export function boardSetOf(row: TicketRow, dayStart: number): 'open' | 'completed' | null {
  if (isOpen(row.status)) return 'open';
  return completedSince(row, dayStart) ? 'completed' : null;
}

/**
 * The figures and the agents' load. `open` is every open ticket most urgent first (byUrgency);
 * `completed` today's completed tickets, each with its (frozen) SLA status.
 */
export function boardFiguresOf(open: readonly BoardTicket[], completed: readonly BoardTicket[], dayStart: number): { figures: BoardFigures; agents: AgentLoad[] } {
  const late = completed.filter((t) => (t.row.overtimeMinutes ?? 0) > 0);
  const handling = completed.map((t) => t.status.elapsedMs);

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
  for (const { row } of completed) if (row.assignee) agent(row.assignee).completedToday++;

  const count = (p: (x: BoardTicket) => boolean) => open.filter(p).length;
  return {
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
  };
}

/**
 * The board from a set of held rows (the board window's: the snapshot's rows with every pushed
 * change applied) at `now`, or null while a row's SLA cannot be computed (its calendar is not
 * known here yet). `urgent` is left to the caller, who knows how many tiles fit.
 */
export function boardOfRows(
  rows: Iterable<TicketRow>,
  statusOf: (row: TicketRow) => SlaStatus | null,
  at: number,
  timeZone: string,
): Omit<BoardSnapshot, 'urgent'> | null {
  const dayStart = dayStartOf(at, timeZone);
  const open: BoardTicket[] = [];
  const completed: BoardTicket[] = [];
  for (const row of rows) {
    const place = boardSetOf(row, dayStart);
    if (!place) continue;
    const status = statusOf(row);
    if (!status) return null;
    (place === 'open' ? open : completed).push({ row, status });
  }
  open.sort(byUrgency);
  return {
    at,
    dayStart,
    timeZone,
    openTotal: open.length,
    ...boardFiguresOf(open, completed, dayStart),
    open: open.map((x) => x.row),
    completedToday: completed.map((x) => x.row),
  };
}
