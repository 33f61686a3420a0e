// Database commands: integrity check and the list of backups, reading the file without changing it.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backupNow, listBackups } from '../../core/db/backup';
import { applyPendingRestore, stageRestore } from '../../core/services/backups';
import { fullCheck } from '../../core/db/check';
import { closeDatabase, openDatabase } from '../../core/db/open';
import { dbFileIn, defaultDataDir } from '../../core/paths';
import { sessionMarkerFile } from '../../core/db/sessionMarker';
import { printJson, type CliCommand } from './types';

export function dataDirFrom(args: string[]): { dataDir: string; rest: Record<string, string | boolean | undefined> } {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: false });
  return { dataDir: typeof values.data === 'string' ? values.data : defaultDataDir(), rest: values };
}

export const dbCheck: CliCommand = {
  name: 'db check',
  usage: 'db check [--data <dir>]',
  summary: 'integrity, foreign keys and tamper-evident chains of the database, as JSON (exit 1 if not ok)',
  async run(args) {
    const { dataDir } = dataDirFrom(args);
    const file = dbFileIn(dataDir);
    if (!existsSync(file)) throw new Error(`No Kefu Desk database at ${file}.`);
    const db = openDatabase(file, { readonly: true });
    try {
      const report = fullCheck(db, file);
      printJson({ file, ...report });
      return report.ok ? 0 : 1;
    } finally {
      closeDatabase(db);
    }
  },
};

export const dbBackups: CliCommand = {
  name: 'db backups',
  usage: 'db backups [--data <dir>]',
  summary: 'the automatic backups in the data folder, newest first',
  async run(args) {
    const { dataDir } = dataDirFrom(args);
    printJson(listBackups(dataDir).map((b) => ({ ...b, at: new Date(b.at).toISOString() })));
    return 0;
  },
};

export const dbBackup: CliCommand = {
  name: 'db backup',
  usage: 'db backup [--data <dir>]',
  summary: 'makes a backup now (SQLite online backup; the app may keep running)',
  async run(args) {
    const { dataDir } = dataDirFrom(args);
    const file = dbFileIn(dataDir);
    if (!existsSync(file)) throw new Error(`No Kefu Desk database at ${file}.`);
    const db = openDatabase(file, { readonly: true });
    try {
      const b = await backupNow(db, dataDir, 'manual', Date.now());
      printJson({ ...b, at: new Date(b.at).toISOString() });
      return 0;
    } finally {
      closeDatabase(db);
    }
  },
};

export const dbRestore: CliCommand = {
  name: 'db restore',
  usage: 'db restore <backup name> [--data <dir>] [--force]',
  summary: 'puts a backup in place of the database, keeping the current state as a pre-restore backup (close the app first)',
  async run(args) {
    const { dataDir } = dataDirFrom(args);
    const name = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--data');
    if (!name) throw new Error('Name the backup to restore (see `db backups`).');
    const file = dbFileIn(dataDir);
    if (existsSync(sessionMarkerFile(file)) && !args.includes('--force')) {
      throw new Error('Kefu Desk seems to be running on this database (or did not close cleanly): close it first, restore from Settings → Database, or add --force.');
    }
    stageRestore(dataDir, name, Date.now(), null);
    const done = applyPendingRestore(dataDir, file, Date.now());
    printJson(done);
    return 0;
  },
};
