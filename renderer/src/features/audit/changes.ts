// An audit entry's before/after as a readable list of field changes: "role: agent → supervisor".
// Pure, so the table, the export and the tests read the same thing.

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a person reads it: text as is, lists joined, objects compact. */
export function shownValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join('、');
  return JSON.stringify(v);
}

/** Fields that changed (or were set, or removed), in the order they first appear. */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const [b, a] = [shownValue(before), shownValue(after)];
    return b === null && a === null ? [] : [{ field: '', before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => ({ field, before: shownValue(b[field]), after: shownValue(a[field]) }))
    .filter((c) => !isRecord(before) || !isRecord(after) || c.before !== c.after);
}

/** i18n keys cannot hold dots (they separate levels): 'user.create' → 'user_create'. */
export const actionKey = (action: string) => `audit.actions.${action.replace(/\./g, '_')}`;
