import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logUncaughtErrors, shellLogger } from '../../../../electron/main/crash-log';

afterEach(() => vi.restoreAllMocks());

describe('logUncaughtErrors', () => {
  it("sends uncaught exceptions and rejections to the current logger's error", () => {
    // Capture the listeners instead of installing them on the test runner's own process.
    const registered = new Map<string, (value: unknown) => void>();
    vi.spyOn(process, 'on').mockImplementation(((name: string, listener: (value: unknown) => void) => {
      registered.set(name, listener);
      return process;
    }) as typeof process.on);
    const logger = { error: vi.fn() };
    logUncaughtErrors(() => logger);
    registered.get('uncaughtException')?.(new Error('boom'));
    registered.get('unhandledRejection')?.('nope');
    expect(logger.error).toHaveBeenCalledWith('Uncaught exception in the main process', expect.objectContaining({ error: 'boom', name: 'Error' }));
    expect(logger.error).toHaveBeenCalledWith('Unhandled promise rejection in the main process', { error: 'nope' });
  });
});

describe('shellLogger', () => {
  it('writes JSON lines to kefu.log in the logs folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kefu-shell-log-')), 'logs');
    shellLogger(dir, { now: () => 0 }).error('hello', { n: 1 });
    expect(JSON.parse(readFileSync(join(dir, 'kefu.log'), 'utf8'))).toMatchObject({ level: 'error', message: 'hello', n: 1 });
  });
  it('falls back to stderr when the logs folder cannot be created, instead of crashing the start', () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'kefu-shell-log-')), 'a-file');
    writeFileSync(blocker, '');
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logger = shellLogger(join(blocker, 'logs'), { now: () => 0 });
    logger.error('still heard');
    expect(stderr).toHaveBeenCalledWith('[error] still heard', '');
  });
});
