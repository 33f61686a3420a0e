// What belongs to the whole centre besides tickets and customers: its name and time zone (each
// seat keeps its own seat code), and the callback rules, callbacks and call attempts, which every
// seat seeds or generates under name-based ids so that the same rule or callback is one row.
import { describe, expect, it } from 'vitest';
import { callbackId, callbackRuleId } from '../../../electron/core/ids';
import type { CallbackView } from '../../../shared/callbacks/types';
import { CUSTOMER } from '../samples';
import { findPgBin } from './pgServer';
import { settle, twoSeats, waitFor, type Seat } from './seats';

const { bin, reason } = findPgBin();
if (!bin) console.warn(`Skipping the shared-centre tests: ${reason}`);

const all = (s: Seat): CallbackView[] => {
  const q = s.must('callbacks.queue', {});
  return [...q.overdue, ...q.dueToday, ...q.upcoming];
};

describe.skipIf(!bin)('the centre’s settings, callback rules and callbacks are shared', () => {
  const centre = twoSeats({ settled: true });

  it('every seat seeded the same rules under the same ids (derived from the code), so they are one set', () => {
    const rulesA = centre.a.must('callbackRules.list', {});
    expect(rulesA.length).toBeGreaterThan(3);
    for (const r of rulesA) expect(r.id).toBe(callbackRuleId(r.rule.code));
    expect(centre.b.must('callbackRules.list', {}).map((r) => r.id)).toEqual(rulesA.map((r) => r.id));
    expect(centre.b.core.hub.digests().callback_rules).toEqual(centre.a.core.hub.digests().callback_rules);
  });

  it('the centre’s name and time zone changed at seat A reach seat B, which keeps its own seat code', async () => {
    centre.a.must('centre.update', { centreName: '华东区客服中心', timeZone: 'Asia/Urumqi', seatCode: 'A1' });
    await waitFor(() => centre.b.events.find((e) => e.type === 'centre.changed' && e.centre.centreName === '华东区客服中心'), 'the new name at seat B');
    expect(centre.b.must('app.status', {})).toMatchObject({ centreName: '华东区客服中心', timeZone: 'Asia/Urumqi', seatCode: 'B2' });
    expect(centre.a.must('app.status', {})).toMatchObject({ centreName: '华东区客服中心', timeZone: 'Asia/Urumqi', seatCode: 'A1' });
    centre.a.must('centre.update', { centreName: '华东区客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A1' });
    await settle([centre.a, centre.b]);
    expect(centre.b.must('centre.get', {})).toEqual({ centreName: '华东区客服中心', timeZone: 'Asia/Shanghai', seatCode: 'B2' });
  });

  it('the seat codes a PC has held stay its own: another seat cannot take a code whose tickets came from elsewhere', async () => {
    const t = centre.a.must('tickets.create', { customer: { new: { ...CUSTOMER, name: '沙和尚', phones: ['13600004444'] } }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: '改号前', description: '' });
    expect(t.number).toMatch(/^A1-/);
    centre.a.must('centre.update', { centreName: '华东区客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A7' });
    await settle([centre.a, centre.b]);
    const taken = centre.b.core.call('centre.update', { centreName: '华东区客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A1' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.seatCodeTaken' } });
    centre.a.must('centre.update', { centreName: '华东区客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A1' });
    await settle([centre.a, centre.b]);
  });

  it('a rule edited at A, a callback generated at A and the call made at B reach every seat', async () => {
    const rule = centre.a.must('callbackRules.list', {}).find((r) => r.rule.code === 'dc3_repair')!;
    centre.a.must('callbackRules.save', { id: rule.id, rule: { ...rule.rule, script: '您好，这里是华东区客服中心，回访您的维修。' } });
    await settle([centre.a, centre.b]);
    expect(centre.b.must('callbackRules.list', {}).find((r) => r.id === rule.id)!.rule.script).toBe('您好，这里是华东区客服中心，回访您的维修。');

    // An after-sales ticket finished at A makes the 3-day repair callback there.
    const t = centre.a.must('tickets.create', { customer: { new: { ...CUSTOMER, name: '孙悟空', phones: ['13600001111'] } }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '维修', description: '' });
    for (const action of ['accept', 'resolve', 'feedback'] as const) centre.a.must('tickets.act', { id: t.id, action });
    const made = all(centre.a).find((c) => c.rule.code === 'dc3_repair' && c.originTicket?.id === t.id)!;
    expect(made).toBeTruthy();
    await settle([centre.a, centre.b]);
    const atB = all(centre.b).find((c) => c.id === made.id);
    expect(atB, 'the callback in seat B’s work queue').toBeTruthy();
    expect(centre.b.core.db.prepare(`SELECT count(*) FROM due_moments WHERE kind = 'callback.due' AND subject_id = ?`).pluck().get(made.id)).toBe(1);

    // Another agent (not the one who served) makes the call at B.
    const caller = centre.a.must('users.create', { name: 'huifang', displayName: '回访员', role: 'agent', password: 'agent-pass-9' });
    await settle([centre.a, centre.b]);
    centre.b.must('auth.signIn', { name: 'huifang', password: 'agent-pass-9' });
    centre.b.must('callbacks.record', { id: made.id, outcome: 'reached', scores: [5, 5, 5], notes: '满意', unsatisfied: false });
    await settle([centre.b, centre.a]);
    expect(centre.a.must('callbacks.get', { id: made.id })).toMatchObject({ status: 'done', doneBy: { id: caller.id } });
    // Done at B: A no longer has a due moment waiting for it.
    expect(centre.a.core.db.prepare(`SELECT count(*) FROM due_moments WHERE kind = 'callback.due' AND subject_id = ? AND fired_at IS NULL`).pluck().get(made.id)).toBe(0);
    const digestsA = centre.a.core.hub.digests();
    const digestsB = centre.b.core.hub.digests();
    for (const table of ['callback_rules', 'callbacks', 'callback_attempts', 'settings']) expect(digestsB[table], table).toEqual(digestsA[table]);
    expect(digestsA.callback_attempts!.rows).toBe(1);
    centre.b.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
  });

  it('a callback’s id comes from its occasion, so the same callback made at two seats is one row of the centre', async () => {
    const t = centre.a.must('tickets.create', { customer: { new: { ...CUSTOMER, name: '猪八戒', phones: ['13600002222'] } }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '保养', description: '' });
    await settle([centre.a, centre.b]);
    const occasions = (s: Seat) => s.core.db.prepare('SELECT id, occasion FROM callbacks WHERE origin_ticket_id = ? ORDER BY occasion').all(t.id) as { id: string; occasion: string }[];
    // The after-sales reply callback was made at A when the ticket was created, and came to B.
    expect(occasions(centre.b)).toEqual(occasions(centre.a));
    for (const c of occasions(centre.a)) expect(c.id).toBe(callbackId(c.occasion));
  });
});
