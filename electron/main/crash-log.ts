// Errors nobody caught in the main process go to the log file a support person will read.
// The process keeps running, as Electron's own default does; the log is what makes it fixable.
import type { Clock } from '../core/clock';
import { createLogger, describeError, type Logger } from '../core/log';

export function logUncaughtErrors(logger: () => Pick<Logger, 'error'>): void {
  process.on('uncaughtException', (err) => logger().error('Uncaught exception in the main process', describeError(err)));
  process.on('unhandledRejection', (reason) =>
    logger().error('Unhandled promise rejection in the main process', describeError(reason)),
  );
}

/**
 * The shell's logger until the core's exists (same file). If the logs folder cannot even be
 * created (a read-only or full data folder), it falls back to stderr: the start-up dialog is what
 * tells the person, and it must still get the chance to appear.
 */
export function shellLogger(logsDir: string, clock: Clock): Logger {
  try {
    return createLogger(logsDir, clock);
  } catch (err) {
    const log: Logger['log'] = (level, message, context) => console.error(`[${level}] ${message}`, context ?? '');
    log('error', 'Cannot write the log folder; logging to stderr', { logsDir, ...describeError(err) });
    return { file: '', log, error: (m, c) => log('error', m, c), info: (m, c) => log('info', m, c) };
  }
}
