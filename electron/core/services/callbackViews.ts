// Reading callbacks: one SELECT with everything a screen shows (rule, customer, origin ticket,
// asset, who may not call, who called, the complaint it opened), the work queue by bucket and a
// customer's list. Cancelled callbacks are kept for replication but shown nowhere.
import type { CallbackRule, CallOutcome } from '../../../shared/callbacks/rules';
import type { CallbackView } from '../../../shared/callbacks/types';
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';
import { centreCalendar } from './callbacks';
import { toSummary } from './customers';

interface CallbackRow {
  id: string;
  rule_id: string;
  rule: string;
  due_day: string;
  due_at: number;
  window_end_at: number;
  status: CallbackView['status'];
  attempts: number;
  last_outcome: CallOutcome | null;
  done_at: number | null;
  scores: string | null;
  notes: string;
  c_id: string;
  c_kind: 'person' | 'company';
  c_name: string;
  c_tier: 'standard' | 'key';
  c_role: 'partner' | 'end_customer';
  c_phones: string;
  origin_id: string | null;
  origin_number: string | null;
  asset_id: string | null;
  asset_kind: string | null;
  asset_data: string | null;
  excluded_id: string | null;
  excluded_name: string | null;
  done_by_id: string | null;
  done_by_name: string | null;
  complaint_id: string | null;
  complaint_number: string | null;
}

export const CALLBACK_SELECT = `
  SELECT cb.id, cb.rule_id, r.rule, cb.due_day, cb.due_at, cb.window_end_at, cb.status, cb.attempts, cb.last_outcome, cb.done_at,
         cb.scores, cb.notes, c.id AS c_id, c.kind AS c_kind, c.name AS c_name, c.tier AS c_tier, c.role AS c_role, c.phones AS c_phones,
         o.id AS origin_id, o.number AS origin_number, a.id AS asset_id, a.kind AS asset_kind, a.data AS asset_data,
         xu.id AS excluded_id, xu.display_name AS excluded_name, du.id AS done_by_id, du.display_name AS done_by_name,
         ct.id AS complaint_id, ct.number AS complaint_number
  FROM callbacks cb JOIN callback_rules r ON r.id = cb.rule_id JOIN customers c ON c.id = cb.customer_id
  LEFT JOIN tickets o ON o.id = cb.origin_ticket_id LEFT JOIN customer_assets a ON a.id = cb.asset_id
  LEFT JOIN users xu ON xu.id = cb.excluded_user_id LEFT JOIN users du ON du.id = cb.done_by
  LEFT JOIN tickets ct ON ct.id = cb.complaint_ticket_id`;

function assetLabel(kind: string, data: string): string {
  const a = JSON.parse(data) as Record<string, string | null>;
  if (kind === 'vehicle') return [a.plate, a.model, a.vin].filter(Boolean).join(' · ');
  return [a.number, a.product ?? a.title].filter(Boolean).join(' · ');
}

export function toCallbackView(r: CallbackRow): CallbackView {
  const rule = JSON.parse(r.rule) as CallbackRule;
  return {
    id: r.id,
    rule: { id: r.rule_id, code: rule.code, names: rule.names, script: rule.script, questions: rule.questions, caller: rule.caller },
    customer: toSummary({ id: r.c_id, kind: r.c_kind, name: r.c_name, tier: r.c_tier, role: r.c_role, phones: r.c_phones }),
    originTicket: r.origin_id ? { id: r.origin_id, number: r.origin_number! } : null,
    asset: r.asset_id ? { id: r.asset_id, kind: r.asset_kind as 'vehicle', label: assetLabel(r.asset_kind!, r.asset_data!) } : null,
    dueDay: r.due_day,
    dueAt: r.due_at,
    windowEndAt: r.window_end_at,
    status: r.status,
    attempts: r.attempts,
    lastOutcome: r.last_outcome,
    excludedUser: r.excluded_id ? { id: r.excluded_id, displayName: r.excluded_name! } : null,
    doneBy: r.done_by_id ? { id: r.done_by_id, displayName: r.done_by_name! } : null,
    doneAt: r.done_at,
    scores: r.scores ? (JSON.parse(r.scores) as CallbackView['scores']) : null,
    notes: r.notes,
    complaintTicket: r.complaint_id ? { id: r.complaint_id, number: r.complaint_number! } : null,
  };
}

export function findCallback(db: Db, id: string): CallbackView | null {
  const r = stmt(db, `${CALLBACK_SELECT} WHERE cb.id = ?`).get(id) as CallbackRow | undefined;
  return r ? toCallbackView(r) : null;
}

/** Pending callbacks: past their window, due by the end of today, and the next 14 days. */
export function callbackQueue(db: Db, now: number) {
  const calendar = centreCalendar(db);
  const today = calendar.dayOf(now);
  const rows = stmt(db, `${CALLBACK_SELECT} WHERE cb.status = 'pending' AND cb.due_at < ? ORDER BY cb.due_at, cb.id LIMIT 2000`)
    .all(calendar.dayAt(today.day + 15).start) as CallbackRow[];
  const views = rows.map(toCallbackView);
  return {
    overdue: views.filter((v) => v.windowEndAt < now),
    dueToday: views.filter((v) => v.windowEndAt >= now && v.dueAt < today.end),
    upcoming: views.filter((v) => v.dueAt >= today.end),
  };
}

export function callbacksOfCustomer(db: Db, customerId: string): CallbackView[] {
  return (stmt(db, `${CALLBACK_SELECT} WHERE cb.customer_id = ? AND cb.status <> 'cancelled' ORDER BY cb.due_at DESC LIMIT 100`).all(customerId) as CallbackRow[]).map(toCallbackView);
}
