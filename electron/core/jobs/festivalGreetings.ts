// Festival greetings are planned ahead, not from an event: at start (before the scheduler fires
// what fell due while the app was closed), when the PC wakes, and once a day while the app runs.
// Planning is idempotent (name-based callback ids per rule, customer, festival and year), so every
// seat may plan and replication merges the same rows.
import type { AppEvent } from '../../../shared/contract';
import type { CoreDeps } from '../context';
import { describeError, type Logger } from '../log';
import { planFestivalGreetings } from '../services/callbacks';
import { getSetting } from '../services/settings';
import { centreDay } from '../services/ticketNumbers';

export interface FestivalPlanning {
  /** Plans now (idempotent); returns the ids of the greetings created. */
  plan(): string[];
  stop(): void;
}

export function startFestivalPlanning(opts: {
  deps: CoreDeps;
  logger: Logger;
  publish(e: AppEvent): void;
  closing(): boolean;
  /** How often to look whether the day changed since the last planning; 0 turns the timer off. */
  checkEveryMs: number;
}): FestivalPlanning {
  const { deps, logger } = opts;
  let plannedDay: string | null = null;
  // The centre's day, not UTC's: a new day in Shanghai starts at 16:00 UTC.
  const today = (): string | null => {
    const centre = deps.db.open ? getSetting(deps.db, 'centre') : null;
    return centre ? centreDay(deps.clock.now(), centre.timeZone) : null;
  };
  const plan = (): string[] => {
    if (opts.closing() || !deps.db.open) return [];
    // Before set-up there is no centre (no calendar, no customers): nothing to plan.
    const centre = getSetting(deps.db, 'centre');
    if (!centre) return [];
    try {
      const events: AppEvent[] = [];
      const created = deps.db.transaction(() =>
        planFestivalGreetings({ ...deps, user: null, seat: centre.seatCode, emit: (e) => events.push(e) }),
      )();
      plannedDay = today();
      if (created.length) {
        logger.info('Festival greetings planned', { created: created.length });
        deps.rearmScheduler();
        opts.publish({ type: 'callbacks.changed' });
      }
      return created;
    } catch (err) {
      logger.error('Planning festival greetings failed', describeError(err));
      return [];
    }
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  if (opts.checkEveryMs > 0) {
    timer = setInterval(() => {
      if (today() !== plannedDay) plan();
    }, opts.checkEveryMs);
    timer.unref();
  }
  return { plan, stop: () => timer && clearInterval(timer) };
}
