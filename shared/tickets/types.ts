// Customers and tickets as they cross the IPC bridge.
import type { CatalogueTarget, Pause, RequestCategory } from '../sla';
import type { Channel, Priority, TicketStatus } from './lifecycle';

/** A customer's tier: key accounts get their own targets (the catalogue's keyAccount column). */
export const CUSTOMER_TIERS = ['standard', 'key'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];
export type CustomerRole = 'partner' | 'end_customer';
export type CustomerKind = 'person' | 'company';

export interface Birthday {
  /** Chinese customers often celebrate the lunar (农历) birthday. */
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  year?: number;
}

export interface CustomerSummary {
  id: string;
  kind: CustomerKind;
  name: string;
  tier: CustomerTier;
  role: CustomerRole;
  phones: string[];
}

export interface Customer extends CustomerSummary {
  email: string | null;
  wechat: string | null;
  birthday: Birthday | null;
  contactUserId: string | null;
  contactName: string | null;
  tags: string[];
  notes: string;
  createdAt: number;
  updatedAt: number;
}

/** What the SLA countdown needs; the renderer computes the live state with shared/sla. */
export interface TicketSla {
  target: CatalogueTarget;
  start: number;
  pauses: Pause[];
  pausedSince: number | null;
  feedbackAt: number | null;
  dueAt: number;
  warningAt: number;
  beyondKnownYears: boolean;
}

export interface TicketRow {
  id: string;
  number: string;
  status: TicketStatus;
  typeCode: string;
  category: RequestCategory;
  tier: CustomerTier;
  channel: Channel;
  priority: Priority;
  subject: string;
  customer: CustomerSummary;
  assignee: { id: string; displayName: string } | null;
  departmentId: string | null;
  sla: TicketSla;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  overtimeMinutes: number | null;
  /**
   * Grows with every change of the ticket (its latest event's number in this seat's database), so
   * a screen keeps the newer of two rows that arrive out of order (shared/tickets/changes.ts).
   * 0 in lists that are not kept live (history, search, statistics).
   */
  version: number;
}

export interface Complaint {
  category: string;
  cause: string;
  responsibleDepartmentId: string | null;
  outcome: string;
}

export interface TicketEventView {
  id: string;
  at: number;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  seat: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface TicketDetail extends TicketRow {
  description: string;
  complaint: Complaint | null;
  customerDetail: Customer;
  events: TicketEventView[];
  /** The customer's other tickets, newest first. */
  customerTickets: TicketRow[];
  /** Lifecycle changes made at two seats at once (decided by the sync rules), oldest first. */
  syncConflicts: TicketSyncConflict[];
}

/** Two seats changed a ticket's lifecycle offline: the first in hub order counted, this one did not. */
export interface TicketSyncConflict {
  id: string;
  at: number;
  winnerSeat: string | null;
  loserSeat: string | null;
  /**
   * What the centre kept and what did not take effect: the status and the assignee's name (absent
   * when the losing change did not touch the assignee; null for nobody).
   */
  kept: { status: TicketStatus | null; assignee?: string | null };
  lost: { status: TicketStatus | null; assignee?: string | null };
}

export interface Department {
  id: string;
  names: { zh: string; en: string };
  active: boolean;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'admin';
}
