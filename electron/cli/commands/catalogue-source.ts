// Where the SLA commands read the catalogue and calendars from: a centre database (always opened
// READ-ONLY, so the CLI never changes the data or blocks the app) or, when there is none, the
// defaults a new centre starts with. Every output names the source it used.
import { existsSync } from 'node:fs';
import { DEFAULT_CALENDARS, DEFAULT_CATALOGUE, type CalendarSpec, type RequestType } from '../../../shared/sla';
import { openDatabase, type Db } from '../../core/db/open';
import { dbFileIn } from '../../core/paths';
import { findCalendar, listCalendars } from '../../core/services/calendars';
import { findRequestType, listRequestTypes } from '../../core/services/catalogue';
import { dataDirFrom } from './db';

export interface SlaSource {
  /** "database:<path>" or "defaults". */
  readonly source: string;
  listTypes(): RequestType[];
  findType(code: string): RequestType | null;
  listCalendars(): CalendarSpec[];
  findCalendar(id: string): CalendarSpec | null;
  close(): void;
}

/**
 * `--data <dir>`: that folder's database, which must exist. Without it: the database in
 * $KEFU_DATA_DIR or the app's user-data folder if there is one, else the bundled defaults.
 */
export function openSlaSource(args: string[]): SlaSource {
  const { dataDir, rest } = dataDirFrom(args);
  if (rest.data === true || rest.data === '') throw new Error('--data needs a folder, e.g. --data "C:\\KefuData".');
  const explicit = typeof rest.data === 'string';
  const file = dbFileIn(dataDir);
  if (existsSync(file)) return databaseSource(file);
  if (explicit) throw new Error(`No Kefu Desk database at ${file}.`);
  return defaultsSource();
}

// A plain close, not closeDatabase(): its PRAGMA optimize may decide to ANALYZE, which a read-only
// connection refuses with "attempt to write a readonly database" (after the JSON was printed).
const closeReadOnly = (db: Db) => db.close();

function databaseSource(file: string): SlaSource {
  const db = openDatabase(file, { readonly: true });
  try {
    requireSlaTables(db, file);
  } catch (err) {
    closeReadOnly(db);
    throw err;
  }
  return {
    source: `database:${file}`,
    listTypes: () => listRequestTypes(db),
    findType: (code) => findRequestType(db, code),
    listCalendars: () => listCalendars(db),
    findCalendar: (id) => findCalendar(db, id),
    close: () => closeReadOnly(db),
  };
}

/** A database from before the SLA settings existed cannot be migrated read-only: say so. */
function requireSlaTables(db: Db, file: string): void {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('request_types', 'calendars')`)
    .pluck()
    .all() as string[];
  if (tables.length < 2) {
    throw new Error(`The database ${file} has no SLA settings yet (an older version); open it once in Kefu Desk to upgrade it.`);
  }
}

function defaultsSource(): SlaSource {
  const clone = <T>(v: T): T => structuredClone(v);
  return {
    source: 'defaults',
    listTypes: () => DEFAULT_CATALOGUE.map(clone),
    findType: (code) => clone(DEFAULT_CATALOGUE.find((t) => t.code === code) ?? null),
    listCalendars: () => DEFAULT_CALENDARS.map(clone),
    findCalendar: (id) => clone(DEFAULT_CALENDARS.find((c) => c.id === id) ?? null),
    close: () => {},
  };
}

/** Runs `use` with an open source and always closes it. */
export function withSlaSource<T>(args: string[], use: (source: SlaSource) => T): T {
  const source = openSlaSource(args);
  try {
    return use(source);
  } finally {
    source.close();
  }
}
