// The callbacks work queue and the inbox: fed by invoke results, refreshed on pushed events.
import { create } from 'zustand';
import type { CallbackQueue, InboxItem } from '../../../../shared/callbacks/types';
import { call, onEvent } from '../../api';

interface CallbacksState {
  queue: CallbackQueue | null;
  selectedId: string | null;
  load(): Promise<void>;
  select(id: string | null): void;
}

export const useCallbacks = create<CallbacksState>((set) => ({
  queue: null,
  selectedId: null,
  async load() {
    try {
      set({ queue: await call('callbacks.queue', {}) });
    } catch {
      // signed out meanwhile: the next sign-in loads again
    }
  },
  select: (selectedId) => set({ selectedId }),
}));

interface InboxState {
  items: InboxItem[];
  unread: number;
  load(): Promise<void>;
  markRead(ids: string[] | 'all'): Promise<void>;
  clear(): void;
}

export const useInbox = create<InboxState>((set, get) => ({
  items: [],
  unread: 0,
  async load() {
    try {
      const r = await call('inbox.list', {});
      set({ items: r.items, unread: r.unread });
    } catch {
      set({ items: [], unread: 0 });
    }
  },
  async markRead(ids) {
    if (ids !== 'all' && ids.length === 0) return;
    await call('inbox.markRead', { ids });
    await get().load();
  },
  clear: () => set({ items: [], unread: 0 }),
}));

/** Subscribes both stores to the main process's events; returns the unsubscribe. */
export function subscribeCallbacks(): () => void {
  const offs = [
    onEvent('callbacks.changed', () => void useCallbacks.getState().load()),
    onEvent('inbox.changed', () => void useInbox.getState().load()),
    onEvent('session.changed', (e) => {
      useCallbacks.setState({ queue: null, selectedId: null });
      if (e.user) void useInbox.getState().load();
      else useInbox.getState().clear();
    }),
  ];
  return () => offs.forEach((off) => off());
}
