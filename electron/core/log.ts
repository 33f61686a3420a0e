// A small rotating log file in the data folder: JSON lines, so a support person can grep it and
// a program can read it. Synchronous appends: errors are rare and must survive a crash right after.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock';

export type LogLevel = 'info' | 'warn' | 'error';
export interface Logger {
  log(level: LogLevel, message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  readonly file: string;
}

const MAX_BYTES = 1024 * 1024;
const KEEP = 5;

export function createLogger(dir: string, clock: Clock): Logger {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kefu.log');

  const rotate = () => {
    rmSync(join(dir, `kefu.${KEEP}.log`), { force: true });
    for (let i = KEEP - 1; i >= 1; i--) {
      const from = join(dir, `kefu.${i}.log`);
      if (existsSync(from)) renameSync(from, join(dir, `kefu.${i + 1}.log`));
    }
    renameSync(file, join(dir, 'kefu.1.log'));
  };

  const log = (level: LogLevel, message: string, context?: Record<string, unknown>) => {
    try {
      if (existsSync(file) && statSync(file).size > MAX_BYTES) rotate();
      const line = JSON.stringify({ at: new Date(clock.now()).toISOString(), level, message, ...context });
      appendFileSync(file, line + '\n');
    } catch {
      // Logging must never take the app down; a full or read-only disk is reported elsewhere.
    }
  };
  return {
    file,
    log,
    error: (m, c) => log('error', m, c),
    info: (m, c) => log('info', m, c),
  };
}

export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { error: err.message, name: err.name, stack: err.stack };
  return { error: String(err) };
}
