// The backups the core takes by itself: the daily one (looked for at start-up and every hour), the
// manual one an admin asks for, and the copies to another folder (services/backups.ts). One at a
// time; the copying runs in a worker thread (db/backupWorker.ts), close() waits for it.
import type { AppEvent } from '../../../shared/contract';
import type { Clock } from '../clock';
import { backupNow, dailyBackupDue } from '../db/backup';
import type { Db } from '../db/open';
import { describeError, type Logger } from '../log';
import { copyBackupsIfDue } from '../services/backups';
import type { IntegrityWatch } from './integrityWatch';

export interface BackupJobs {
  /** Starts a manual backup after any in flight; `backups.changed` follows. */
  manual(): void;
  /** Waits for the backup in flight, if any. */
  stop(): Promise<void>;
}

export function startBackupJobs(opts: {
  db: Db;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  integrity: IntegrityWatch;
  publish(e: AppEvent): void;
  closing(): boolean;
  /** How often to look whether the daily backup is due; 0 turns the timer off (tests). */
  everyMs: number;
}): BackupJobs {
  const { db, dataDir, clock, logger, integrity } = opts;
  let running: Promise<void> | null = null;
  const daily = () => {
    if (running || opts.closing() || integrity.verdict() === 'damaged' || !db.open || !dailyBackupDue(dataDir, clock.now())) return;
    running = (async () => {
      try {
        integrity.backupTaken((await backupNow(db, dataDir, 'daily', clock.now())).file);
      } catch (err) {
        logger.error('Daily backup failed', { dataDir, ...describeError(err) });
      } finally {
        running = null;
      }
    })();
  };
  const copies = () => {
    if (opts.closing() || !db.open) return;
    try {
      copyBackupsIfDue(db, dataDir, clock.now());
    } catch (err) {
      logger.error('Copying backups failed', describeError(err));
    }
  };
  daily();
  copies();
  const timer =
    opts.everyMs > 0
      ? setInterval(() => {
          daily();
          copies();
        }, opts.everyMs)
      : null;
  timer?.unref();
  return {
    manual() {
      void (async () => {
        if (running) await running;
        running = (async () => {
          try {
            await backupNow(db, dataDir, 'manual', clock.now());
            opts.publish({ type: 'backups.changed' });
          } catch (err) {
            logger.error('Manual backup failed', { dataDir, ...describeError(err) });
          } finally {
            running = null;
          }
        })();
      })();
    },
    async stop() {
      if (timer) clearInterval(timer);
      // The backup is finished (and renamed into place) before the connection it reads goes away.
      if (running) await running;
    },
  };
}
