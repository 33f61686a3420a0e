// Statistics: a large centre's facts cache (and its rollups) is built in slices from start-up,
// between turns of the event loop, off the request path (services/statsFacts.ts).
import type { Db } from '../db/open';
import { describeError, type Logger } from '../log';
import { prepareFactsAtStart, setFactsBuildHooks, stopFactsBuild } from '../services/statsFacts';

/** Returns the function that stops a build still running. `enabled` false leaves it to the first call. */
export function startStatsBuild(db: Db, logger: Logger, now: () => number, enabled: boolean, held?: () => Promise<void> | null): () => void {
  setFactsBuildHooks(db, {
    held,
    onDone: (tickets) => logger.info('Statistics cache built', { tickets }),
    onError: (err) => logger.error('Building the statistics cache failed', describeError(err)),
  });
  try {
    if (enabled && prepareFactsAtStart(db, now)) logger.info('Building the statistics cache in the background', {});
  } catch (err) {
    logger.error('Could not start building the statistics cache', describeError(err));
  }
  return () => stopFactsBuild(db);
}
