// The conflict rules, in one place. A "concurrent" change is one whose writer had not yet seen
// the hub version of a field (the field was last set, at a hub order after the writer's base, by
// another seat). Every seat applies the same changes in the same hub order, so every seat
// reaches the same decisions and records the same conflicts.
import type { MergeRule } from './declare';

/** The hub version of a row: for each column, [value, hub order that set it, seat that set it]. */
export type ShadowFields = Record<string, [unknown, number, string | null]>;

export interface ChangeFacts {
  changeId: string;
  seq: number;
  base: number;
  seat: string | null;
  row: Record<string, unknown>;
  at: number;
}

/** A ticket's lifecycle: decided by the first change in hub order. */
export const TICKET_LIFECYCLE: readonly string[] = [
  'status', 'assignee_id', 'paused_since', 'pauses', 'due_at', 'warning_at', 'beyond_known_years',
  'resolved_at', 'feedback_at', 'closed_at', 'overtime_minutes',
];
/** Bookkeeping columns: merged like the rest, never reported as a conflict. */
export const QUIET_FIELDS: readonly string[] = ['updated_at', 'updated_by', 'initials'];

export interface ConflictDraft {
  kind: 'ticket.lifecycle' | 'customer.fields';
  winnerSeat: string | null;
  loserSeat: string | null;
  /** For each field: the value kept and the value that lost, with the seats. */
  fields: Record<string, { kept: unknown; lost: unknown }>;
  /** The loser's values of the whole change (a ticket: who tried to take it). */
  lost: Record<string, unknown>;
}

export interface Decision {
  accept: string[];
  conflict: ConflictDraft | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function isConcurrent(shadow: ShadowFields, field: string, c: ChangeFacts): boolean {
  const v = shadow[field];
  return v !== undefined && v[1] > c.base && v[2] !== c.seat;
}

export function decide(rule: MergeRule, shadow: ShadowFields, touched: string[], c: ChangeFacts): Decision {
  if (rule === 'ticket') {
    const life = touched.filter((f) => TICKET_LIFECYCLE.includes(f));
    const racing = life.filter((f) => isConcurrent(shadow, f, c));
    if (racing.length === 0) return { accept: touched, conflict: null };
    // First in hub order wins: the whole lifecycle part of this change is dropped.
    const differing = life.filter((f) => !same(shadow[f]?.[0], c.row[f]));
    const conflict: ConflictDraft | null = differing.length
      ? {
          kind: 'ticket.lifecycle',
          winnerSeat: shadow[racing[0]!]![2],
          loserSeat: c.seat,
          fields: Object.fromEntries(differing.map((f) => [f, { kept: shadow[f]?.[0] ?? null, lost: c.row[f] ?? null }])),
          lost: Object.fromEntries(life.map((f) => [f, c.row[f] ?? null])),
        }
      : null;
    return { accept: touched.filter((f) => !life.includes(f)), conflict };
  }
  if (rule === 'lww-history') {
    // Last in hub order wins, field by field; a field the writer had not seen change is recorded.
    const clashing = touched.filter((f) => !QUIET_FIELDS.includes(f) && isConcurrent(shadow, f, c) && !same(shadow[f]![0], c.row[f]));
    const conflict: ConflictDraft | null = clashing.length
      ? {
          kind: 'customer.fields',
          winnerSeat: c.seat,
          loserSeat: shadow[clashing[0]!]![2],
          fields: Object.fromEntries(clashing.map((f) => [f, { kept: c.row[f] ?? null, lost: shadow[f]![0] }])),
          lost: Object.fromEntries(clashing.map((f) => [f, shadow[f]![0]])),
        }
      : null;
    return { accept: touched, conflict };
  }
  return { accept: touched, conflict: null };
}

/**
 * Two customers registered at different seats with a phone in common, where the later one's
 * writer had not seen the earlier one: a probable duplicate, flagged with a merge action.
 */
export function probableDuplicate(otherCreatedSeq: number, otherSeat: string | null, c: ChangeFacts): boolean {
  return otherCreatedSeq > c.base && otherSeat !== c.seat;
}

/** A unique value held by two rows: the smaller key keeps it, the other gets a suffix. */
export const uniqueSuffix = (value: unknown, pk: string) => `${String(value)}~${pk.slice(-4)}`;
