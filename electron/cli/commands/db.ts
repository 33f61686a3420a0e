// Database commands: integrity check and the list of backups, reading the file without changing it.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listBackups } from '../../core/db/backup';
import { fullCheck } from '../../core/db/check';
import { closeDatabase, openDatabase } from '../../core/db/open';
import { dbFileIn, defaultDataDir } from '../../core/paths';
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
