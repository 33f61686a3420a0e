// One long write at a time holds the database for itself: the customer import applies 50,000 rows
// in ONE transaction on a connection of its own, in slices between turns of the event loop (so it
// can report progress). While it holds the gate nothing else may write: the windows' calls wait in
// order (core.invokeQueued) and run after its commit or rollback, and the core's own writers (the
// scheduler, festival planning, the statistics build, FTS upkeep, the hub sync) wait or skip a turn.
// A writer that forgot to ask fails at once with SQLITE_BUSY (the main connection's busy timeout is
// 0 meanwhile) instead of freezing the app or landing inside the import.

export interface WriteGate {
  readonly held: boolean;
  /** Takes the gate; returns its release. Throws if it is held (one long write at a time). */
  hold(): () => void;
  /** Resolves once the gate is free: at once when it is, else in the order of asking. */
  whenFree(): Promise<void>;
}

export function createWriteGate(hooks: { onHeld?(): void; onFree?(): void } = {}): WriteGate {
  let held = false;
  let waiters: (() => void)[] = [];
  return {
    get held() {
      return held;
    },
    hold() {
      if (held) throw new Error('The database is already held by a long write.');
      held = true;
      hooks.onHeld?.();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held = false;
        hooks.onFree?.();
        const ready = waiters;
        waiters = [];
        for (const w of ready) w();
      };
    },
    whenFree() {
      if (!held) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
