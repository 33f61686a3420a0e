// FTS upkeep on a timer: automerge is off (migration 005), so index segments are merged in bounded
// steps here (db/maintenance.ts) instead of inside agents' writes.
import { mergeStep } from '../db/maintenance';
import type { Db } from '../db/open';
import { describeError, type Logger } from '../log';

/** Returns the function that stops the timer. `everyMs` 0 turns it off (tests). */
export function startFtsUpkeep(db: Db, logger: Logger, everyMs: number, closing: () => boolean): () => void {
  if (everyMs <= 0) return () => {};
  const timer = setInterval(() => {
    if (closing() || !db.open) return;
    try {
      mergeStep(db);
    } catch (err) {
      logger.error('FTS merge step failed', describeError(err));
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
