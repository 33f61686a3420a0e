// The request-type catalogue, refreshed on catalogue.changed from any window.
import { create } from 'zustand';
import type { RequestType } from '../../../../shared/sla';
import { call, onEvent } from '../../api';

interface CatalogueState {
  types: RequestType[];
  loading: boolean;
  /** Bumped on every refresh, so views that derive from the catalogue (the calculator) recompute. */
  version: number;
  refresh(): Promise<void>;
}

export const useCatalogue = create<CatalogueState>((set, get) => ({
  types: [],
  loading: false,
  version: 0,
  async refresh() {
    set({ loading: true });
    try {
      set({ types: await call('catalogue.list', {}), version: get().version + 1 });
    } finally {
      set({ loading: false });
    }
  },
}));

let followers = 0;
let unsubscribe: (() => void) | null = null;

/** Follows catalogue.changed while at least one view needs it; returns the unfollow. */
export function followCatalogueEvents(): () => void {
  if (followers++ === 0) unsubscribe = onEvent('catalogue.changed', () => void useCatalogue.getState().refresh().catch(() => {}));
  return () => {
    if (--followers === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}
