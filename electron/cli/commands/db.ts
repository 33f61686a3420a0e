// Database commands: integrity check, the list of backups, a backup now, and a restore. Every
// command takes the same options (--data, and --force for restore) and opens the file the same way.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backupNow, listBackups } from '../../core/db/backup';
import { applyPendingRestore, stageRestore } from '../../core/services/backups';
import { fullCheck } from '../../core/db/check';
import { closeDatabase, openDatabase, type Db } from '../../core/db/open';
import { dbFileIn, defaultDataDir } from '../../core/paths';
import { sessionMarkerFile } from '../../core/db/sessionMarker';
import { printJson, type CliCommand } from './types';

export function dataDirFrom(args: string[]): { dataDir: string; rest: Record<string, string | boolean | undefined> } {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: false });
  return { dataDir: typeof values.data === 'string' ? values.data : defaultDataDir(), rest: values };
}

interface DbArgs {
  dataDir: string;
  /** The database file in the data folder. */
  file: string;
  positionals: string[];
  force: boolean;
}

/** The options every db command understands: --data <dir>, --force, and positional names. */
function dbArgs(args: string[]): DbArgs {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const dataDir = values.data ?? defaultDataDir();
  return { dataDir, file: dbFileIn(dataDir), positionals, force: values.force ?? false };
}

/** Opens the database read-only for the command (it must exist) and closes it afterwards. */
async function withDatabase<T>(file: string, run: (db: Db) => Promise<T> | T): Promise<T> {
  if (!existsSync(file)) throw new Error(`No Kefu Desk database at ${file}.`);
  const db = openDatabase(file, { readonly: true });
  try {
    return await run(db);
  } finally {
    closeDatabase(db);
  }
}

export const dbCheck: CliCommand = {
  name: 'db check',
  usage: 'db check [--data <dir>]',
  summary: 'integrity, foreign keys and tamper-evident chains of the database, as JSON (exit 1 if not ok)',
  async run(args) {
    const { file } = dbArgs(args);
    return withDatabase(file, (db) => {
      const report = fullCheck(db, file);
      printJson({ file, ...report });
      return report.ok ? 0 : 1;
    });
  },
};

export const dbBackups: CliCommand = {
  name: 'db backups',
  usage: 'db backups [--data <dir>]',
  summary: 'the automatic backups in the data folder, newest first',
  async run(args) {
    const { dataDir } = dbArgs(args);
    printJson(listBackups(dataDir).map((b) => ({ ...b, at: new Date(b.at).toISOString() })));
    return 0;
  },
};

export const dbBackup: CliCommand = {
  name: 'db backup',
  usage: 'db backup [--data <dir>]',
  summary: 'makes a backup now (SQLite online backup; the app may keep running)',
  async run(args) {
    const { dataDir, file } = dbArgs(args);
    return withDatabase(file, async (db) => {
      const b = await backupNow(db, dataDir, 'manual', Date.now());
      printJson({ ...b, at: new Date(b.at).toISOString() });
      return 0;
    });
  },
};

export const dbRestore: CliCommand = {
  name: 'db restore',
  usage: 'db restore <backup name> [--data <dir>] [--force]',
  summary: 'puts a backup in place of the database, keeping the current state as a pre-restore backup (close the app first)',
  async run(args) {
    const { dataDir, file, positionals, force } = dbArgs(args);
    const name = positionals[0];
    if (!name) throw new Error('Name the backup to restore (see `db backups`).');
    if (existsSync(sessionMarkerFile(file)) && !force) {
      throw new Error('Kefu Desk seems to be running on this database (or did not close cleanly): close it first, restore from Settings → Database, or add --force.');
    }
    stageRestore(dataDir, name, Date.now(), null);
    printJson(applyPendingRestore(dataDir, file, Date.now()));
    return 0;
  },
};
