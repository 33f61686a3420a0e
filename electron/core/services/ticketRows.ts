// Reading tickets: one SELECT shape joined with the customer and the assignee, mapped to TicketRow.
import type { CatalogueTarget, Pause, RequestCategory } from '../../../shared/sla';
import type { Channel, Priority, TicketStatus } from '../../../shared/tickets/lifecycle';
import type { Complaint, CustomerTier, TicketRow } from '../../../shared/tickets/types';
import type { Db } from '../db/open';
import { toSummary } from './customers';
import { stmt } from '../db/stmt';

export interface TicketRecord {
  rowid: number;
  id: string;
  number: string;
  customer_id: string;
  type_code: string;
  category: RequestCategory;
  tier: CustomerTier;
  channel: Channel;
  priority: Priority;
  subject: string;
  description: string;
  status: TicketStatus;
  is_open: 0 | 1;
  assignee_id: string | null;
  assignee_name: string | null;
  department_id: string | null;
  target: string;
  created_at: number;
  pauses: string;
  paused_since: number | null;
  due_at: number;
  warning_at: number;
  beyond_known_years: 0 | 1;
  resolved_at: number | null;
  feedback_at: number | null;
  closed_at: number | null;
  overtime_minutes: number | null;
  complaint: string | null;
  updated_at: number;
  c_kind: 'person' | 'company';
  c_name: string;
  c_tier: CustomerTier;
  c_role: 'partner' | 'end_customer';
  c_phones: string;
  /** Only in TICKET_LIVE_SELECT: the seq of the ticket's latest event (see TicketRow.version). */
  version?: number;
}

export const TICKET_SELECT = `
  SELECT t.rowid, t.*, u.display_name AS assignee_name,
         c.kind AS c_kind, c.name AS c_name, c.tier AS c_tier, c.role AS c_role, c.phones AS c_phones
  FROM tickets t
  JOIN customers c ON c.id = t.customer_id
  LEFT JOIN users u ON u.id = t.assignee_id`;

/**
 * TICKET_SELECT plus the ticket's version: the seq of its latest event. Every change of a ticket
 * appends an event (local or replicated from another seat), so the version grows with each change
 * and screens can tell an older row from a newer one. For the reads that feed live screens (one
 * ticket, the open queue, the board); lists that are not kept live skip the lookup.
 */
export const TICKET_LIVE_SELECT = TICKET_SELECT.replace(
  'u.display_name AS assignee_name,',
  'u.display_name AS assignee_name, (SELECT max(e.seq) FROM ticket_events e WHERE e.ticket_id = t.id) AS version,',
);

export function toTicketRow(r: TicketRecord): TicketRow {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    typeCode: r.type_code,
    category: r.category,
    tier: r.tier,
    channel: r.channel,
    priority: r.priority,
    subject: r.subject,
    customer: toSummary({ id: r.customer_id, kind: r.c_kind, name: r.c_name, tier: r.c_tier, role: r.c_role, phones: r.c_phones }),
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
    departmentId: r.department_id,
    sla: {
      target: JSON.parse(r.target) as CatalogueTarget,
      start: r.created_at,
      pauses: JSON.parse(r.pauses) as Pause[],
      pausedSince: r.paused_since,
      feedbackAt: r.feedback_at,
      dueAt: r.due_at,
      warningAt: r.warning_at,
      beyondKnownYears: r.beyond_known_years === 1,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    overtimeMinutes: r.overtime_minutes,
    version: r.version ?? 0,
  };
}

export const complaintOf = (r: TicketRecord): Complaint | null => (r.complaint ? (JSON.parse(r.complaint) as Complaint) : null);

export function findTicket(db: Db, id: string): TicketRecord | undefined {
  return stmt(db, `${TICKET_LIVE_SELECT} WHERE t.id = ?`).get(id) as TicketRecord | undefined;
}

export function openTickets(db: Db): TicketRecord[] {
  return stmt(db, `${TICKET_SELECT} WHERE t.is_open`).all() as TicketRecord[];
}

export function ticketsOfCustomer(db: Db, customerId: string, limit: number): TicketRecord[] {
  return stmt(db, `${TICKET_SELECT} WHERE t.customer_id = ? ORDER BY t.created_at DESC LIMIT ?`).all(customerId, limit) as TicketRecord[];
}

/** The ticket an intake form's request id already created, if any (tickets.create is idempotent). */
export function findTicketByRequestId(db: Db, requestId: string): TicketRecord | undefined {
  return stmt(db, `${TICKET_LIVE_SELECT} WHERE t.request_id = ?`).get(requestId) as TicketRecord | undefined;
}
