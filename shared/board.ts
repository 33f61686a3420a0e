// The wall-board's picture of the centre today, computed in the main process.
import type { TicketRow } from './tickets/types';

export interface BoardFigures {
  /** New tickets nobody has accepted yet. */
  waiting: number;
  /** Accepted or being worked on. */
  inProgress: number;
  /** Waiting on the customer: the clock is paused. */
  paused: number;
  /** Past the warning point, not yet breached. */
  atRisk: number;
  /** Open and past due now. */
  breachedOpen: number;
  /** Breaches of the day: open breached tickets due today, plus today's late feedback. */
  breachedToday: number;
  /** Feedback given today (the completion standard). */
  completedToday: number;
  /** Share of today's completed tickets that were on time, 0–100; null before the first one. */
  compliance: number | null;
  /** Mean SLA-clock time from intake to feedback of today's completed tickets, ms. */
  averageHandlingMs: number | null;
  openComplaints: number;
}

export interface AgentLoad {
  id: string;
  displayName: string;
  open: number;
  breached: number;
  completedToday: number;
}

export interface BoardSnapshot {
  at: number;
  dayStart: number;
  /** The centre's zone, in which "today" starts. */
  timeZone: string;
  figures: BoardFigures;
  agents: AgentLoad[];
  /** The most urgent open tickets, most urgent first. */
  urgent: TicketRow[];
  openTotal: number;
  /**
   * Every open ticket (most urgent first) and today's completed ones: what the figures were
   * computed from, so the board window applies pushed changes to them and recomputes the figures
   * with shared/boardFigures.ts instead of asking for a new snapshot.
   */
  open: TicketRow[];
  completedToday: TicketRow[];
}
