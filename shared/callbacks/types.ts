// Callbacks and the inbox as they cross the IPC bridge.
import type { AssetKind } from '../customers/assets';
import type { CustomerSummary } from '../tickets/types';
import type { CallbackRule, CallbackStatus, CallOutcome } from './rules';

export interface StoredCallbackRule {
  id: string;
  rule: CallbackRule;
  updatedAt: number;
}

export interface CallbackView {
  id: string;
  rule: { id: string; code: string; names: { zh: string; en: string }; script: string; questions: string[]; caller: CallbackRule['caller'] };
  customer: CustomerSummary;
  originTicket: { id: string; number: string } | null;
  asset: { id: string; kind: AssetKind; label: string } | null;
  dueDay: string;
  dueAt: number;
  windowEndAt: number;
  status: CallbackStatus;
  attempts: number;
  lastOutcome: CallOutcome | null;
  /** Who served the customer and so may not make this call. */
  excludedUser: { id: string; displayName: string } | null;
  doneBy: { id: string; displayName: string } | null;
  doneAt: number | null;
  scores: { question: string; score: number }[] | null;
  notes: string;
  complaintTicket: { id: string; number: string } | null;
}

export interface CallbackQueue {
  overdue: CallbackView[];
  dueToday: CallbackView[];
  upcoming: CallbackView[];
}

export interface InboxItem {
  id: string;
  kind: string;
  createdAt: number;
  caughtUp: boolean;
  read: boolean;
  ticket: { id: string; number: string } | null;
  callback: { id: string; ruleNames: { zh: string; en: string } } | null;
  customerName: string | null;
}
