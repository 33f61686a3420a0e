// What the windows of this PC may be sent, by who is signed in. A board-only session (a TV PC's
// wallboard sign-in) may not read customers' details: its windows get each changed ticket's row,
// not its detail, which names the customer's e-mail, WeChat, birthday and notes.
import type { AppEvent } from '../../shared/contract';

/** A filter that follows session.changed events as they pass and trims what a board may not see. */
export function sessionEventFilter(): (e: AppEvent) => AppEvent {
  let boardOnly = false;
  return (e) => {
    if (e.type === 'session.changed') boardOnly = e.user?.role === 'wallboard';
    return boardOnly && e.type === 'ticket.changed' ? { type: e.type, ticket: e.ticket } : e;
  };
}
