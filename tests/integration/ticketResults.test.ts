// Every ticket action returns the ticket's detail exactly as tickets.get gives it afterwards, and
// its ticket.changed event carries the same row and detail, with a version that grows with every
// change: what lets the screens apply a change in place instead of asking again (issue 9).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, MethodInput, MethodName } from '../../shared/contract';
import { rowOfDetail } from '../../shared/tickets/changes';
import type { TicketAction } from '../../shared/tickets/lifecycle';
import type { TicketDetail } from '../../shared/tickets/types';
import { remoteChangesPublisher } from '../../electron/core/jobs/remoteChanges';
import { createOpenQueue } from '../../electron/core/services/openQueue';
import { sessionEventFilter } from '../../electron/core/sessionEvents';
import { addTeam, signInAs, startCore, type TeamMember, type TestCore } from './helpers';
import { CUSTOMER } from './samples';

const MIN = 60_000;
let t: TestCore;
let events: AppEvent[];
let off: () => void;
beforeEach(async () => {
  t = await startCore();
  addTeam(t);
  signIn('super1');
  events = [];
  off = t.core.on((e) => events.push(e));
});
afterEach(async () => {
  off();
  await t.close();
});

const signIn = (name: TeamMember) => signInAs(t, name);

/** Calls an action; checks its result against tickets.get and its event; returns the result. */
function checked<M extends MethodName>(method: M, input: MethodInput<M>): TicketDetail {
  const before = events.length;
  const result = t.must(method, input) as TicketDetail;
  const pushed = events.slice(before).filter((e): e is Extract<AppEvent, { type: 'ticket.changed' }> => e.type === 'ticket.changed');
  expect(result, `${method}: the result is the detail tickets.get gives`).toEqual(t.must('tickets.get', { id: result.id }));
  expect(pushed, `${method}: one event for the ticket`).toHaveLength(1);
  expect(pushed[0]!.ticket, `${method}: the event carries the row`).toEqual(rowOfDetail(result));
  expect(pushed[0]!.detail, `${method}: and the detail`).toEqual(result);
  return result;
}

const intake = (typeCode = 'complaint') =>
  checked('tickets.create', {
    customer: { new: { ...CUSTOMER, tier: 'standard' } },
    typeCode,
    channel: 'phone',
    priority: 'normal',
    subject: '服务投诉',
    description: '客户投诉坐席未回电',
  });

describe('ticket actions return the detail', () => {
  it('every action: its result equals tickets.get afterwards, its event carries that row and detail, and the version grows', () => {
    const versions: number[] = [];
    const step = (d: TicketDetail) => {
      versions.push(d.version);
      t.clock.advance(MIN);
      return d;
    };
    const a = step(intake());
    const act = (action: TicketAction, note?: string) => step(checked('tickets.act', note ? { id: a.id, action, note } : { id: a.id, action }));
    act('accept');
    act('start');
    act('wait', '等待客户提供录音');
    act('resume');
    const agent2 = t.must('staff.directory', {}).find((s) => s.displayName === '坐席二')!;
    step(checked('tickets.transfer', { id: a.id, to: { agentId: agent2.id }, reason: '坐席二负责该客户' }));
    step(checked('tickets.transfer', { id: a.id, to: { departmentId: 'tech' }, reason: '需要技术支持' }));
    step(checked('tickets.note', { id: a.id, text: '已回电' }));
    step(checked('tickets.updateComplaint', { id: a.id, complaint: { category: '服务态度', cause: '未及时回电', responsibleDepartmentId: 'quality', outcome: '已致歉' } }));
    step(checked('tickets.recordError', { id: a.id, reason: '未按时回电' }));
    act('resolve', '已处理');
    const fed = act('feedback', '已电话告知');
    act('reopen', '客户再次来电');
    act('resolve');
    act('feedback');
    const closed = act('close');

    expect(fed.events.at(-1)).toMatchObject({ kind: 'feedback', after: { note: '已电话告知' } });
    expect(closed.status).toBe('closed');
    expect(closed.events).toHaveLength(versions.length);
    for (let i = 1; i < versions.length; i++) expect(versions[i], `change ${i} has a higher version`).toBeGreaterThan(versions[i - 1]!);
  });

  it('a repeated intake (the same request id) returns the first ticket’s detail', () => {
    const input = { customer: { new: { ...CUSTOMER, tier: 'standard' as const } }, typeCode: 'account_open', channel: 'phone' as const, priority: 'normal' as const, subject: '开户', description: '', requestId: '0195b7a4-0000-7000-8000-000000000001' };
    const first = t.must('tickets.create', input);
    expect(t.must('tickets.create', input)).toEqual(first);
    expect(first).toEqual(t.must('tickets.get', { id: first.id }));
  });

  it('the open queue, kept from the events’ rows, equals one read afresh from the tables', () => {
    const a = intake('account_open');
    const b = intake('login_unlock');
    const c = intake();
    t.must('tickets.act', { id: a.id, action: 'accept' });
    t.must('tickets.act', { id: b.id, action: 'accept' });
    t.must('tickets.act', { id: b.id, action: 'resolve' });
    t.must('tickets.act', { id: b.id, action: 'feedback' });
    t.must('tickets.note', { id: c.id, text: '已回电' });
    const queue = t.must('tickets.queue', {});
    expect(queue.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect(queue).toEqual(createOpenQueue(t.core.db).byUrgency(t.clock.now()).map((x) => x.row));
  });

  it('the queue holds the same row the event carried, version included', () => {
    const a = intake('account_open');
    expect(t.must('tickets.queue', {}).find((r) => r.id === a.id)).toEqual(rowOfDetail(a));
  });

  it('changes applied from another seat are pushed the same way: the row and the detail tickets.get gives', () => {
    const a = intake('account_open');
    const accepted = checked('tickets.act', { id: a.id, action: 'accept' });
    const published: AppEvent[] = [];
    const onApplied = remoteChangesPublisher({ db: t.core.db, openQueue: createOpenQueue(t.core.db), notify: () => {}, publish: (e) => published.push(e), rearmScheduler: () => {} });
    onApplied({ applied: 1, unknown: 0, own: 0, tables: new Set(['tickets']), ids: new Map([['tickets', new Set([a.id])]]), conflicts: [], lastSeq: 1 });
    const changed = published.find((e) => e.type === 'ticket.changed');
    expect(changed).toEqual({ type: 'ticket.changed', ticket: rowOfDetail(accepted), detail: accepted });
  });
});

describe('what a board-only session is sent', () => {
  it('a TV signed in gets the rows but not the details (they name the customer’s private data); after it signs out, details again', () => {
    const a = intake('account_open');
    const event = { type: 'ticket.changed' as const, ticket: rowOfDetail(a), detail: a };
    const filter = sessionEventFilter();
    expect(filter(event)).toBe(event);
    const tv = { id: 'tv', name: 'tv1', displayName: '大屏', role: 'wallboard' as const };
    filter({ type: 'session.changed', user: tv as never });
    expect(filter(event)).toEqual({ type: 'ticket.changed', ticket: rowOfDetail(a) });
    filter({ type: 'session.changed', user: null });
    expect(filter(event)).toBe(event);
  });
});
