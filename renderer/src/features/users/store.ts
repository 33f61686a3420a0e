// The users list, refreshed on users.changed events from any window.
import { create } from 'zustand';
import type { UserSummary } from '../../../../shared/types';
import { call, onEvent } from '../../api';
import { resetOnSignOut } from '../../app/store';

interface UsersState {
  users: UserSummary[];
  loading: boolean;
  refresh(): Promise<void>;
}

export const useUsers = create<UsersState>((set) => ({
  users: [],
  loading: false,
  async refresh() {
    set({ loading: true });
    try {
      set({ users: await call('users.list', {}) });
    } finally {
      set({ loading: false });
    }
  },
}));

resetOnSignOut(() => useUsers.setState({ users: [], loading: false }));

export function followUserEvents(): () => void {
  return onEvent('users.changed', () => void useUsers.getState().refresh());
}
