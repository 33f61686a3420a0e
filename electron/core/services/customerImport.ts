// Importing customers with their assets: rows are staged in memory (the bridge carries at most
// 256 KB per call), checked as a whole — every bad row reported, duplicates by phone and VIN
// against the database and within the file — and applied in ONE transaction or not at all.
import { parseRow, type ColumnMapping, type ParsedRow, type RowProblem } from '../../../shared/customers/importLayout';
import type { Db } from '../db/open';

interface Staged {
  rows: string[][];
  touchedAt: number;
}

/** Staged files per database (tests run several cores in one process). */
const staging = new Map<string, Map<string, Staged>>();
const STALE_MS = 60 * 60 * 1000;

export function stagingOf(db: Db): Map<string, Staged> {
  let m = staging.get(db.name);
  if (!m) staging.set(db.name, (m = new Map()));
  return m;
}

export function stage(db: Db, importId: string, rows: string[][], now: number): number {
  const m = stagingOf(db);
  for (const [id, s] of m) if (now - s.touchedAt > STALE_MS) m.delete(id);
  const s = m.get(importId) ?? { rows: [], touchedAt: now };
  s.rows.push(...rows);
  s.touchedAt = now;
  m.set(importId, s);
  return s.rows.length;
}

export interface ImportCheck {
  total: number;
  valid: ParsedRow[];
  problems: RowProblem[];
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
  for (let i = first; i < rows.length && mapping.name !== undefined; i++) {
    const rowNumber = i + 1;
    const { parsed, problems: rowProblems } = parseRow(rows[i]!, mapping, rowNumber);
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
