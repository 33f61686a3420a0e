// When the core cannot start, a person must learn why and what they can do — in Chinese and in
// English, because the language preference lives in the database that just failed to open.
// A damaged database can be replaced by the latest backup (the damaged file is kept, renamed);
// nothing here ever deletes data.
import { dialog } from 'electron';
import { CoreStartError } from '../core/errors';
import type { Logger } from '../core/log';

export interface StartFailureDialog {
  type: 'error' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** Index of the "restore" button, or null when only quitting is possible. */
  restoreIndex: number | null;
  cancelIndex: number;
}

const TITLE = '客服台 Kefu Desk';
const QUIT = '退出 / Quit';

/** Local time, minutes precision: what the person remembers of "yesterday evening's backup". */
export function formatBackupTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The dialog for a start failure. `backupUsable` is false when the latest backup was already
 * restored and failed too: offering it again would loop.
 */
export function startFailureDialog(err: unknown, dbFile: string, backupUsable = true, formatTime = formatBackupTime): StartFailureDialog {
  const quitOnly = (message: string, detail: string): StartFailureDialog => ({
    type: 'error',
    title: TITLE,
    message,
    detail,
    buttons: [QUIT],
    restoreIndex: null,
    cancelIndex: 0,
  });
  if (!(err instanceof CoreStartError)) {
    const why = err instanceof Error ? err.message : String(err);
    return quitOnly(
      '客服台无法启动 / Kefu Desk could not start',
      `${why}\n\n数据没有被更改。请联系技术支持，并提供数据文件夹中 logs 目录下的日志。\n` +
        `No data was changed. Please contact support with the log from the "logs" folder in the data folder.`,
    );
  }
  switch (err.problem) {
    case 'DB_DAMAGED': {
      const backup = backupUsable ? err.latestBackup : null;
      if (!backup) {
        return quitOnly(
          '数据库已损坏 / The database is damaged',
          `客服台无法打开数据文件：\n${dbFile}\n没有可用的备份。文件没有被更改，请联系技术支持。\n\n` +
            `Kefu Desk cannot open its data file (above) and there is no usable backup. ` +
            `The file has not been changed; please contact support.`,
        );
      }
      const at = formatTime(backup.at);
      return {
        type: 'warning',
        title: TITLE,
        message: '数据库已损坏 / The database is damaged',
        detail:
          `客服台无法打开数据文件：\n${dbFile}\n可以用 ${at} 的最新备份恢复。损坏的文件会改名保留，不会删除；备份之后的更改将缺失。\n\n` +
          `Kefu Desk cannot open its data file (above). You can restore the latest backup, from ${at}. ` +
          `The damaged file is kept under a new name, never deleted; changes made after the backup will be missing.`,
        buttons: [`恢复 ${at} 的最新备份 / Restore the latest backup from ${at}`, QUIT],
        restoreIndex: 0,
        cancelIndex: 1,
      };
    }
    case 'DB_TOO_NEW':
      return quitOnly(
        '数据库来自更新的版本 / The database is from a newer version',
        `数据文件由更新版本的客服台写入，这个版本无法打开它。请安装最新版本。文件没有被更改。\n${dbFile}\n\n` +
          `The data file was written by a newer version of Kefu Desk, which this version cannot open. ` +
          `Please install the latest version. The file has not been changed.`,
      );
    case 'DB_UNWRITABLE':
      return quitOnly(
        '无法写入数据文件夹 / Cannot write to the data folder',
        `请检查磁盘空间和文件夹权限：\n${dbFile}\n\nPlease check the free disk space and the folder's permissions.`,
      );
  }
}

export interface RecoveryDeps<C> {
  /** Starts the core; throws CoreStartError when the database cannot be used. */
  start(): Promise<C>;
  dbFile: string;
  /** Shows the dialog; resolves with the index of the button chosen. */
  ask(dialog: StartFailureDialog): Promise<number>;
  /** core/db/backup.ts restoreBackup: keeps the damaged file beside the restored one. */
  restore(dbFile: string, backupFile: string, now: number): { keptDamagedAs: string | null };
  now(): number;
  logger: Pick<Logger, 'error' | 'info'>;
}

/** Starts the core, offering to restore a backup while that can help. null: the user quits. */
export async function startCoreWithRecovery<C>(deps: RecoveryDeps<C>): Promise<C | null> {
  const restored = new Set<string>();
  for (;;) {
    try {
      return await deps.start();
    } catch (err) {
      const backup = err instanceof CoreStartError ? err.latestBackup : null;
      const usable = backup !== null && !restored.has(backup.file);
      const spec = startFailureDialog(err, deps.dbFile, usable);
      deps.logger.error('The core could not start', {
        problem: err instanceof CoreStartError ? err.problem : 'UNEXPECTED',
        error: err instanceof Error ? err.message : String(err),
      });
      const choice = await deps.ask(spec);
      if (spec.restoreIndex === null || choice !== spec.restoreIndex || !backup) return null;
      try {
        const { keptDamagedAs } = deps.restore(deps.dbFile, backup.file, deps.now());
        restored.add(backup.file);
        deps.logger.info('Restored the latest backup after a start failure', { backup: backup.file, keptDamagedAs });
      } catch (restoreErr) {
        deps.logger.error('Restoring the backup failed', { backup: backup.file, error: String(restoreErr) });
        await deps.ask(startFailureDialog(restoreErr, deps.dbFile));
        return null;
      }
    }
  }
}

/** The Electron dialog behind `ask`. Native, so it works before any window or page exists. */
export async function askWithNativeDialog(spec: StartFailureDialog): Promise<number> {
  const { response } = await dialog.showMessageBox({
    type: spec.type,
    title: spec.title,
    message: spec.message,
    detail: spec.detail,
    buttons: spec.buttons,
    defaultId: spec.restoreIndex ?? spec.cancelIndex,
    cancelId: spec.cancelIndex,
    noLink: true,
  });
  return response;
}
