// The selected ticket's full detail, re-read whenever any window changes it.
import { useCallback, useEffect, useState } from 'react';
import type { TicketDetail } from '../../../../shared/tickets/types';
import { call, onEvent } from '../../api';

export function useTicket(id: string): { ticket: TicketDetail | null; error: unknown; reload(): void } {
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    call('tickets.get', { id })
      .then((t) => {
        setTicket(t);
        setError(null);
      })
      .catch(setError);
  }, [id]);
  useEffect(() => {
    setTicket(null);
    reload();
    return onEvent('ticket.changed', (e) => {
      if (e.ticket.id === id) reload();
    });
  }, [id, reload]);
  return { ticket, error, reload };
}
