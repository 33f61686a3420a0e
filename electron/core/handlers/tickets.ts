// The ticket lifecycle: intake, the queue, the detail, transitions, transfer, notes, complaints,
// errors. Every change writes an event in the same transaction and is pushed to every window.
import { DomainError } from '../../../shared/result';
import type { Pause } from '../../../shared/sla';
import { mayWork, TRANSITIONS, type TicketAction } from '../../../shared/tickets/lifecycle';
import type { CallContext, SignedInContext } from '../context';
import { newId } from '../ids';
import { recordAudit } from '../services/audit';
import { insertCustomer } from '../services/customers';
import { findRequestType } from '../services/catalogue';
import { targetFor } from '../services/duePreview';
import { getSetting } from '../services/settings';
import { appendTicketEvent } from '../services/ticketEvents';
import { ticketDetail } from '../services/ticketDetail';
import type { TicketDetail } from '../../../shared/tickets/types';
import { nextTicketNumber } from '../services/ticketNumbers';
import { complaintOf, findTicket, findTicketByRequestId, toTicketRow, type TicketRecord } from '../services/ticketRows';
import { slaCaches, ticketSlaStatus } from '../services/ticketSla';
import { mustGetCustomer } from './customers';
import { syncTicketMoments } from '../scheduler/moments';
import { callbacksForBirthday, callbacksForTicket, cancelReplyChecks } from '../services/callbacks';
import { type ticketMethods } from '../../../shared/contract/tickets';
import type { HandlersOf } from './types';
import { stmt } from '../db/stmt';


function mustFind(ctx: CallContext, id: string): TicketRecord {
  const t = findTicket(ctx.db, id);
  if (!t) throw new DomainError('NOT_FOUND', 'errors.ticketNotFound', `No ticket with id ${id}.`, { id });
  return t;
}

/** shared/tickets/lifecycle.ts's may-work rule, refused with the reason. */
function assertMayWork(ctx: SignedInContext, t: TicketRecord, action: string): void {
  const verdict = mayWork(ctx.user, t.assignee_id, action);
  if (verdict === 'ok') return;
  throw new DomainError(
    'FORBIDDEN',
    verdict === 'notYours' ? 'errors.notYourTicket' : 'errors.acceptFirst',
    verdict === 'notYours' ? `Ticket ${t.number} is assigned to ${t.assignee_name}.` : `Ticket ${t.number} must be accepted first.`,
    { number: t.number, assignee: t.assignee_name ?? '' },
  );
}

/**
 * Reads back the changed ticket, pushes its row and detail to every window and returns the detail,
 * so neither the caller nor any other screen has to ask for it again.
 */
function publish(ctx: CallContext, id: string): TicketDetail {
  const record = findTicket(ctx.db, id)!;
  // Every ticket change passes here, so the scheduler's moments follow it in the same transaction.
  syncTicketMoments(ctx.db, record);
  const detail = ticketDetail(ctx.db, record);
  ctx.emit({ type: 'ticket.changed', ticket: toTicketRow(record), detail });
  return detail;
}

function transition(ctx: SignedInContext, t: TicketRecord, action: TicketAction, note: string | undefined) {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(t.status)) {
    throw new DomainError('CONFLICT', 'errors.ticketTransition', `Ticket ${t.number} is ${t.status}; it cannot be ${action}ed from there.`, {
      number: t.number,
      action,
      status: t.status,
    });
  }
  assertMayWork(ctx, t, action);
  const now = ctx.clock.now();
  let pauses = JSON.parse(t.pauses) as Pause[];
  const change: Record<string, unknown> = { status: rule.to, updated_at: now };
  const closePause = () => {
    if (t.paused_since !== null) pauses = [...pauses, { from: t.paused_since, to: now }];
    change.paused_since = null;
  };
  switch (action) {
    case 'accept':
      change.assignee_id = t.assignee_id ?? ctx.user.id;
      break;
    case 'wait':
      change.paused_since = now;
      break;
    case 'resume':
      closePause();
      break;
    case 'resolve':
      closePause();
      change.resolved_at = now;
      break;
    case 'feedback': {
      change.feedback_at = now;
      const status = ticketSlaStatus(ctx.db, toTicketRow(t).sla, now);
      change.overtime_minutes = Math.round(status.overtimeMinutes * 100) / 100;
      break;
    }
    case 'close':
      change.closed_at = now;
      break;
    case 'reopen':
      // The time between feedback and the customer coming back was not the centre's: not counted.
      if (t.feedback_at !== null) pauses = [...pauses, { from: t.feedback_at, to: now }];
      Object.assign(change, { feedback_at: null, resolved_at: null, closed_at: null, overtime_minutes: null });
      break;
    case 'start':
      break;
  }
  if (pauses.length !== (JSON.parse(t.pauses) as Pause[]).length) {
    change.pauses = JSON.stringify(pauses);
    const caches = slaCaches(ctx.db, JSON.parse(t.target), t.created_at, pauses);
    Object.assign(change, { due_at: caches.dueAt, warning_at: caches.warningAt, beyond_known_years: caches.beyondKnownYears ? 1 : 0 });
  }
  const cols = Object.keys(change);
  stmt(ctx.db, `UPDATE tickets SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => change[c] as never), t.id);
  const before: Record<string, unknown> = { status: t.status };
  if ('assignee_id' in change) before.assigneeId = t.assignee_id;
  if (action === 'feedback' || action === 'close') {
    // Finished service: satisfaction callbacks (3DC…) by rule; once per ticket (unique occasion).
    const planned = callbacksForTicket(ctx, { ...t, assignee_id: (change.assignee_id as string | undefined) ?? t.assignee_id }, 'ticket.closed').length;
    if (planned + (action === 'feedback' ? cancelReplyChecks(ctx, t.id) : 0) > 0) ctx.emit({ type: 'callbacks.changed' });
  }
  appendTicketEvent(ctx, t.id, action, before, {
    status: rule.to,
    ...(change.assignee_id !== undefined && change.assignee_id !== t.assignee_id ? { assigneeId: change.assignee_id } : {}),
    ...(change.overtime_minutes !== undefined && change.overtime_minutes !== null ? { overtimeMinutes: change.overtime_minutes } : {}),
    ...(note ? { note } : {}),
  });
}

export const ticketHandlers: HandlersOf<typeof ticketMethods> = {
  'tickets.create': (input, ctx) => {
    if (input.requestId) {
      const first = findTicketByRequestId(ctx.db, input.requestId);
      if (first) return ticketDetail(ctx.db, first);
    }
    const type = findRequestType(ctx.db, input.typeCode);
    if (!type || !type.active) {
      throw new DomainError('NOT_FOUND', 'errors.requestTypeNotFound', `No active request type with code ${input.typeCode}.`, { code: input.typeCode });
    }
    const now = ctx.clock.now();
    const customer =
      'id' in input.customer
        ? mustGetCustomer(ctx, input.customer.id)
        : insertCustomer(ctx.db, newId(ctx.clock), input.customer.new, now, ctx.user.id);
    if (!('id' in input.customer)) {
      recordAudit(ctx, { action: 'customer.create', subject: customer.id, after: input.customer.new });
      ctx.emit({ type: 'customer.changed', customer });
      if (callbacksForBirthday(ctx, customer.id, customer.birthday).length) ctx.emit({ type: 'callbacks.changed' });
    }
    // The ticket keeps the target it was given: later catalogue changes apply to new tickets only.
    const target = targetFor(type, customer.tier);
    const caches = slaCaches(ctx.db, target, now, []);
    const centre = getSetting(ctx.db, 'centre')!;
    const id = newId(ctx.clock);
    const number = nextTicketNumber(ctx.db, centre.seatCode, now, centre.timeZone);
    const { lastInsertRowid: rowid } = stmt(
      ctx.db,
      `INSERT INTO tickets (id, number, customer_id, type_code, category, tier, channel, priority, subject, description, status,
         target, created_at, created_by, seat, due_at, warning_at, beyond_known_years, updated_at, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, number, customer.id, type.code, type.category, customer.tier, input.channel, input.priority, input.subject, input.description,
      JSON.stringify(target), now, ctx.user.id, centre.seatCode, caches.dueAt, caches.warningAt, caches.beyondKnownYears ? 1 : 0, now, input.requestId ?? null);
    stmt(ctx.db, 'INSERT INTO tickets_fts (rowid, number, subject, description) VALUES (?, ?, ?, ?)').run(rowid, number, input.subject, input.description);
    appendTicketEvent(ctx, id, 'created', null, {
      number,
      status: 'new',
      typeCode: type.code,
      tier: customer.tier,
      channel: input.channel,
      priority: input.priority,
      subject: input.subject,
      target,
      dueAt: caches.dueAt,
    });
    if (callbacksForTicket(ctx, { id, customer_id: customer.id, type_code: type.code, category: type.category, assignee_id: null }, 'ticket.created').length) {
      ctx.emit({ type: 'callbacks.changed' });
    }
    return publish(ctx, id);
  },

  // From memory (services/openQueue.ts), in the shared urgency order.
  'tickets.queue': (_input, ctx) => ctx.openQueue.byUrgency(ctx.clock.now()).map((x) => x.row),

  'tickets.get': ({ id }, ctx) => ticketDetail(ctx.db, mustFind(ctx, id)),

  'tickets.act': ({ id, action, note }, ctx) => {
    transition(ctx, mustFind(ctx, id), action, note);
    return publish(ctx, id);
  },

  'tickets.transfer': ({ id, to, reason }, ctx) => {
    const t = mustFind(ctx, id);
    if (t.status === 'closed') throw new DomainError('CONFLICT', 'errors.ticketClosed', `Ticket ${t.number} is closed.`, { number: t.number });
    assertMayWork(ctx, t, 'transfer');
    const now = ctx.clock.now();
    if ('agentId' in to) {
      const agent = stmt(ctx.db, 'SELECT display_name FROM users WHERE id = ? AND disabled = 0').get(to.agentId) as { display_name: string } | undefined;
      if (!agent) throw new DomainError('NOT_FOUND', 'errors.userNotFound', `No active user with id ${to.agentId}.`, { id: to.agentId });
      // A ticket handed to someone is theirs to accept: unaccepted tickets stay 'new'.
      stmt(ctx.db, 'UPDATE tickets SET assignee_id = ?, updated_at = ? WHERE id = ?').run(to.agentId, now, id);
      appendTicketEvent(ctx, id, 'transferred', { assigneeId: t.assignee_id, assigneeName: t.assignee_name }, { assigneeId: to.agentId, assigneeName: agent.display_name, reason });
    } else {
      if (!stmt(ctx.db, 'SELECT 1 FROM departments WHERE id = ? AND active = 1').get(to.departmentId)) {
        throw new DomainError('NOT_FOUND', 'errors.departmentNotFound', `No active department ${to.departmentId}.`, { id: to.departmentId });
      }
      stmt(ctx.db, 'UPDATE tickets SET department_id = ?, updated_at = ? WHERE id = ?').run(to.departmentId, now, id);
      appendTicketEvent(ctx, id, 'forwarded', { departmentId: t.department_id }, { departmentId: to.departmentId, reason });
    }
    return publish(ctx, id);
  },

  'tickets.note': ({ id, text }, ctx) => {
    const t = mustFind(ctx, id);
    appendTicketEvent(ctx, t.id, 'note', null, { text });
    stmt(ctx.db, 'UPDATE tickets SET updated_at = ? WHERE id = ?').run(ctx.clock.now(), id);
    return publish(ctx, id);
  },

  'tickets.updateComplaint': ({ id, complaint }, ctx) => {
    const t = mustFind(ctx, id);
    if (t.category !== 'complaint') {
      throw new DomainError('CONFLICT', 'errors.notAComplaint', `Ticket ${t.number} is not a complaint.`, { number: t.number });
    }
    assertMayWork(ctx, t, 'complaint');
    if (complaint.responsibleDepartmentId && !stmt(ctx.db, 'SELECT 1 FROM departments WHERE id = ?').get(complaint.responsibleDepartmentId)) {
      throw new DomainError('NOT_FOUND', 'errors.departmentNotFound', `No department ${complaint.responsibleDepartmentId}.`, { id: complaint.responsibleDepartmentId });
    }
    stmt(ctx.db, 'UPDATE tickets SET complaint = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(complaint), ctx.clock.now(), id);
    appendTicketEvent(ctx, id, 'complaint', { complaint: complaintOf(t) }, { complaint });
    return publish(ctx, id);
  },

  'tickets.recordError': ({ id, reason }, ctx) => {
    const t = mustFind(ctx, id);
    if (!t.assignee_id) {
      throw new DomainError('CONFLICT', 'errors.noAssignee', `Ticket ${t.number} has no agent to record an error against.`, { number: t.number });
    }
    stmt(ctx.db, 'INSERT INTO agent_errors (id, agent_id, ticket_id, at, reason, recorded_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(newId(ctx.clock), t.assignee_id, id, ctx.clock.now(), reason, ctx.user.id);
    appendTicketEvent(ctx, id, 'error', null, { agentId: t.assignee_id, agentName: t.assignee_name, reason });
    return publish(ctx, id);
  },
};
