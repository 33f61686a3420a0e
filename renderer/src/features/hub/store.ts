// The hub's status for the status bar and the settings panel, kept current by pushed events.
import { create } from 'zustand';
import type { HubStatus } from '../../../../shared/hub';
import { call, onEvent } from '../../api';

interface HubStore {
  status: HubStatus | null;
  load(): Promise<void>;
}

export const useHub = create<HubStore>((set) => ({
  status: null,
  async load() {
    set({ status: await call('hub.status', {}) });
  },
}));

export function subscribeHub(): () => void {
  return onEvent('hub.status', (e) => useHub.setState({ status: e.status }));
}
