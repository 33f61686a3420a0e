// The integrity watch: after a clean shutdown quick_check runs in a worker thread while the app
// works (db/integrityWorker.ts). Until its verdict, the backups taken are not yet restore points;
// if it finds the file damaged they are set aside (never deleted), the problem is logged with the
// latest good backup, and `db.problem` is published — also to windows that attach later.
import type { AppEvent } from '../../../shared/contract';
import { listBackups, quarantineBackup } from '../db/backup';
import { startBackgroundQuickCheck, type BackgroundCheck, type IntegrityOutcome } from '../db/integrityWorker';
import { describeError, type Logger } from '../log';

export type IntegrityVerdict = 'pending' | 'ok' | 'damaged';

export interface IntegrityWatch {
  readonly result: Promise<IntegrityOutcome>;
  verdict(): IntegrityVerdict;
  /** A backup just finished: kept as a restore point only once the file is known to be sound. */
  backupTaken(file: string): void;
  /** The `db.problem` event once damage was found, for a listener that attaches after it. */
  problem(): AppEvent | null;
  /** Stops a check still running; returns whether one was (the close checkpoint must not wait on its reader). */
  abandon(): boolean;
}

export function watchIntegrity(opts: {
  background: boolean;
  dbFile: string;
  dataDir: string;
  startedAt: number;
  logger: Logger;
  publish(e: AppEvent): void;
  closing(): boolean;
}): IntegrityWatch {
  const { dbFile, dataDir, logger } = opts;
  let verdict: IntegrityVerdict = opts.background ? 'pending' : 'ok';
  let problem: AppEvent | null = null;
  /** Backups finished before the verdict: a damaged file's copies are not restore points. */
  const unverified: string[] = [];
  const check: BackgroundCheck | null = opts.background
    ? startBackgroundQuickCheck(dbFile, (message) => logger.error('The background integrity check could not run', { dbFile, message }))
    : null;
  const result: Promise<IntegrityOutcome> = check
    ? check.result.then((outcome) => {
        if (!Array.isArray(outcome)) {
          if (outcome === 'ok') verdict = 'ok';
          unverified.length = 0;
          return outcome;
        }
        verdict = 'damaged';
        // Never deleted: renamed out of the list, so neither offered nor rotating good ones out.
        const quarantined = unverified.splice(0).map((f) => {
          try {
            return quarantineBackup(f);
          } catch (err) {
            logger.error('Could not set aside a backup of the damaged database', { file: f, ...describeError(err) });
            return f;
          }
        });
        const latest = listBackups(dataDir)[0] ?? null;
        logger.error('The background integrity check found the database damaged', {
          dbFile,
          problems: outcome.slice(0, 20),
          problemCount: outcome.length,
          latestBackup: latest?.file ?? null,
          quarantinedBackups: quarantined,
          sessionStartedAt: opts.startedAt,
        });
        problem = { type: 'db.problem', messageKey: 'errors.dbDamagedBackground', latestBackup: latest?.file ?? null };
        if (!opts.closing()) opts.publish(problem);
        return outcome;
      })
    : Promise.resolve('ok');
  return {
    result,
    verdict: () => verdict,
    backupTaken(file) {
      if (verdict === 'damaged') quarantineBackup(file);
      else if (verdict === 'pending') unverified.push(file);
    },
    problem: () => problem,
    abandon() {
      const running = check?.running() ?? false;
      check?.abandon();
      return running;
    },
  };
}
