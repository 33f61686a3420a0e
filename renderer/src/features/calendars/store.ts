// The working calendars, refreshed on calendars.changed from any window.
import { create } from 'zustand';
import type { CalendarSpec } from '../../../../shared/sla';
import { call, onEvent } from '../../api';

interface CalendarsState {
  calendars: CalendarSpec[];
  loading: boolean;
  /** Bumped on every refresh, so views that depend on calendars (the calculator) recompute. */
  version: number;
  refresh(): Promise<void>;
}

export const useCalendars = create<CalendarsState>((set, get) => ({
  calendars: [],
  loading: false,
  version: 0,
  async refresh() {
    set({ loading: true });
    try {
      set({ calendars: await call('calendars.list', {}), version: get().version + 1 });
    } finally {
      set({ loading: false });
    }
  },
}));

let followers = 0;
let unsubscribe: (() => void) | null = null;

/** Follows calendars.changed while at least one view needs it; returns the unfollow. */
export function followCalendarEvents(): () => void {
  if (followers++ === 0) unsubscribe = onEvent('calendars.changed', () => void useCalendars.getState().refresh().catch(() => {}));
  return () => {
    if (--followers === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}
