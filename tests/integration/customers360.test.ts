// Customers 360 through the registry: fragment and pinyin search (issue 14.3), same-name warning
// (14.4), assets and multi-key search, callbacks generated from closed tickets and asset dates,
// outcomes with retries and complaints, and the inbox exactly once across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackView } from '../../shared/callbacks/types';
import type { CustomerInput } from '../../shared/tickets/schemas';
import { startCore, T0, tempDir, type TestCore } from './helpers';
import { CUSTOMER, VEHICLE } from './samples';
import { snapshot } from './snapshot';

const DAY = 86_400_000;
let t: TestCore;
const add = (c: Partial<CustomerInput>) => t.must('customers.create', { customer: { ...CUSTOMER, ...c } });
const names = (q: string) => t.must('customers.search', { q }).map((c) => c.name);
const signIn = (name: string) => t.must('auth.signIn', { name, password: `${name}-pass-1` });
const allCallbacks = () => {
  const q = t.must('callbacks.queue', {});
  return [...q.overdue, ...q.dueToday, ...q.upcoming];
};
const byRule = (code: string, list: CallbackView[] = allCallbacks()) => list.filter((c) => c.rule.code === code);

beforeAll(async () => {
  t = await startCore();
  t.must('users.create', { name: 'agent1', displayName: '坐席一', role: 'agent', password: 'agent1-pass-1' });
  t.must('users.create', { name: 'agent2', displayName: '坐席二', role: 'agent', password: 'agent2-pass-1' });
  add({ name: '上海宏达贸易有限公司', kind: 'company', phones: ['021 5555 0101'] });
  add({ name: '欧阳娜娜', phones: ['139 0000 1111'] });
  add({ name: '张三丰', phones: ['139 0000 2222'] });
  add({ name: '王伟', phones: ['138 0013 8000'] });
  add({ name: '李娜', phones: ['139 0000 3333'] });
});
afterAll(async () => t.close());

describe('search: fragments anywhere, pinyin initials anywhere, full pinyin (issue 14.3)', () => {
  it('finds 2-character fragments in the middle and at the end of a name', () => {
    expect(names('宏达')).toEqual(['上海宏达贸易有限公司']);
    expect(names('贸易')).toEqual(['上海宏达贸易有限公司']);
    expect(names('娜娜')).toEqual(['欧阳娜娜']);
    expect(names('三丰')).toEqual(['张三丰']);
  });
  it('a single character finds every name holding it', () => {
    expect(new Set(names('娜'))).toEqual(new Set(['欧阳娜娜', '李娜']));
  });
  it('finds pinyin initials anywhere and full pinyin, with or without spaces and capitals', () => {
    expect(names('hd')).toEqual(['上海宏达贸易有限公司']);
    expect(names('sf')).toEqual(['张三丰']);
    expect(names('wangwei')).toEqual(['王伟']);
    expect(names('Wang Wei')).toEqual(['王伟']);
    expect(names('sanfeng')).toEqual(['张三丰']);
    expect(names('nana')).toEqual(['欧阳娜娜']);
  });
  it('an edited name is found by its new fragments only', () => {
    const c = add({ name: '临时客户甲', phones: [] });
    expect(names('客户甲')).toEqual(['临时客户甲']);
    t.must('customers.update', { id: c.id, customer: { ...CUSTOMER, name: '正式客户乙', phones: [] } });
    expect(names('客户甲')).toEqual([]);
    expect(names('户乙')).toEqual(['正式客户乙']);
  });
  it('never fails on any query string', () => {
    for (const q of ['\u0000', '%', '_', "'", '"', '\\', '\uffff', '·', '-', 'a'.repeat(100), '京A·']) {
      expect(t.core.call('customers.search', { q }).ok).toBe(true);
      expect(t.core.call('search.all', { q }).ok).toBe(true);
    }
  });
});

describe('a new customer with an existing name (issue 14.4)', () => {
  it('offers the existing ones, not the customer itself', () => {
    const same = t.must('customers.sameName', { name: ' 王伟 ' });
    expect(same.map((c) => c.name)).toEqual(['王伟']);
    expect(t.must('customers.sameName', { name: '王伟', excludeId: same[0]!.id })).toEqual([]);
    expect(t.must('customers.sameName', { name: '王' })).toEqual([]);
  });
});

describe('assets and multi-key search', () => {
  let owner: string;
  beforeAll(() => {
    owner = add({ name: '周杰', phones: ['137 1234 0000'] }).id;
    t.must('assets.save', { customerId: owner, asset: { ...VEHICLE, vin: 'LSVAU218XN2183294', plate: '沪A·12345' } });
    t.must('assets.save', { customerId: owner, asset: { kind: 'policy', number: 'pa2026-000123', product: '车险', signDate: '2026-01-10', premiumDue: null, status: 'active', lapsedDate: null } });
    t.must('assets.save', { customerId: owner, asset: { kind: 'contract', number: 'HT-778899', title: '延保', signDate: null, startDate: '2026-01-01', endDate: '2027-01-01' } });
  });

  it('finds the owner by VIN (full or last 6), plate (with or without province), policy and contract number', () => {
    for (const q of ['LSVAU218XN2183294', 'lsvau218xn2183294', '183294', '沪A12345', '沪A·12345', 'A12345', 'a12345', 'PA2026-000123', 'HT-778899']) {
      expect(names(q), q).toContain('周杰');
      expect(t.must('search.all', { q }).customers.map((c) => c.name), q).toContain('周杰');
    }
  });
  it('stores normalised values and lists them', () => {
    const assets = t.must('assets.list', { customerId: owner });
    expect(assets.map((a) => a.data.kind).sort()).toEqual(['contract', 'policy', 'vehicle']);
    expect(assets.find((a) => a.data.kind === 'vehicle')!.data).toMatchObject({ plate: '沪A12345', vin: 'LSVAU218XN2183294' });
    expect(assets.find((a) => a.data.kind === 'policy')!.data).toMatchObject({ number: 'PA2026-000123' });
  });
  it('a VIN with a wrong check digit is kept, with a warning; a malformed VIN or plate is refused and nothing changes', () => {
    const warned = t.must('assets.save', { customerId: owner, asset: { ...VEHICLE, vin: 'LSVAU2180N2183295', plate: null } });
    expect(warned.warnings).toEqual([{ code: 'vinCheckDigit', expected: expect.any(String) }]);
    const before = snapshot(t.core.db);
    for (const asset of [{ ...VEHICLE, vin: 'LSVAU2180N218329' }, { ...VEHICLE, vin: null, plate: '沪12345' }, { ...VEHICLE, vin: null, plate: null }]) {
      const r = t.core.call('assets.save', { customerId: owner, asset });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(snapshot(t.core.db)).toBe(before);
  });
  it('warns of the same VIN or plate on another customer', () => {
    const other = add({ name: '周杰伦', phones: [] }).id;
    expect(t.must('assets.duplicates', { vin: 'LSVAU218XN2183294', plate: null, excludeCustomerId: other }).map((c) => c.name)).toEqual(['周杰']);
    expect(t.must('assets.duplicates', { vin: null, plate: '沪A12345', excludeCustomerId: owner })).toEqual([]);
  });
  it('a deleted asset is no longer found', () => {
    const a = t.must('assets.save', { customerId: owner, asset: { kind: 'contract', number: 'DEL-0001', title: '', signDate: null, startDate: null, endDate: null } });
    expect(names('DEL-0001')).toEqual(['周杰']);
    t.must('assets.delete', { id: a.id });
    expect(names('DEL-0001')).toEqual([]);
  });
});

describe('callbacks from closed tickets', () => {
  let ticketId: string;
  let number: string;
  beforeAll(() => {
    const [c] = t.must('customers.search', { q: '张三丰' });
    signIn('agent1');
    const ticket = t.must('tickets.create', { customer: { id: c!.id }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '空调维修', description: '' });
    ticketId = ticket.id;
    number = ticket.number;
    for (const action of ['accept', 'resolve', 'feedback', 'close'] as const) t.must('tickets.act', { id: ticketId, action });
  });

  it('a finished repair gets one 3DC callback three days later, on a working day, not for the agent who served', () => {
    const dc3 = byRule('dc3_repair');
    expect(dc3).toHaveLength(1);
    // Closed Tuesday 3 March 2026 → Friday 6 March, first working minute.
    expect(dc3[0]).toMatchObject({ originTicket: { id: ticketId, number }, dueDay: '2026-03-06', status: 'pending', excludedUser: { displayName: '坐席一' } });
    expect(dc3[0]!.dueAt).toBe(Date.parse('2026-03-06T09:00:00+08:00'));
    expect(t.must('callbacks.queue', {}).upcoming.map((c) => c.id)).toContain(dc3[0]!.id);
  });
  it('the agent who served may not make the satisfaction call', () => {
    const [cb] = byRule('dc3_repair');
    const r = t.core.call('callbacks.record', { id: cb!.id, outcome: 'reached', scores: [5, 5, 5], notes: '', unsatisfied: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.callbackOwnService' } });
  });
  it('an unsatisfied call opens a complaint linked to the original ticket', () => {
    signIn('agent2');
    const [cb] = byRule('dc3_repair');
    const r = t.must('callbacks.record', { id: cb!.id, outcome: 'reached', scores: [4, 2, 5], notes: '维修后仍有异响', unsatisfied: false });
    expect(r).toMatchObject({ status: 'done', doneBy: { displayName: '坐席二' }, scores: [{ score: 4 }, { score: 2 }, { score: 5 }] });
    expect(r.complaintTicket).not.toBeNull();
    const complaint = t.must('tickets.get', { id: r.complaintTicket!.id });
    expect(complaint).toMatchObject({ typeCode: 'complaint', category: 'complaint', status: 'new', customer: { name: '张三丰' } });
    expect(complaint.description).toContain(number);
    expect(complaint.description).toContain('维修后仍有异响');
    expect(complaint.events.find((e) => e.kind === 'linked')?.after).toMatchObject({ originTicketId: ticketId, fromCallbackId: cb!.id });
    // finished: out of the queue, refused a second time
    expect(byRule('dc3_repair')).toEqual([]);
    expect(t.core.call('callbacks.record', { id: cb!.id, outcome: 'reached', scores: [5, 5, 5], notes: '', unsatisfied: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
  it('scores must match the questions', () => {
    const [c] = t.must('customers.search', { q: '李娜' });
    signIn('agent1');
    const ticket = t.must('tickets.create', { customer: { id: c!.id }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '维修', description: '' });
    for (const action of ['accept', 'resolve', 'feedback'] as const) t.must('tickets.act', { id: ticket.id, action });
    signIn('agent2');
    const cb = byRule('dc3_repair').find((x) => x.originTicket?.id === ticket.id)!;
    expect(t.core.call('callbacks.record', { id: cb.id, outcome: 'reached', scores: [5], notes: '', unsatisfied: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.callbackScores' } });
    expect(t.core.call('callbacks.record', { id: cb.id, outcome: 'reached', scores: [5, 9, 5], notes: '', unsatisfied: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // satisfied: no complaint
    expect(t.must('callbacks.record', { id: cb.id, outcome: 'reached', scores: [5, 4, 5], notes: '', unsatisfied: false }).complaintTicket).toBeNull();
  });
});

describe('the after-sales 24-hour reply check', () => {
  it('is planned at intake for 24 hours later and dropped once feedback reached the customer', () => {
    const [c] = t.must('customers.search', { q: '王伟' });
    const ticket = t.must('tickets.create', { customer: { id: c!.id }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '售后咨询', description: '' });
    const check = byRule('after_sales_reply').filter((x) => x.originTicket?.id === ticket.id);
    expect(check).toHaveLength(1);
    expect(check[0]!.dueAt).toBe(t.clock.now() + DAY);
    t.must('tickets.act', { id: ticket.id, action: 'accept' });
    t.must('tickets.act', { id: ticket.id, action: 'resolve' });
    t.must('tickets.act', { id: ticket.id, action: 'feedback' });
    expect(byRule('after_sales_reply').filter((x) => x.originTicket?.id === ticket.id)).toEqual([]);
  });

  it('a rule saved between two intakes plans the second one as saved (switched off: none; on again: 24 hours)', () => {
    const [c] = t.must('customers.search', { q: '王伟' });
    const intake = () => t.must('tickets.create', { customer: { id: c!.id }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '售后咨询', description: '' });
    const checksOf = (id: string) => byRule('after_sales_reply').filter((x) => x.originTicket?.id === id);
    expect(checksOf(intake().id)).toHaveLength(1);
    t.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    const rule = t.must('callbackRules.list', {}).find((r) => r.rule.code === 'after_sales_reply')!;
    t.must('callbackRules.save', { id: rule.id, rule: { ...rule.rule, active: false } });
    expect(checksOf(intake().id)).toEqual([]);
    t.must('callbackRules.save', { id: rule.id, rule: { ...rule.rule, active: true, offsets: [{ amount: 2, unit: 'days' }] } });
    const third = checksOf(intake().id);
    expect(third).toHaveLength(1);
    expect(third[0]!.dueAt).toBe(t.clock.now() + 2 * DAY);
    t.must('callbackRules.save', { id: rule.id, rule: rule.rule }); // as the suites below expect it
  });
});

describe('call outcomes', () => {
  it('no answer retries on the next working day until the rule gives up; wrong number ends it', () => {
    const c = add({ name: '钱多多', phones: ['139 0000 4444'] });
    t.must('assets.save', { customerId: c.id, asset: { ...VEHICLE, vin: null, plate: '京B54321', deliveryDate: '2026-03-03' } });
    const [dc7] = byRule('dc7_delivery').filter((x) => x.customer.id === c.id);
    expect(dc7).toMatchObject({ dueDay: '2026-03-10', asset: { label: expect.stringContaining('京B54321') } });
    let r = t.must('callbacks.record', { id: dc7!.id, outcome: 'no_answer', scores: [], notes: '', unsatisfied: false });
    expect(r).toMatchObject({ status: 'pending', attempts: 1, lastOutcome: 'no_answer', dueDay: '2026-03-04' });
    r = t.must('callbacks.record', { id: dc7!.id, outcome: 'no_answer', scores: [], notes: '', unsatisfied: false });
    expect(r).toMatchObject({ status: 'pending', attempts: 2 });
    r = t.must('callbacks.record', { id: dc7!.id, outcome: 'no_answer', scores: [], notes: '', unsatisfied: false });
    expect(r).toMatchObject({ status: 'unreachable', attempts: 3 });

    const [c2] = t.must('customers.search', { q: '欧阳娜娜' });
    const asset = t.must('assets.save', { customerId: c2!.id, asset: { ...VEHICLE, vin: null, plate: '京C11111', deliveryDate: '2026-03-02' } });
    const [other] = byRule('dc7_delivery').filter((x) => x.asset?.id === asset.id);
    expect(t.must('callbacks.record', { id: other!.id, outcome: 'wrong_number', scores: [], notes: '空号', unsatisfied: false })).toMatchObject({ status: 'unreachable', attempts: 1 });
  });
});

describe('callbacks from asset dates', () => {
  it('plans maintenance, inspection and insurance reminders a week before, and re-plans a changed date', () => {
    const c = add({ name: '孙悟空', phones: [] });
    const saved = t.must('assets.save', {
      customerId: c.id,
      asset: { ...VEHICLE, vin: null, plate: '京D22222', nextMaintenance: '2026-04-20', inspectionDate: '2026-05-15', insuranceRenewal: '2026-06-01' },
    });
    // 2026-05-08 is a Friday; 2026-05-25 a Monday; 13 April a Monday.
    expect(t.must('callbacks.ofCustomer', { customerId: c.id }).map((x) => [x.rule.code, x.dueDay]).sort()).toEqual(
      [['inspection', '2026-05-08'], ['insurance_renewal', '2026-05-25'], ['maintenance', '2026-04-13']].sort(),
    );
    t.must('assets.save', { customerId: c.id, id: saved.id, asset: { ...VEHICLE, vin: null, plate: '京D22222', nextMaintenance: '2026-04-27', inspectionDate: null, insuranceRenewal: null } });
    expect(t.must('callbacks.ofCustomer', { customerId: c.id }).map((x) => [x.rule.code, x.dueDay])).toEqual([['maintenance', '2026-04-20']]);
  });
  it('a policy plans its visits and at least three premium reminders, skipping what is already past', () => {
    const c = add({ name: '猪八戒', phones: [] });
    t.must('assets.save', { customerId: c.id, asset: { kind: 'policy', number: 'PL-0001', product: '寿险', signDate: '2025-12-20', premiumDue: '2026-09-30', status: 'active', lapsedDate: null } });
    const list = t.must('callbacks.ofCustomer', { customerId: c.id });
    const days = (code: string) => list.filter((x) => x.rule.code === code).map((x) => x.dueDay).sort();
    // signed 20 Dec 2025: the visits at signing and at 1 month are past on 3 March 2026
    expect(days('policy_visit')).toEqual(['2026-04-20', '2026-07-20', '2026-10-20']);
    expect(days('premium_renewal')).toEqual(['2026-06-30', '2026-07-30', '2026-08-28']);
  });
  it('a birthday gets a greeting a week before; a lunar one converts', () => {
    const c = add({ name: '嫦娥', phones: [], birthday: { calendar: 'lunar', month: 2, day: 15 } });
    // lunar 2026-02-15 is 2 April 2026 → due 26 March (Thursday)
    expect(t.must('callbacks.ofCustomer', { customerId: c.id }).map((x) => [x.rule.code, x.dueDay])).toEqual([['birthday', '2026-03-26']]);
  });
});

describe('admin-editable rules', () => {
  it('an agent reads the rules, only an admin changes them, audited', () => {
    signIn('agent1');
    const rules = t.must('callbackRules.list', {});
    expect(rules.map((r) => r.rule.code)).toEqual(expect.arrayContaining(['dc3_repair', 'dc7_delivery', 'birthday', 'policy_visit', 'premium_renewal']));
    const dc3 = rules.find((r) => r.rule.code === 'dc3_repair')!;
    expect(t.core.call('callbackRules.save', { id: dc3.id, rule: { ...dc3.rule, windowDays: 5 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    expect(t.must('callbackRules.save', { id: dc3.id, rule: { ...dc3.rule, offsets: [{ amount: 5, unit: 'days' }] } }).rule.offsets).toEqual([{ amount: 5, unit: 'days' }]);
    expect(t.must('audit.list', {}).find((e) => e.action === 'callbackRule.save')).toMatchObject({ subject: dc3.id, actorName: '管理员' });
  });
});

describe('the inbox, exactly once across a restart', () => {
  it('a callback that fell due while the app was closed reaches the inbox once; read state survives', async () => {
    const tmp = tempDir();
    const first = await startCore({ dir: tmp.dir });
    first.must('users.create', { name: 'agent1', displayName: '坐席一', role: 'agent', password: 'agent1-pass-1' });
    const c = first.must('customers.create', { customer: { ...CUSTOMER, name: '唐僧' } });
    first.must('assets.save', { customerId: c.id, asset: { ...VEHICLE, vin: null, plate: '京E33333', deliveryDate: '2026-03-03' } });
    first.must('auth.signIn', { name: 'agent1', password: 'agent1-pass-1' });
    expect(first.must('inbox.list', {}).items.filter((i) => i.kind === 'callback.due')).toEqual([]);
    await first.core.close();

    // Closed over the weekend: 7DC due Tuesday 10 March; opened Wednesday 11 March.
    const clock = first.clock;
    clock.set(T0 + 8 * DAY);
    const second = await startCore({ dir: tmp.dir, clock, setup: false });
    second.must('auth.signIn', { name: 'agent1', password: 'agent1-pass-1' });
    const inbox = second.must('inbox.list', {});
    const due = inbox.items.filter((i) => i.kind === 'callback.due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ caughtUp: true, read: false, customerName: '唐僧', callback: { ruleNames: { zh: '7DC 交车回访' } } });
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    second.core.onResume();
    expect(second.must('inbox.markRead', { ids: [due[0]!.id] }).unread).toBe(inbox.unread - 1);
    await second.core.close();

    const third = await startCore({ dir: tmp.dir, clock, setup: false });
    third.must('auth.signIn', { name: 'agent1', password: 'agent1-pass-1' });
    const again = third.must('inbox.list', {}).items.filter((i) => i.kind === 'callback.due');
    expect(again).toHaveLength(1);
    expect(again[0]!.read).toBe(true);
    expect(third.must('inbox.list', { unreadOnly: true }).items.filter((i) => i.kind === 'callback.due')).toEqual([]);
    // Another user has not read it.
    third.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    expect(third.must('inbox.list', {}).items.filter((i) => i.kind === 'callback.due').map((i) => i.read)).toEqual([false]);
    await third.close();
    tmp.remove();
  });
});
