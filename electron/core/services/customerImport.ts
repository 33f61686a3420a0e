// Importing customers with their assets: the file is uploaded in parts and read into rows in memory
// (the bridge carries at most 256 KB per call; tests and tools may stage rows directly), checked as a whole — every bad row reported, duplicates by phone and VIN
// against the database and within the file — and applied in ONE transaction or not at all.
import { parseRow, type ColumnMapping, type ParsedRow, type RowProblem } from '../../../shared/customers/importLayout';
import { ImportFileError } from '../../../shared/customers/importFile';
import { DomainError } from '../../../shared/result';
import type { Db } from '../db/open';
import { readUploadedFile } from './customerImportFile';

/** What an uploaded file's reading has come to (import.status). */
export interface ReadState {
  state: 'uploading' | 'reading' | 'read' | 'failed';
  fraction: number;
  rows: number;
  kind: 'xlsx' | 'csv' | null;
  error: { messageKey: string; message: string } | null;
}

interface Staged {
  rows: string[][];
  touchedAt: number;
  /** The file's bytes as uploaded, part by part, until it is read into rows. */
  parts: Buffer[];
  read: ReadState;
}

/** Staged files per database (tests run several cores in one process). */
const staging = new Map<string, Map<string, Staged>>();
const STALE_MS = 60 * 60 * 1000;
/** An .xlsx of 50,000 rows is ~7 MB, a CSV of them ~15 MB; anything far bigger is not a customer list. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export function stagingOf(db: Db): Map<string, Staged> {
  let m = staging.get(db.name);
  if (!m) staging.set(db.name, (m = new Map()));
  return m;
}

function staged(db: Db, importId: string, now: number): Staged {
  const m = stagingOf(db);
  for (const [id, s] of m) if (now - s.touchedAt > STALE_MS) m.delete(id);
  const s = m.get(importId) ?? { rows: [], touchedAt: now, parts: [], read: { state: 'read', fraction: 1, rows: 0, kind: null, error: null } };
  s.touchedAt = now;
  m.set(importId, s);
  return s;
}

export function stage(db: Db, importId: string, rows: string[][], now: number): number {
  const s = staged(db, importId, now);
  s.rows.push(...rows);
  s.read.rows = s.rows.length;
  return s.rows.length;
}

/** Appends part `part` (0-based, in order) of a file's bytes; returns the bytes received so far. */
export function uploadPart(db: Db, importId: string, part: number, bytes: Buffer, now: number): number {
  const s = staged(db, importId, now);
  if (part === 0) {
    s.parts = [];
    s.rows = [];
    s.read = { state: 'uploading', fraction: 0, rows: 0, kind: null, error: null };
  }
  if (s.read.state !== 'uploading' || part !== s.parts.length) {
    throw new DomainError('CONFLICT', 'errors.importUploadOrder', `Part ${part} of import ${importId} came out of order (expected ${s.parts.length}).`, { part, expected: s.parts.length });
  }
  const received = s.parts.reduce((n, b) => n + b.length, 0) + bytes.length;
  if (received > MAX_UPLOAD_BYTES) {
    stagingOf(db).delete(importId);
    throw new DomainError('VALIDATION', 'errors.importTooBig', `The file is over ${MAX_UPLOAD_BYTES} bytes.`, { limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
  }
  s.parts.push(bytes);
  return received;
}

/** Starts reading the uploaded bytes into rows, beside the registry; import.status follows it. */
export function startReading(db: Db, importId: string, now: number, onError: (err: unknown) => void): ReadState {
  const s = stagingOf(db).get(importId);
  if (!s || s.read.state !== 'uploading') throw new DomainError('NOT_FOUND', 'errors.importNotFound', `No uploaded file for import ${importId}.`, { id: importId });
  s.touchedAt = now;
  const bytes = Buffer.concat(s.parts);
  s.parts = [];
  s.read = { state: 'reading', fraction: 0, rows: 0, kind: null, error: null };
  void readUploadedFile(bytes, (p) => {
    s.read.fraction = p.fraction;
    s.read.rows = p.rows;
  })
    .then(({ kind, rows }) => {
      s.rows = rows;
      s.read = { state: rows.length ? 'read' : 'failed', fraction: 1, rows: rows.length, kind, error: rows.length ? null : { messageKey: 'import.file.empty', message: 'The file holds no data.' } };
    })
    .catch((err: unknown) => {
      s.rows = [];
      const known = err instanceof ImportFileError;
      s.read = { state: 'failed', fraction: 1, rows: 0, kind: null, error: known ? { messageKey: err.messageKey, message: err.message } : { messageKey: 'import.file.badXlsx', message: String(err) } };
      if (!known) onError(err);
    });
  return { ...s.read };
}

export interface ImportCheck {
  total: number;
  valid: ParsedRow[];
  problems: RowProblem[];
}

type RowParse = ReturnType<typeof parseRow>;
/**
 * The rows' parse of the last check, per staged file: the apply checks again inside its own
 * transaction (the database may have changed since), but the file has not, so only the look-ups
 * against the database run twice (parsing 50,000 rows again was 1.5 s of the apply). Keyed by the
 * rows array itself: staging more rows or another file makes it stale (length or identity).
 */
const parses = new WeakMap<string[][], { key: string; length: number; parsed: RowParse[] }>();

function parseAll(rows: string[][], mapping: ColumnMapping, first: number): RowParse[] {
  const key = JSON.stringify([mapping, first]);
  const cached = parses.get(rows);
  if (cached && cached.key === key && cached.length === rows.length) return cached.parsed;
  const parsed: RowParse[] = [];
  for (let i = first; i < rows.length; i++) parsed.push(parseRow(rows[i]!, mapping, i + 1));
  parses.set(rows, { key, length: rows.length, parsed });
  return parsed;
}

/** Every row parsed and checked; problems sorted by row. */
export function checkRows(db: Db, rows: string[][], mapping: ColumnMapping, hasHeader: boolean): ImportCheck {
  const problems: RowProblem[] = [];
  const valid: ParsedRow[] = [];
  const first = hasHeader ? 1 : 0;
  if (mapping.name === undefined) problems.push({ row: hasHeader ? 1 : 0, field: 'name', messageKey: 'import.nameNotMapped', value: '' });
  const phoneOwner = db.prepare('SELECT c.name FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.digits = ? LIMIT 1').pluck();
  const vinOwner = db
    .prepare(
      `SELECT c.name FROM customer_keys k JOIN customers c ON c.id = k.customer_id JOIN customer_assets a ON a.customer_id = c.id AND a.kind = 'vehicle'
       WHERE k.key = lower(?) AND a.data ->> '$.vin' = ? LIMIT 1`,
    )
    .pluck();
  const phonesInFile = new Map<string, number>();
  const vinsInFile = new Map<string, number>();
  const parsedRows = mapping.name === undefined ? [] : parseAll(rows, mapping, first);
  for (let i = 0; i < parsedRows.length; i++) {
    const rowNumber = i + first + 1;
    const { parsed, problems: rowProblems } = parsedRows[i]!;
    problems.push(...rowProblems);
    if (!parsed) continue;
    const dup: RowProblem[] = [];
    for (const d of parsed.phoneDigits) {
      const owner = phoneOwner.get(d) as string | undefined;
      if (owner) dup.push({ row: rowNumber, field: 'phones', messageKey: 'import.duplicatePhone', value: `${d} · ${owner}` });
      const earlier = phonesInFile.get(d);
      if (earlier) dup.push({ row: rowNumber, field: 'phones', messageKey: 'import.duplicatePhoneInFile', value: `${d} · ${earlier}` });
    }
    if (parsed.vin) {
      const owner = vinOwner.get(parsed.vin, parsed.vin) as string | undefined;
      if (owner) dup.push({ row: rowNumber, field: 'vin', messageKey: 'import.duplicateVin', value: `${parsed.vin} · ${owner}` });
      const earlier = vinsInFile.get(parsed.vin);
      if (earlier) dup.push({ row: rowNumber, field: 'vin', messageKey: 'import.duplicateVinInFile', value: `${parsed.vin} · ${earlier}` });
    }
    for (const d of parsed.phoneDigits) if (!phonesInFile.has(d)) phonesInFile.set(d, rowNumber);
    if (parsed.vin && !vinsInFile.has(parsed.vin)) vinsInFile.set(parsed.vin, rowNumber);
    if (dup.length) problems.push(...dup);
    else valid.push(parsed);
  }
  problems.sort((a, b) => a.row - b.row);
  return { total: Math.max(0, rows.length - first), valid, problems };
}
