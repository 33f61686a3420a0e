// The ticket's lifecycle (seed 000's flow: intake → processing → feedback → record), as data, so
// the main process refuses impossible transitions and the UI offers only the possible ones.
import { roleAllows, type Role } from '../roles';

export const TICKET_STATUSES = ['new', 'accepted', 'in_progress', 'waiting', 'resolved', 'feedback_given', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** In the queue: the SLA clock runs (or is paused) until feedback is given to the customer. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'accepted', 'in_progress', 'waiting', 'resolved'];
export const isOpen = (s: TicketStatus) => OPEN_STATUSES.includes(s);

/** The SLA clock runs in these statuses (unless paused or after feedback): the scheduler arms moments for them. */
export const RUNNING_STATUSES: readonly TicketStatus[] = ['new', 'accepted', 'in_progress'];
export const clockRunning = (t: { status: TicketStatus; pausedSince: number | null; feedbackAt: number | null }) =>
  RUNNING_STATUSES.includes(t.status) && t.pausedSince === null && t.feedbackAt === null;

/**
 * Who may work a ticket: agents their own tickets (and accept unassigned ones), supervisors any.
 * 'ok', or why not: the ticket is someone else's, or it must be accepted first.
 */
export function mayWork(user: { id: string; role: Role }, assigneeId: string | null, action: string): 'ok' | 'notYours' | 'acceptFirst' {
  if (roleAllows(user.role, 'supervisor')) return 'ok';
  if (assigneeId === null && action === 'accept') return 'ok';
  if (assigneeId === user.id) return 'ok';
  return assigneeId ? 'notYours' : 'acceptFirst';
}

export const TICKET_ACTIONS = ['accept', 'start', 'wait', 'resume', 'resolve', 'feedback', 'close', 'reopen'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const TRANSITIONS: Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  /** 受理: the agent takes the ticket; it becomes theirs. */
  accept: { from: ['new'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  /** Waiting on the customer (documents, a call back): the SLA clock pauses. */
  wait: { from: ['accepted', 'in_progress'], to: 'waiting' },
  resume: { from: ['waiting'], to: 'in_progress' },
  resolve: { from: ['accepted', 'in_progress', 'waiting'], to: 'resolved' },
  /** 反馈: the answer reached the customer — the completion standard; the SLA clock stops. */
  feedback: { from: ['resolved'], to: 'feedback_given' },
  close: { from: ['feedback_given'], to: 'closed' },
  /** The customer comes back: the clock runs again, the time in between not counted. */
  reopen: { from: ['resolved', 'feedback_given', 'closed'], to: 'in_progress' },
};

export function allowedActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export const CHANNELS = ['phone', 'walk_in', 'chat', 'email', 'wechat', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
