// Archive commands: make a month's archive and verify one, without the app.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, openDatabase } from '../../core/db/open';
import { archivesDirIn, createArchive } from '../../core/services/archive/create';
import { verifyArchive } from '../../core/services/archive/verify';
import { dbFileIn, defaultDataDir } from '../../core/paths';
import { verifyProblemText } from '../../../shared/archiveProblems';
import { cliLanguage } from '../language';
import { printJson, type CliCommand } from './types';

export const archiveVerify: CliCommand = {
  name: 'archive verify',
  usage: 'archive verify <folder|zip> [--data <dir>]',
  summary: 'checks every checksum, the counts and the chain heads of an archive; with --data also against that database (exit 1 if not ok)',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true });
    const source = positionals[0];
    if (!source) throw new Error('Name the archive folder or zip: archive verify <folder|zip>.');
    let live = null;
    if (typeof values.data === 'string') {
      const file = dbFileIn(values.data);
      if (!existsSync(file)) throw new Error(`No Kefu Desk database at ${file}.`);
      live = openDatabase(file, { readonly: true });
    }
    try {
      const report = await verifyArchive(resolve(source), { live });
      const language = cliLanguage();
      // The problems as sentences in the CLI's language; the keys stay for scripts.
      printJson({ ...report, problems: report.problems.map((p) => ({ ...p, message: verifyProblemText(p, language) })) });
      return report.ok ? 0 : 1;
    } finally {
      if (live) closeDatabase(live);
    }
  },
};

export const archiveCreate: CliCommand = {
  name: 'archive create',
  usage: 'archive create --month YYYY-MM [--out <dir>] [--data <dir>]',
  summary: 'closes a month: writes kefu-archive-<SEAT>-<YYYY-MM>/ and its .zip (default into <data>/archives)',
  async run(args) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } } });
    const dataDir = values.data ?? defaultDataDir();
    const dbFile = dbFileIn(dataDir);
    if (!existsSync(dbFile)) throw new Error(`No Kefu Desk database at ${dbFile}.`);
    if (!values.month) throw new Error('Give the month: --month YYYY-MM.');
    const created = await createArchive({
      dbFile,
      month: values.month,
      targetDir: resolve(values.out ?? archivesDirIn(dataDir)),
      createdBy: 'cli',
      createdAt: Date.now(),
      appVersion: process.env.npm_package_version ?? '0.0.0',
    });
    printJson(created);
    return 0;
  },
};
