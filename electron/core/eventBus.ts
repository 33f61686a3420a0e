// The core's event bus: every pushed event (shared/contract's AppEvent) goes to every listener the
// shell, the e2e bridge or a test attached. A listener that throws is logged and never stops the
// others, nor the write that published the event.
import type { AppEvent } from '../../shared/contract';
import { describeError, type Logger } from './log';

export interface EventBus {
  publish(event: AppEvent): void;
  /**
   * Attaches a listener. `late` events (a problem found before this listener came) are delivered
   * to it alone, right after it attached.
   */
  on(listener: (event: AppEvent) => void, late?: readonly AppEvent[]): () => void;
  clear(): void;
}

export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<(e: AppEvent) => void>();
  const deliver = (listener: (e: AppEvent) => void, e: AppEvent) => {
    try {
      listener(e);
    } catch (err) {
      logger.error('An event listener failed', { event: e.type, ...describeError(err) });
    }
  };
  return {
    publish(e) {
      for (const l of listeners) deliver(l, e);
    },
    on(listener, late = []) {
      listeners.add(listener);
      if (late.length > 0) {
        queueMicrotask(() => {
          if (!listeners.has(listener)) return;
          for (const e of late) deliver(listener, e);
        });
      }
      return () => listeners.delete(listener);
    },
    clear: () => listeners.clear(),
  };
}
