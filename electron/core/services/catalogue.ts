// The request-type catalogue as stored. Tickets copy the target they were given at intake, so a
// change here applies to tickets created afterwards only.
import type { RequestType } from '../../../shared/sla';
import type { Db } from '../db/open';
import { stmt, pluck } from '../db/stmt';

export function listRequestTypes(db: Db): RequestType[] {
  return (pluck(db, 'SELECT spec FROM request_types ORDER BY position, code').all() as string[]).map(
    (s) => JSON.parse(s) as RequestType,
  );
}

export function findRequestType(db: Db, code: string): RequestType | null {
  const spec = pluck(db, 'SELECT spec FROM request_types WHERE code = ?').get(code) as string | undefined;
  return spec ? (JSON.parse(spec) as RequestType) : null;
}

export function saveRequestType(db: Db, type: RequestType, at: number, by: string): void {
  stmt(db,
    `INSERT INTO request_types (code, spec, position, updated_at, updated_by)
     VALUES (?, ?, (SELECT coalesce(max(position), 0) + 10 FROM request_types), ?, ?)
     ON CONFLICT (code) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(type.code, JSON.stringify(type), at, by);
}
