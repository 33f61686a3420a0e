// The queue: every open ticket, kept current by pushed ticket.changed events, plus the agent's
// filter, search text and selection. The urgency order is computed here with shared/sla.
import { create } from 'zustand';
import { isOpen } from '../../../../shared/tickets/lifecycle';
import type { TicketRow } from '../../../../shared/tickets/types';
import { call, onEvent } from '../../api';
import { resetOnSignOut } from '../../app/store';

export const FILTERS = ['all', 'mine', 'unassigned', 'key', 'atRisk', 'breached', 'waiting'] as const;
export type QueueFilter = (typeof FILTERS)[number];

interface QueueState {
  tickets: Map<string, TicketRow>;
  loaded: boolean;
  filter: QueueFilter;
  search: string;
  selectedId: string | null;
  intakeOpen: boolean;
  load(): Promise<void>;
  upsert(row: TicketRow): void;
  setFilter(filter: QueueFilter): void;
  setSearch(search: string): void;
  select(id: string | null): void;
  setIntakeOpen(open: boolean): void;
}

export const useQueue = create<QueueState>((set, get) => ({
  tickets: new Map(),
  loaded: false,
  filter: 'all',
  search: '',
  selectedId: null,
  intakeOpen: false,
  async load() {
    const rows = await call('tickets.queue', {});
    set({ tickets: new Map(rows.map((r) => [r.id, r])), loaded: true });
  },
  upsert(row) {
    const tickets = new Map(get().tickets);
    // Tickets whose feedback was given leave the queue; the detail stays open if selected.
    if (isOpen(row.status)) tickets.set(row.id, row);
    else tickets.delete(row.id);
    set({ tickets });
  },
  setFilter: (filter) => set({ filter }),
  setSearch: (search) => set({ search }),
  select: (selectedId) => set({ selectedId }),
  setIntakeOpen: (intakeOpen) => set({ intakeOpen }),
}));

const initial = { tickets: new Map<string, TicketRow>(), loaded: false, filter: 'all' as QueueFilter, search: '', selectedId: null, intakeOpen: false };
resetOnSignOut(() => useQueue.setState({ ...initial, tickets: new Map() }));

export function followQueueEvents(): () => void {
  return onEvent('ticket.changed', (e) => useQueue.getState().upsert(e.ticket));
}
