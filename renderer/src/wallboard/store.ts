// The wall-board's data: one snapshot from the main process, refetched as soon as anything
// changes anywhere (ticket changes, fired moments), at most a few times a second.
import { create } from 'zustand';
import type { BoardSnapshot } from '../../../shared/board';
import { invoke, onEvent } from '../api';

interface BoardState {
  snapshot: BoardSnapshot | null;
  signedOut: boolean;
  load(): Promise<void>;
}

/** Tiles the board can show; the layout decides how many fit. */
export const URGENT_LIMIT = Number(new URLSearchParams(location.search).get('tiles') ?? 60);

export const useBoard = create<BoardState>((set) => ({
  snapshot: null,
  signedOut: false,
  async load() {
    const r = await invoke('board.snapshot', { urgentLimit: URGENT_LIMIT });
    if (r.ok) set({ snapshot: r.value, signedOut: false });
    else if (r.error.code === 'UNAUTHENTICATED') set({ snapshot: null, signedOut: true });
  },
}));

const REFRESH_GAP_MS = 200;

export function followBoardEvents(): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const refresh = () => {
    if (pending) return;
    // Coalesce bursts (a supervisor reassigning ten tickets) into one fetch, within a second.
    const wait = Math.max(0, last + REFRESH_GAP_MS - Date.now());
    pending = setTimeout(() => {
      pending = null;
      last = Date.now();
      void useBoard.getState().load();
    }, wait);
  };
  const offs = [
    onEvent('ticket.changed', refresh),
    onEvent('board.changed', refresh),
    onEvent('session.changed', refresh),
    onEvent('calendars.changed', refresh),
  ];
  // Breaches and warnings happen with time alone: the figures are recounted every 30 s as well.
  const periodic = setInterval(refresh, 30_000);
  return () => {
    offs.forEach((off) => off());
    clearInterval(periodic);
    if (pending) clearTimeout(pending);
  };
}
