import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreBackup } from '../../../../electron/core/db/backup';
import { CoreStartError } from '../../../../electron/core/errors';
import { dialog, resetElectronMock } from '../electron-mock';
import {
  askWithNativeDialog,
  formatBackupTime,
  startCoreWithRecovery,
  startFailureDialog,
  type RecoveryDeps,
} from '../../../../electron/main/startup-failure';

vi.mock('electron', () => import('../electron-mock'));

const DB = '/data/kefu.sqlite';
const AT = Date.UTC(2025, 2, 14, 18, 30);
const backup = { file: '/data/backups/kefu-20250314T183000000Z-daily.sqlite', at: AT };
const damaged = (latest: typeof backup | null = backup) => new CoreStartError('DB_DAMAGED', 'damaged', latest);
const fmt = () => '2025-03-14 18:30';

beforeEach(() => resetElectronMock());

describe('startFailureDialog', () => {
  it('offers to restore the latest backup from its date, or quit, in Chinese and English', () => {
    const d = startFailureDialog(damaged(), DB, true, fmt);
    expect(d.buttons).toEqual(['恢复 2025-03-14 18:30 的最新备份 / Restore the latest backup from 2025-03-14 18:30', '退出 / Quit']);
    expect(d.restoreIndex).toBe(0);
    expect(d.cancelIndex).toBe(1);
    expect(d.message).toContain('数据库已损坏');
    expect(d.message).toContain('The database is damaged');
    expect(d.detail).toContain(DB);
    expect(d.detail).toContain('never deleted');
    expect(d.detail).toContain('不会删除');
  });
  it('only quits for a damaged database without a usable backup', () => {
    for (const d of [startFailureDialog(damaged(null), DB), startFailureDialog(damaged(), DB, false)]) {
      expect(d.buttons).toEqual(['退出 / Quit']);
      expect(d.restoreIndex).toBeNull();
    }
  });
  it('explains a database from a newer version and only quits', () => {
    const d = startFailureDialog(new CoreStartError('DB_TOO_NEW', 'too new'), DB);
    expect(d.message).toMatch(/更新的版本.*newer version/);
    expect(d.buttons).toEqual(['退出 / Quit']);
    expect(d.restoreIndex).toBeNull();
  });
  it('explains an unwritable data folder and only quits', () => {
    const d = startFailureDialog(new CoreStartError('DB_UNWRITABLE', 'read-only'), DB);
    expect(d.message).toContain('Cannot write to the data folder');
    expect(d.restoreIndex).toBeNull();
  });
  it('explains any other failure with its message', () => {
    const d = startFailureDialog(new Error('better_sqlite3.node was compiled against a different Node.js version'), DB);
    expect(d.detail).toContain('compiled against a different Node.js version');
    expect(d.buttons).toEqual(['退出 / Quit']);
  });
  it('formats the backup time as local date and minutes', () =>
    expect(formatBackupTime(new Date(2025, 0, 5, 7, 3).getTime())).toBe('2025-01-05 07:03'));
});

function recovery(start: () => Promise<string>, answers: number[]) {
  const deps: RecoveryDeps<string> & { asked: string[][] } = {
    start: vi.fn(start),
    dbFile: DB,
    asked: [],
    ask: vi.fn(async (d) => {
      deps.asked.push(d.buttons);
      return answers.shift() ?? d.cancelIndex;
    }),
    restore: vi.fn(() => ({ keptDamagedAs: `${DB}.damaged` })),
    now: () => AT + 1000,
    logger: { error: vi.fn(), info: vi.fn() },
  };
  return deps;
}

describe('startCoreWithRecovery', () => {
  it('returns the core when it starts, asking nothing', async () => {
    const deps = recovery(async () => 'core', []);
    await expect(startCoreWithRecovery(deps)).resolves.toBe('core');
    expect(deps.ask).not.toHaveBeenCalled();
  });
  it('restores the backup and retries when the person chooses to', async () => {
    let attempts = 0;
    const deps = recovery(async () => {
      if (attempts++ === 0) throw damaged();
      return 'core';
    }, [0]);
    await expect(startCoreWithRecovery(deps)).resolves.toBe('core');
    expect(deps.restore).toHaveBeenCalledWith(DB, backup.file, AT + 1000);
    expect(deps.start).toHaveBeenCalledTimes(2);
  });
  it('changes nothing and quits when the person chooses Quit', async () => {
    const deps = recovery(async () => Promise.reject(damaged()), [1]);
    await expect(startCoreWithRecovery(deps)).resolves.toBeNull();
    expect(deps.restore).not.toHaveBeenCalled();
  });
  it('does not offer the same backup twice when it is damaged too', async () => {
    const deps = recovery(async () => Promise.reject(damaged()), [0, 0]);
    await expect(startCoreWithRecovery(deps)).resolves.toBeNull();
    expect(deps.restore).toHaveBeenCalledTimes(1);
    expect(deps.asked[1]).toEqual(['退出 / Quit']);
  });
  it('quits after explaining a database from a newer version', async () => {
    const deps = recovery(async () => Promise.reject(new CoreStartError('DB_TOO_NEW', 'v9')), [0]);
    await expect(startCoreWithRecovery(deps)).resolves.toBeNull();
    expect(deps.ask).toHaveBeenCalledTimes(1);
    expect(deps.restore).not.toHaveBeenCalled();
    expect(deps.logger.error).toHaveBeenCalledWith('The core could not start', expect.objectContaining({ problem: 'DB_TOO_NEW' }));
  });
  it('quits, explaining, when the restore itself fails', async () => {
    const deps = recovery(async () => Promise.reject(damaged()), [0]);
    deps.restore = vi.fn(() => {
      throw new Error('ENOSPC: no space left on device');
    });
    await expect(startCoreWithRecovery(deps)).resolves.toBeNull();
    expect(deps.ask).toHaveBeenCalledTimes(2);
  });
  it('with the real restoreBackup, keeps the damaged database beside the restored one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-restore-'));
    const dbFile = join(dir, 'kefu.sqlite');
    const backupFile = join(dir, 'backups', 'kefu-20250314T183000000Z-daily.sqlite');
    mkdirSync(join(dir, 'backups'));
    writeFileSync(dbFile, 'damaged bytes');
    writeFileSync(`${dbFile}-wal`, 'wal bytes');
    writeFileSync(backupFile, 'good bytes');
    let attempts = 0;
    const deps = recovery(async () => {
      if (attempts++ === 0) throw damaged({ file: backupFile, at: AT });
      return 'core';
    }, [0]);
    deps.dbFile = dbFile;
    deps.restore = restoreBackup;
    await expect(startCoreWithRecovery(deps)).resolves.toBe('core');
    expect(readFileSync(dbFile, 'utf8')).toBe('good bytes');
    expect(existsSync(backupFile)).toBe(true);
    const kept = readdirSync(dir).filter((n) => n.includes('.damaged-'));
    expect(kept.map((n) => readFileSync(join(dir, n), 'utf8')).sort()).toEqual(['damaged bytes', 'wal bytes']);
  });
});

describe('askWithNativeDialog', () => {
  it('shows a native message box with Quit as the cancel button', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    const spec = startFailureDialog(damaged(), DB, true, fmt);
    await expect(askWithNativeDialog(spec)).resolves.toBe(1);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: spec.buttons, cancelId: 1, defaultId: 0, type: 'warning', title: '客服台 Kefu Desk' }),
    );
  });
});
