// The ticket lifecycle through the registry: every transition, every refusal, the role rules,
// the SLA clock (pauses, feedback, overtime) and the hash-chained event log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract';
import { TICKET_ACTIONS, TICKET_STATUSES, TRANSITIONS, type TicketAction, type TicketStatus } from '../../shared/tickets/lifecycle';
import type { TicketRow } from '../../shared/tickets/types';
import { addTeam, signInAs, startCore, type TeamMember, type TestCore } from './helpers';
import { CUSTOMER } from './samples';
import { snapshot } from './snapshot';

const MIN = 60_000;
// Tue 2026-03-03 09:00 Shanghai (helpers' T0): a working morning.
let t: TestCore;
beforeEach(async () => {
  t = await startCore();
  addTeam(t);
  signIn('agent1');
});
afterEach(async () => t.close());

const signIn = (name: TeamMember) => signInAs(t, name);

const intake = (over: Partial<MethodInput<'tickets.create'>> = {}) =>
  t.must('tickets.create', {
    customer: { new: { ...CUSTOMER, tier: 'standard' } },
    typeCode: 'account_open',
    channel: 'phone',
    priority: 'normal',
    subject: '开户咨询',
    description: '客户来电要求开户',
    ...over,
  });
const act = (id: string, action: TicketAction, note?: string) => t.must('tickets.act', note ? { id, action, note } : { id, action });

/** Drives a ticket to a status along the normal path. */
function ticketIn(status: TicketStatus): TicketRow {
  const path: Record<TicketStatus, TicketAction[]> = {
    new: [],
    accepted: ['accept'],
    in_progress: ['accept', 'start'],
    waiting: ['accept', 'wait'],
    resolved: ['accept', 'start', 'resolve'],
    feedback_given: ['accept', 'start', 'resolve', 'feedback'],
    closed: ['accept', 'start', 'resolve', 'feedback', 'close'],
  };
  let row = intake();
  for (const a of path[status]) row = act(row.id, a);
  expect(row.status).toBe(status);
  return row;
}

describe('intake', () => {
  it('numbers tickets by seat and centre day, starts the clock at intake, with the tier’s target', () => {
    const a = intake();
    const b = intake({ customer: { new: { ...CUSTOMER, name: '李娜', phones: ['139 0000 1111'], tier: 'key' } } });
    expect(a.number).toBe('A1-20260303-0001');
    expect(b.number).toBe('A1-20260303-0002');
    expect(a).toMatchObject({ status: 'new', tier: 'standard', assignee: null, sla: { start: t.clock.now(), target: { amount: 30, unit: 'minutes' } } });
    expect(b.sla.target).toMatchObject({ amount: 15, unit: 'minutes', clock: 'working', calendarId: 'cn-key-account' });
    // Standard account opening: 30 working minutes from 09:00 → 09:30.
    expect(new Date(a.sla.dueAt).toISOString()).toBe('2026-03-03T01:30:00.000Z');
  });

  it('refuses an unknown request type and an unknown customer, creating nothing', () => {
    const before = snapshot(t.core.db);
    expect(t.core.call('tickets.create', { customer: { new: CUSTOMER }, typeCode: 'nope', channel: 'phone', priority: 'normal', subject: 'x', description: '' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'errors.requestTypeNotFound' },
    });
    expect(
      t.core.call('tickets.create', { customer: { id: '019cb135-8280-7302-afcc-000000000000' }, typeCode: 'account_open', channel: 'phone', priority: 'normal', subject: 'x', description: '' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors.customerNotFound' } });
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('keeps the target it was given when the catalogue changes afterwards', () => {
    const before = intake();
    signIn('admin');
    const type = t.must('catalogue.list', {}).find((x) => x.code === 'account_open')!;
    t.must('catalogue.save', { type: { ...type, standard: { ...type.standard, amount: 60 } }, isNew: false });
    signIn('agent1');
    const after = intake();
    expect(t.must('tickets.get', { id: before.id }).sla.target.amount).toBe(30);
    expect(after.sla.target.amount).toBe(60);
  });
});

describe('transitions', () => {
  const cases = TICKET_ACTIONS.flatMap((action) => TICKET_STATUSES.map((status) => [action, status] as const));
  it.each(cases)('%s from %s is allowed exactly when the lifecycle says so', (action, status) => {
    const row = ticketIn(status);
    const allowed = TRANSITIONS[action].from.includes(status);
    const before = snapshot(t.core.db);
    const r = t.core.call('tickets.act', { id: row.id, action });
    if (allowed) {
      expect(r).toMatchObject({ ok: true, value: { status: TRANSITIONS[action].to } });
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.ticketTransition', params: { action, status, number: row.number } } });
      expect(snapshot(t.core.db)).toBe(before);
    }
  });

  it('accepting makes the ticket the agent’s; the full path ends closed and out of the queue', () => {
    const row = intake();
    expect(t.must('tickets.queue', {}).map((r) => r.id)).toContain(row.id);
    expect(act(row.id, 'accept').assignee?.displayName).toBe('坐席一');
    act(row.id, 'start');
    act(row.id, 'resolve', '已开户');
    expect(t.must('tickets.queue', {}).map((r) => r.id)).toContain(row.id); // resolved: feedback still owed
    act(row.id, 'feedback', '已电话告知客户');
    expect(t.must('tickets.queue', {}).map((r) => r.id)).not.toContain(row.id);
    expect(act(row.id, 'close').status).toBe('closed');
  });
});

describe('the SLA clock', () => {
  it('pauses while waiting on the customer and stops at feedback; no overtime when in time', () => {
    const row = intake({ customer: { new: { ...CUSTOMER, tier: 'key' } }, typeCode: 'password_reset' }); // key account: 15 min
    act(row.id, 'accept');
    t.clock.advance(5 * MIN);
    act(row.id, 'wait', '等待客户提供身份证明');
    t.clock.advance(60 * MIN); // not counted
    const resumed = act(row.id, 'resume');
    expect(resumed.sla.pauses).toEqual([{ from: row.sla.start + 5 * MIN, to: row.sla.start + 65 * MIN }]);
    expect(resumed.sla.dueAt).toBe(row.sla.start + 75 * MIN);
    t.clock.advance(8 * MIN);
    act(row.id, 'resolve');
    t.clock.advance(1 * MIN);
    const done = act(row.id, 'feedback');
    expect(done.sla.feedbackAt).toBe(row.sla.start + 74 * MIN);
    expect(done.overtimeMinutes).toBe(0);
  });

  it('measures overtime in working minutes at feedback', () => {
    const row = intake(); // 30 working minutes from 09:00
    act(row.id, 'accept');
    act(row.id, 'resolve');
    t.clock.advance(37 * MIN);
    expect(act(row.id, 'feedback').overtimeMinutes).toBe(7);
  });

  it('reopening runs the clock again without counting the time the ticket was closed', () => {
    const row = ticketIn('feedback_given');
    t.clock.advance(120 * MIN);
    const reopened = act(row.id, 'reopen', '客户再次来电');
    expect(reopened.sla.feedbackAt).toBeNull();
    expect(reopened.sla.pauses.at(-1)).toEqual({ from: row.sla.feedbackAt, to: t.clock.now() });
  });
});

describe('the queue', () => {
  it('lists breached first (most overdue first), then the least remaining time', () => {
    const slow = intake({ typeCode: 'password_reset' }); // 1 working day
    const fast = intake({ typeCode: 'login_unlock' }); // 10 min
    const mid = intake(); // 30 min
    t.clock.advance(12 * MIN); // login_unlock is now breached
    expect(t.must('tickets.queue', {}).map((r) => r.id)).toEqual([fast.id, mid.id, slow.id]);
  });
});

describe('who may do what', () => {
  it('an agent may not work another agent’s ticket; a supervisor may', () => {
    const row = intake();
    act(row.id, 'accept');
    signIn('agent2');
    expect(t.core.call('tickets.act', { id: row.id, action: 'start' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.notYourTicket', params: { assignee: '坐席一' } } });
    signIn('super1');
    expect(act(row.id, 'start').status).toBe('in_progress');
  });

  it('transfer hands the ticket to another agent, with the reason in the timeline', () => {
    const row = intake();
    act(row.id, 'accept');
    const agent2 = t.must('staff.directory', {}).find((s) => s.displayName === '坐席二')!;
    expect(t.must('tickets.transfer', { id: row.id, to: { agentId: agent2.id }, reason: '坐席二负责该客户' }).assignee?.displayName).toBe('坐席二');
    expect(t.core.call('tickets.act', { id: row.id, action: 'start' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const events = t.must('tickets.get', { id: row.id }).events;
    expect(events.at(-1)).toMatchObject({ kind: 'transferred', actorName: '坐席一', after: { assigneeName: '坐席二', reason: '坐席二负责该客户' } });
  });

  it('only supervisors record errors (过失), and the agent carries them', () => {
    const row = intake();
    act(row.id, 'accept');
    expect(t.core.call('tickets.recordError', { id: row.id, reason: '未核实身份' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    signIn('super1');
    t.must('tickets.recordError', { id: row.id, reason: '未核实身份' });
    const agent1 = t.must('staff.directory', {}).find((s) => s.displayName === '坐席一')!;
    expect(t.core.db.prepare('SELECT agent_id, reason FROM agent_errors').all()).toEqual([{ agent_id: agent1.id, reason: '未核实身份' }]);
  });

  it('complaints carry category, cause, responsible department and outcome', () => {
    const row = intake({ typeCode: 'complaint' });
    act(row.id, 'accept');
    const complaint = { category: '服务态度', cause: '坐席未及时回电', responsibleDepartmentId: 'quality', outcome: '已致歉' };
    t.must('tickets.updateComplaint', { id: row.id, complaint });
    expect(t.must('tickets.get', { id: row.id }).complaint).toEqual(complaint);
    const other = intake();
    expect(t.core.call('tickets.updateComplaint', { id: other.id, complaint })).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.notAComplaint' } });
  });
});

describe('the event log', () => {
  it('records who, when, seat, before and after for every change, hash-chained and append-only', () => {
    const row = intake();
    t.clock.advance(MIN);
    act(row.id, 'accept');
    t.must('tickets.note', { id: row.id, text: '已回电' });
    const events = t.must('tickets.get', { id: row.id }).events;
    expect(events.map((e) => e.kind)).toEqual(['created', 'accept', 'note']);
    expect(events[1]).toMatchObject({ actorName: '坐席一', seat: 'A1', at: row.sla.start + MIN, before: { status: 'new' }, after: { status: 'accepted' } });
    expect(() => t.core.db.prepare(`UPDATE ticket_events SET kind = 'x'`).run()).toThrow(/append-only/);
    expect(() => t.core.db.prepare(`DELETE FROM ticket_events`).run()).toThrow(/append-only/);
    signIn('admin');
    expect(t.must('db.check', {}).chains.find((c) => c.table === 'ticket_events')).toMatchObject({ ok: true, rows: 3 });
    t.core.db.exec('DROP TRIGGER ticket_events_no_update');
    t.core.db.prepare(`UPDATE ticket_events SET after = '{"status":"closed"}' WHERE id = ?`).run(events[1]!.id);
    expect(t.must('db.check', {})).toMatchObject({ ok: false });
    expect(t.must('db.check', {}).chains.find((c) => c.table === 'ticket_events')).toMatchObject({ ok: false, brokenAt: events[1]!.id });
  });

  it('pushes every change to every window after commit', () => {
    const seen: string[] = [];
    const off = t.core.on((e) => e.type === 'ticket.changed' && seen.push(`${e.ticket.number}:${e.ticket.status}`));
    const row = intake();
    act(row.id, 'accept');
    off();
    expect(seen).toEqual([`${row.number}:new`, `${row.number}:accepted`]);
  });
});
