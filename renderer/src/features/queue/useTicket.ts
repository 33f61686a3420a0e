// The ticket a panel shows: read once when the panel opens (unless an action here already brought
// it), then kept current in place by results and pushed events (ticketDetails.ts).
import { useCallback, useEffect, useState } from 'react';
import type { TicketDetail } from '../../../../shared/tickets/types';
import { call } from '../../api';
import { applyDetail, followTicketDetails, showTicket, useTicketDetails } from './ticketDetails';

export function useTicket(id: string): { ticket: TicketDetail | null; error: unknown; reload(): void } {
  const ticket = useTicketDetails((s) => s.byId.get(id) ?? null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    call('tickets.get', { id })
      .then((t) => {
        applyDetail(t);
        setError(null);
      })
      .catch(setError);
  }, [id]);
  useEffect(() => {
    setError(null);
    const hide = showTicket(id);
    const off = followTicketDetails();
    if (!useTicketDetails.getState().byId.has(id)) reload();
    return () => {
      off();
      hide();
    };
  }, [id, reload]);
  return { ticket, error, reload };
}
