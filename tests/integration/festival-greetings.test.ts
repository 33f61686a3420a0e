// Festival greetings (issue 11.2): planned ahead for the audience of the festival rule (key accounts
// by default), one per customer and festival, due on a working day before it, idempotent across a
// restart, and a customer made a key account later is greeted after the next planning run.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { festivalDay } from '../../shared/callbacks/festivals';
import { CHINA_CALENDAR, compileCalendar, formatIsoDate, parseIsoDate } from '../../shared/sla';
import { startCore, tempDir, type TestCore } from './helpers';
import { CUSTOMER } from './samples';
import { manualClock } from '../../electron/core';

const SPRING_2027 = festivalDay('springFestival', 2027); // 2027-02-06
// Ten days before Spring Festival 2027, at 09:00 in the centre (Asia/Shanghai).
const NOW = Date.parse(`${formatIsoDate(SPRING_2027 - 10)}T09:00:00+08:00`);
const calendar = compileCalendar(CHINA_CALENDAR);
const tmp = tempDir();
const clock = manualClock(NOW);
let t: TestCore;
let keyId: string;
let standardId: string;

const greetings = (customerId: string) =>
  t.must('callbacks.ofCustomer', { customerId }).filter((c) => c.rule.code === 'festival_greeting');

beforeAll(async () => {
  t = await startCore({ dir: tmp.dir, clock });
  keyId = t.must('customers.create', { customer: { ...CUSTOMER, name: '重点客户甲', tier: 'key', phones: ['139 1000 0001'] } }).id;
  standardId = t.must('customers.create', { customer: { ...CUSTOMER, name: '普通客户乙', tier: 'standard', phones: ['139 1000 0002'] } }).id;
  t.core.planFestivalGreetings();
});
afterAll(async () => {
  await t.close();
  tmp.remove();
});

it('a key account gets one Spring Festival greeting due on a working day before it; a standard customer none', () => {
  const [greeting, ...more] = greetings(keyId);
  expect(more).toEqual([]);
  const due = parseIsoDate(greeting!.dueDay)!;
  expect(due).toBeLessThan(SPRING_2027);
  expect(due).toBeGreaterThanOrEqual(calendar.dayOf(NOW).day);
  expect(calendar.dayAt(due).workMs).toBeGreaterThan(0);
  expect(greeting!.status).toBe('pending');
  expect(greetings(standardId)).toEqual([]);
  // It is in the work queue, upcoming.
  expect(t.must('callbacks.queue', {}).upcoming.map((c) => c.id)).toContain(greeting!.id);
});

it('planning again and restarting the core keep exactly the same one greeting', async () => {
  const before = greetings(keyId).map((c) => c.id);
  expect(t.core.planFestivalGreetings()).toEqual([]);
  await t.core.close();
  t = await startCore({ dir: tmp.dir, clock, setup: false });
  t.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
  expect(greetings(keyId).map((c) => c.id)).toEqual(before);
  expect(greetings(standardId)).toEqual([]);
});

it('a customer made a key account later is greeted after the next planning run', () => {
  const c = t.must('customers.get', { id: standardId });
  t.must('customers.update', { id: standardId, customer: { ...CUSTOMER, name: c.name, phones: c.phones, tier: 'key' } });
  clock.set(NOW + 86_400_000);
  const created = t.core.planFestivalGreetings();
  const [greeting, ...more] = greetings(standardId);
  expect(more).toEqual([]);
  expect(created).toEqual([greeting!.id]);
  expect(parseIsoDate(greeting!.dueDay)!).toBeLessThan(SPRING_2027);
  expect(greetings(keyId)).toHaveLength(1);
});

it('an admin widening the rule to all customers greets a standard customer at once', () => {
  const other = t.must('customers.create', { customer: { ...CUSTOMER, name: '普通客户丙', tier: 'standard', phones: ['139 1000 0003'] } }).id;
  expect(greetings(other)).toEqual([]);
  const stored = t.must('callbackRules.list', {}).find((r) => r.rule.code === 'festival_greeting')!;
  expect(stored.rule.trigger).toMatchObject({ kind: 'festival', audience: 'key' });
  t.must('callbackRules.save', { id: stored.id, rule: { ...stored.rule, trigger: { kind: 'festival', festivals: ['springFestival'], audience: 'all' } } });
  expect(greetings(other)).toHaveLength(1);
  expect(greetings(keyId)).toHaveLength(1);
});

it('switching the rule off withdraws the greetings nobody has tried; switching it on again brings the same ones back', () => {
  const stored = t.must('callbackRules.list', {}).find((r) => r.rule.code === 'festival_greeting')!;
  const tried = greetings(keyId)[0]!;
  t.must('callbacks.record', { id: tried.id, outcome: 'no_answer', scores: [], notes: '', unsatisfied: false });
  const untried = greetings(standardId)[0]!;

  t.must('callbackRules.save', { id: stored.id, rule: { ...stored.rule, active: false } });
  expect(greetings(standardId)).toEqual([]);
  const queue = t.must('callbacks.queue', {});
  expect([...queue.overdue, ...queue.dueToday, ...queue.upcoming].map((c) => c.id)).not.toContain(untried.id);
  expect(t.core.db.prepare('SELECT status FROM callbacks WHERE id = ?').pluck().get(untried.id)).toBe('cancelled');
  expect(t.core.db.prepare(`SELECT count(*) FROM due_moments WHERE kind = 'callback.due' AND subject_id = ? AND fired_at IS NULL`).pluck().get(untried.id)).toBe(0);
  // Someone already called this one: it stays for them to finish.
  expect(greetings(keyId).map((c) => ({ id: c.id, status: c.status, attempts: c.attempts }))).toEqual([{ id: tried.id, status: 'pending', attempts: 1 }]);
  expect(t.core.planFestivalGreetings()).toEqual([]);

  t.must('callbackRules.save', { id: stored.id, rule: { ...stored.rule, active: true } });
  expect(greetings(standardId).map((c) => ({ id: c.id, status: c.status, dueDay: c.dueDay }))).toEqual([{ id: untried.id, status: 'pending', dueDay: untried.dueDay }]);
  expect(t.core.db.prepare(`SELECT count(*) FROM due_moments WHERE kind = 'callback.due' AND subject_id = ? AND fired_at IS NULL`).pluck().get(untried.id)).toBe(1);
});
