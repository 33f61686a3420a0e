// The details of the tickets open in a panel (the queue's, the history's, a drill-down's), kept
// current in place: by the result of every action taken here and by the detail each ticket.changed
// event carries (also for changes made at another window or seat). A panel reads tickets.get once,
// when it opens; after that nothing is fetched again. The newer of two arrivals wins
// (shared/tickets/changes.ts), so a late event never rolls a panel back.
import { create } from 'zustand';
import { applyTicketDetail, rowOfDetail } from '../../../../shared/tickets/changes';
import type { TicketDetail } from '../../../../shared/tickets/types';
import { onEvent } from '../../api';
import { resetOnSignOut } from '../../app/store';
import { useQueue } from './store';

interface DetailsState {
  byId: ReadonlyMap<string, TicketDetail>;
}

export const useTicketDetails = create<DetailsState>(() => ({ byId: new Map() }));

/** How many panels show each ticket: only those details are kept. */
const shown = new Map<string, number>();
/** The latest action result here, for the panel about to open on it (a ticket just created). */
let lastResult: TicketDetail | null = null;

resetOnSignOut(() => {
  shown.clear();
  lastResult = null;
  useTicketDetails.setState({ byId: new Map() });
});

/** A panel shows this ticket until the returned function is called. */
export function showTicket(id: string): () => void {
  shown.set(id, (shown.get(id) ?? 0) + 1);
  if (lastResult?.id === id) applyDetail(lastResult);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (shown.get(id) ?? 1) - 1;
    if (left > 0) return void shown.set(id, left);
    shown.delete(id);
    const byId = new Map(useTicketDetails.getState().byId);
    byId.delete(id);
    useTicketDetails.setState({ byId });
  };
}

/** A detail that arrived (tickets.get, an action's result, an event): kept if a panel shows it and it is not older. */
export function applyDetail(detail: TicketDetail): void {
  if (!shown.has(detail.id)) return;
  const { byId } = useTicketDetails.getState();
  const held = byId.get(detail.id) ?? null;
  const next = applyTicketDetail(held, detail);
  if (next !== held && next) useTicketDetails.setState({ byId: new Map(byId).set(detail.id, next) });
}

/** What an action here returned: the queue's row and any panel showing the ticket, without asking again. */
export function applyTicketResult(detail: TicketDetail): TicketDetail {
  useQueue.getState().upsert(rowOfDetail(detail));
  lastResult = detail;
  applyDetail(detail);
  return detail;
}

/** Pushed changes into the panels (the queue follows its own, store.ts). */
export function followTicketDetails(): () => void {
  return onEvent('ticket.changed', (e) => e.detail && applyDetail(e.detail));
}
