// Applying changed tickets to what a screen holds (shared/tickets/changes.ts): what the queue, the
// ticket panels and the wall-board do with every call result and pushed ticket.changed event.
import { describe, expect, it } from 'vitest';
import { applyTicketDetail, applyTicketRow, emptyLiveTickets, loadLiveTickets, rowOfDetail } from '../../../shared/tickets/changes';
import type { TicketStatus } from '../../../shared/tickets/lifecycle';
import type { TicketDetail, TicketRow } from '../../../shared/tickets/types';

const row = (id: string, version: number, status: TicketStatus = 'new', subject = 'subject'): TicketRow => ({
  id,
  number: `A1-20260303-${id}`,
  status,
  typeCode: 'auth_code',
  category: 'business',
  tier: 'standard',
  channel: 'phone',
  priority: 'normal',
  subject,
  customer: { id: 'c1', kind: 'person', name: '陈刚', tier: 'standard', role: 'end_customer', phones: [] },
  assignee: null,
  departmentId: null,
  sla: { target: { amount: 15, unit: 'minutes', clock: 'working', calendarId: 'cn-mainland' } as never, start: 0, pauses: [], pausedSince: null, feedbackAt: null, dueAt: 1, warningAt: 1, beyondKnownYears: false },
  createdAt: 0,
  updatedAt: version,
  resolvedAt: null,
  closedAt: null,
  overtimeMinutes: null,
  version,
});
const detail = (r: TicketRow): TicketDetail => ({
  ...r,
  description: '',
  complaint: null,
  customerDetail: { ...r.customer, email: null, wechat: null, birthday: null, contactUserId: null, contactName: null, tags: [], notes: '', createdAt: 0, updatedAt: 0 },
  events: [],
  customerTickets: [],
  syncConflicts: [],
});

describe('a row applied to the open queue', () => {
  it('places a ticket it did not know (made at another window or seat)', () => {
    const q = applyTicketRow(emptyLiveTickets(), row('1', 5));
    expect([...q.rows.keys()]).toEqual(['1']);
  });

  it('the newer row wins; an older one arriving later changes nothing', () => {
    let q = applyTicketRow(emptyLiveTickets(), row('1', 5, 'new'));
    q = applyTicketRow(q, row('1', 7, 'accepted'));
    const late = applyTicketRow(q, row('1', 6, 'new'));
    expect(late).toBe(q);
    expect(late.rows.get('1')!.status).toBe('accepted');
  });

  it('an equal version is the same point in history: the arrival wins (e.g. the customer’s new name)', () => {
    let q = applyTicketRow(emptyLiveTickets(), row('1', 5, 'new', 'old'));
    q = applyTicketRow(q, row('1', 5, 'new', 'new'));
    expect(q.rows.get('1')!.subject).toBe('new');
  });

  it('a ticket whose feedback was given leaves, and a late event of it does not bring it back', () => {
    let q = applyTicketRow(emptyLiveTickets(), row('1', 5, 'resolved'));
    q = applyTicketRow(q, row('1', 6, 'feedback_given'));
    expect(q.rows.has('1')).toBe(false);
    expect(applyTicketRow(q, row('1', 5, 'resolved')).rows.has('1')).toBe(false);
    // …while a later reopen does.
    expect(applyTicketRow(q, row('1', 8, 'accepted')).rows.has('1')).toBe(true);
  });

  it('a row of a ticket not open and never seen is not added', () => {
    expect(applyTicketRow(emptyLiveTickets(), row('1', 5, 'closed')).rows.size).toBe(0);
  });

  it('follows the membership rule it is given (the wall-board keeps today’s completed too)', () => {
    const q = applyTicketRow(emptyLiveTickets(), row('1', 5, 'feedback_given'), () => true);
    expect(q.rows.has('1')).toBe(true);
  });
});

describe('a queue load merged with the changes that arrived while it was on its way', () => {
  it('keeps a newer change over the older loaded row, and a ticket that came after the read', () => {
    let q = applyTicketRow(emptyLiveTickets(), row('1', 7, 'accepted'));
    q = applyTicketRow(q, row('2', 3, 'new'));
    const loaded = loadLiveTickets(q, [row('1', 6, 'new'), row('3', 4, 'new')], new Set(['1', '2']));
    expect(loaded.rows.get('1')!.status).toBe('accepted');
    expect([...loaded.rows.keys()].sort()).toEqual(['1', '2', '3']);
  });

  it('keeps a ticket out that left after the read', () => {
    let q = applyTicketRow(emptyLiveTickets(), row('1', 5, 'resolved'));
    q = applyTicketRow(q, row('1', 6, 'feedback_given'));
    expect(loadLiveTickets(q, [row('1', 5, 'resolved')], new Set(['1'])).rows.has('1')).toBe(false);
  });

  it('otherwise the load is the truth: rows held from before it are replaced or dropped', () => {
    const q = applyTicketRow(emptyLiveTickets(), row('1', 5, 'new'));
    const loaded = loadLiveTickets(q, [row('2', 2, 'new')], new Set());
    expect([...loaded.rows.keys()]).toEqual(['2']);
  });
});

describe('a detail applied to a panel', () => {
  it('shows the first detail, then only ones not older', () => {
    const first = applyTicketDetail(null, detail(row('1', 5, 'new')));
    const newer = applyTicketDetail(first, detail(row('1', 7, 'resolved')));
    expect(newer!.status).toBe('resolved');
    expect(applyTicketDetail(newer, detail(row('1', 6, 'accepted')))).toBe(newer);
  });

  it('ignores another ticket’s detail', () => {
    const shown = applyTicketDetail(null, detail(row('1', 5)));
    expect(applyTicketDetail(shown, detail(row('2', 9)))).toBe(shown);
  });

  it('gives the queue its row: the detail without the panel’s parts', () => {
    const r = row('1', 5);
    expect(rowOfDetail(detail(r))).toEqual(r);
  });
});
