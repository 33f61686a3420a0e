// The wall-board's data: one snapshot from the main process when the board opens (and after a
// sign-in, a calendar change or a catch-up from the hub), then kept current here: every
// ticket.changed event's row is applied to the snapshot's open and completed tickets, and the
// figures are recomputed with the same function the main process uses (shared/boardFigures.ts),
// at most a few times a second, and every 30 s for what time alone changes (warnings, breaches).
import { create } from 'zustand';
import type { BoardSnapshot } from '../../../shared/board';
import { boardOfRows, boardSetOf, dayStartOf } from '../../../shared/boardFigures';
import { applyTicketRow, loadLiveTickets, type LiveTickets } from '../../../shared/tickets/changes';
import { ticketSlaStatus } from '../../../shared/tickets/sla';
import type { TicketRow } from '../../../shared/tickets/types';
import { invoke, onEvent } from '../api';
import { useCompiledCalendars } from '../app/calendars';

interface BoardState {
  snapshot: BoardSnapshot | null;
  signedOut: boolean;
  /** The open tickets and today's completed ones the snapshot was computed from, with versions. */
  held: LiveTickets;
  load(): Promise<void>;
  /** Applies one changed ticket's row; the figures follow at the next recompute. */
  apply(row: TicketRow): void;
  /** The snapshot at `now` from the held rows; false when a calendar is not known here yet. */
  recompute(now: number): boolean;
}

/** Tiles the board can show; the layout decides how many fit. */
export const URGENT_LIMIT = Number(new URLSearchParams(location.search).get('tiles') ?? 60);

const heldOf = (s: BoardSnapshot): LiveTickets => {
  const rows = new Map<string, TicketRow>();
  for (const r of [...s.open, ...s.completedToday]) rows.set(r.id, r);
  return { rows, seen: new Map([...rows.values()].map((r) => [r.id, r.version])) };
};

/** Open, or completed today: the two sets the figures count; anything else leaves the board. */
const onBoard = (timeZone: string) => (r: TicketRow) => boardSetOf(r, dayStartOf(Date.now(), timeZone)) !== null;

/** The ids changed while each snapshot is on its way. */
const loading = new Set<Set<string>>();

export const useBoard = create<BoardState>((set, get) => ({
  snapshot: null,
  signedOut: false,
  held: { rows: new Map(), seen: new Map() },
  async load() {
    const during = new Set<string>();
    loading.add(during);
    try {
      const r = await invoke('board.snapshot', { urgentLimit: URGENT_LIMIT });
      if (r.ok) {
        // Changes that arrived while the snapshot was on its way stand if newer (shared/tickets/changes.ts).
        const fresh = heldOf(r.value);
        const held = during.size ? loadLiveTickets(get().held, [...fresh.rows.values()], during, onBoard(r.value.timeZone)) : fresh;
        set({ snapshot: r.value, signedOut: false, held });
        if (during.size) get().recompute(Date.now());
      } else if (r.error.code === 'UNAUTHENTICATED') set({ snapshot: null, signedOut: true, held: { rows: new Map(), seen: new Map() } });
    } finally {
      loading.delete(during);
    }
  },
  apply(row) {
    for (const during of loading) during.add(row.id);
    const s = get().snapshot;
    if (!s) return;
    const held = applyTicketRow(get().held, row, onBoard(s.timeZone));
    if (held !== get().held) set({ held });
  },
  recompute(now) {
    const s = get().snapshot;
    if (!s) return true;
    const { compiled } = useCompiledCalendars.getState();
    const statusOf = (row: TicketRow) => {
      const calendar = compiled.get(row.sla.target.calendarId);
      return calendar ? ticketSlaStatus(calendar, row.sla, now) : null;
    };
    const board = boardOfRows(get().held.rows.values(), statusOf, now, s.timeZone);
    if (!board) return false;
    const urgent = board.open.slice(0, URGENT_LIMIT);
    // The tiles keep their row objects while unchanged, so React leaves them alone.
    const same = urgent.length === s.urgent.length && urgent.every((r, i) => r === s.urgent[i]);
    set({ snapshot: { ...board, urgent: same ? s.urgent : urgent } });
    return true;
  },
}));

const RECOMPUTE_GAP_MS = 200;

export function followBoardEvents(): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  let reload = false;
  const schedule = (fetch: boolean) => {
    reload ||= fetch;
    if (pending) return;
    // Coalesce bursts (a supervisor reassigning ten tickets) into one recompute, within a second.
    const wait = Math.max(0, last + RECOMPUTE_GAP_MS - Date.now());
    pending = setTimeout(() => {
      pending = null;
      last = Date.now();
      const board = useBoard.getState();
      // A calendar this window does not know yet: the main process computes the figures.
      if (reload || !board.recompute(Date.now())) void board.load();
      reload = false;
    }, wait);
  };
  const offs = [
    onEvent('ticket.changed', (e) => {
      useBoard.getState().apply(e.ticket);
      schedule(false);
    }),
    // A moment fired, or a batch from another seat was applied (its tickets came one by one).
    onEvent('board.changed', () => schedule(false)),
    onEvent('session.changed', () => schedule(true)),
    onEvent('calendars.changed', () => schedule(true)),
    onEvent('hub.caughtUp', () => schedule(true)),
  ];
  // Breaches and warnings happen with time alone: the figures are recounted every 30 s as well.
  const periodic = setInterval(() => schedule(false), 30_000);
  return () => {
    offs.forEach((off) => off());
    clearInterval(periodic);
    if (pending) clearTimeout(pending);
  };
}

