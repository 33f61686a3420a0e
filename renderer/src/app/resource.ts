// One resource store: a list method of the contract plus the pushed event that makes it stale.
// Views read the value, the first view that needs it loads it, and while any view follows it
// every window refreshes it on the event. The catalogue, calendars, deduction rules and users
// are such resources; each was a copy of this code before.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { AppEventType, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { call, onEvent } from '../api';
import { resetOnSignOut } from './store';

export interface ResourceState<T> {
  value: T;
  loaded: boolean;
  loading: boolean;
  /** Bumped on every refresh, so views that derive from the value (the due calculator) recompute. */
  version: number;
  refresh(): Promise<void>;
}

export type ResourceStore<T> = UseBoundStore<StoreApi<ResourceState<T>>> & {
  /** Loads once, for a view that only reads (no-op when loaded or loading). */
  ensure(): void;
  /** Refreshes on the event while at least one view follows; returns the unfollow. */
  follow(): () => void;
};

/** `empty` is the value until the first load: an empty list, or null for a document. */
export function createResource<M extends MethodName, E extends MethodOutput<M> | null = MethodOutput<M>>(
  method: M,
  event: AppEventType,
  empty: E,
  options: { forgetOnSignOut?: boolean } = {},
): ResourceStore<MethodOutput<M> | E> {
  const store = create<ResourceState<MethodOutput<M> | E>>((set, get) => ({
    value: empty,
    loaded: false,
    loading: false,
    version: 0,
    async refresh() {
      set({ loading: true });
      try {
        set({ value: await call(method, {} as MethodInput<M>), loaded: true, version: get().version + 1 });
      } finally {
        set({ loading: false });
      }
    },
  }));
  // Per-user data (the users list) is not left on screen for the next person.
  if (options.forgetOnSignOut) resetOnSignOut(() => store.setState({ value: empty, loaded: false, loading: false }));
  let followers = 0;
  let unsubscribe: (() => void) | null = null;
  return Object.assign(store, {
    ensure() {
      const s = store.getState();
      if (!s.loaded && !s.loading) void s.refresh().catch(() => {});
    },
    follow() {
      if (followers++ === 0) unsubscribe = onEvent(event, () => void store.getState().refresh().catch(() => {}));
      return () => {
        if (--followers === 0) {
          unsubscribe?.();
          unsubscribe = null;
        }
      };
    },
  });
}
