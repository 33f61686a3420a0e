// The queue: every open ticket, kept current in place by the rows that ticket.changed events push
// and that actions return (never re-read after a change), plus the agent's filter, search text
// and selection. The urgency order is computed here with shared/sla.
import { create } from 'zustand';
import { applyTicketRow, loadLiveTickets } from '../../../../shared/tickets/changes';
import type { TicketRow } from '../../../../shared/tickets/types';
import { call, onEvent } from '../../api';
import { resetOnSignOut } from '../../app/store';

export const FILTERS = ['all', 'mine', 'unassigned', 'key', 'atRisk', 'breached', 'waiting'] as const;
export type QueueFilter = (typeof FILTERS)[number];

interface QueueState {
  tickets: ReadonlyMap<string, TicketRow>;
  /** The latest version applied of every ticket, in the queue or not (shared/tickets/changes.ts). */
  seen: ReadonlyMap<string, number>;
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

/** The ids changed while each queue load is on its way (shared/tickets/changes.ts's loadLiveTickets). */
const loading = new Set<Set<string>>();

export const useQueue = create<QueueState>((set, get) => ({
  tickets: new Map(),
  seen: new Map(),
  loaded: false,
  filter: 'all',
  search: '',
  selectedId: null,
  intakeOpen: false,
  async load() {
    const during = new Set<string>();
    loading.add(during);
    try {
      const rows = await call('tickets.queue', {});
      const { rows: tickets, seen } = loadLiveTickets({ rows: get().tickets, seen: get().seen }, rows, during);
      set({ tickets, seen, loaded: true });
    } finally {
      loading.delete(during);
    }
  },
  upsert(row) {
    // Tickets whose feedback was given leave the queue (isOpen); the detail stays open if selected.
    // An older row than one applied already changes nothing.
    const held = { rows: get().tickets, seen: get().seen };
    const next = applyTicketRow(held, row);
    for (const during of loading) during.add(row.id);
    if (next !== held) set({ tickets: next.rows, seen: next.seen });
  },
  setFilter: (filter) => set({ filter }),
  setSearch: (search) => set({ search }),
  select: (selectedId) => set({ selectedId }),
  setIntakeOpen: (intakeOpen) => set({ intakeOpen }),
}));

const initial = { tickets: new Map<string, TicketRow>(), seen: new Map<string, number>(), loaded: false, filter: 'all' as QueueFilter, search: '', selectedId: null, intakeOpen: false };
resetOnSignOut(() => useQueue.setState({ ...initial, tickets: new Map(), seen: new Map() }));

export function followQueueEvents(): () => void {
  return onEvent('ticket.changed', (e) => useQueue.getState().upsert(e.ticket));
}
