// Statistics upkeep without the app: rebuild the facts cache and its rollups from the tickets and
// their events (they are derived data; the app also rebuilds them by itself when missing or stale).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LATEST_VERSION, currentVersion } from '../../core/db/migrations';
import { closeDatabase, openDatabase } from '../../core/db/open';
import { dbFileIn, defaultDataDir } from '../../core/paths';
import { rebuildFacts } from '../../core/services/statsFacts';
import { printJson, type CliCommand } from './types';

export const statsRebuild: CliCommand = {
  name: 'stats rebuild',
  usage: 'stats rebuild [--data <dir>]',
  summary: 'drops and rebuilds the statistics cache (facts, day and month rollups) from the tickets; the app must be closed',
  async run(args) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' } } });
    const file = dbFileIn(values.data ?? defaultDataDir());
    if (!existsSync(file)) throw new Error(`No Kefu Desk database at ${file}.`);
    const db = openDatabase(file);
    try {
      if (currentVersion(db) !== LATEST_VERSION) throw new Error(`The database is at schema ${currentVersion(db)}, this Kefu Desk at ${LATEST_VERSION}: start the app once to update it.`);
      const t0 = performance.now();
      const tickets = rebuildFacts(db, Date.now());
      printJson({ tickets, rollupRows: db.prepare('SELECT count(*) FROM stats_rollup').pluck().get(), ms: Math.round(performance.now() - t0) });
      return 0;
    } finally {
      closeDatabase(db);
    }
  },
};
