// Several seats of one centre against a real PostgreSQL hub: upload, join, changes reaching the
// other seats, the conflict rules, and working offline.
import { describe, expect, it } from 'vitest';
import { CUSTOMER } from '../samples';
import { findPgBin } from './pgServer';
import { settle, twoSeats, waitFor, type Seat } from './seats';

const { bin, reason } = findPgBin();
if (!bin) console.warn(`Skipping the hub tests: ${reason}`);

describe.skipIf(!bin)('a centre with a PostgreSQL hub', () => {
  const centre = twoSeats();

  const newTicket = (s: Seat, subject: string, customer: { id: string } | { new: typeof CUSTOMER } = { new: CUSTOMER }) =>
    s.must('tickets.create', { customer, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject, description: '' });

  it('the joining seat downloads the centre: its users sign in there, its name and zone are the centre’s', async () => {
    expect(centre.b.must('app.status', {})).toMatchObject({ initialized: true, centreName: '示范客服中心', seatCode: 'B2', timeZone: 'Asia/Shanghai' });
    await settle([centre.a, centre.b]);
    expect(centre.b.core.hub.status()).toMatchObject({ state: 'online', toSend: 0 });
    expect(centre.b.core.hub.digests()).toEqual(centre.a.core.hub.digests());
  });

  it('a ticket created on seat A reaches seat B’s queue by itself (NOTIFY), with its events and hash chain intact', async () => {
    const t = newTicket(centre.a, '网上银行登录失败');
    const seen = await waitFor(() => centre.b.events.find((e) => e.type === 'ticket.changed' && e.ticket.id === t.id), 'the ticket on seat B');
    expect(seen).toBeTruthy();
    expect(centre.b.must('tickets.queue', {}).map((r) => r.number)).toContain(t.number);
    expect(centre.b.must('tickets.get', { id: t.id }).events.map((e) => e.kind)).toEqual(['created']);
    expect(centre.b.must('search.all', { q: '银行登录' }).tickets.map((r) => r.id)).toContain(t.id);
    expect(centre.b.must('db.check', {})).toMatchObject({ ok: true });
  });

  it('two agents accept the same ticket while the hub is down: the first in hub order wins, the other is told, the history shows both', async () => {
    const agentA = centre.a.must('users.create', { name: 'zhang', displayName: '张三', role: 'agent', password: 'agent-pass-1' });
    const agentB = centre.a.must('users.create', { name: 'li', displayName: '李四', role: 'agent', password: 'agent-pass-2' });
    const t = newTicket(centre.a, '激活失败');
    await settle([centre.a, centre.b]);
    centre.hub.stop('fast');
    centre.a.must('auth.signIn', { name: 'zhang', password: 'agent-pass-1' });
    centre.b.must('auth.signIn', { name: 'li', password: 'agent-pass-2' });
    centre.a.must('tickets.act', { id: t.id, action: 'accept' });
    centre.a.clock.advance(1000);
    centre.b.clock.advance(2000);
    centre.b.must('tickets.act', { id: t.id, action: 'accept' });
    centre.b.must('tickets.act', { id: t.id, action: 'start' });
    await waitFor(() => centre.b.core.hub.status().state === 'offline', 'seat B offline');
    expect(centre.b.core.hub.status().toSend).toBeGreaterThan(0);
    // B's PC is switched off before the hub returns, so A's accept reaches the hub first.
    await centre.b.close();
    centre.hub.start();
    await centre.a.sync();
    await centre.b.reopen();
    centre.b.must('auth.signIn', { name: 'li', password: 'agent-pass-2' });
    await settle([centre.b, centre.a]);
    for (const s of [centre.a, centre.b]) {
      const d = s.must('tickets.get', { id: t.id });
      expect(d.status, s.code).toBe('accepted');
      expect(d.assignee?.id, s.code).toBe(agentA.id);
      const accepts = d.events.filter((e) => e.kind === 'accept');
      expect(accepts.map((e) => e.actorId).sort(), s.code).toEqual([agentA.id, agentB.id].sort());
      // B's accept and its start both lost; each is on record with what was kept and what lost.
      const conflicts = s.must('hub.conflicts', { subjectId: t.id });
      expect(conflicts.length, s.code).toBe(2);
      for (const c of conflicts) expect(c).toMatchObject({ kind: 'ticket.lifecycle', winnerSeat: 'A1', loserSeat: 'B2' });
      expect(conflicts.at(-1)!.details.fields).toMatchObject({ assignee_id: { kept: agentA.id, lost: agentB.id } });
      // The ticket's panel shows them in words: who kept it, what of B's did not take effect.
      expect(d.syncConflicts, s.code).toEqual([
        expect.objectContaining({ winnerSeat: 'A1', loserSeat: 'B2', kept: { status: 'accepted', assignee: '张三' }, lost: { status: 'accepted', assignee: '李四' } }),
        expect.objectContaining({ winnerSeat: 'A1', loserSeat: 'B2', kept: { status: 'accepted' }, lost: { status: 'in_progress' } }),
      ]);
    }
    expect(centre.b.notified.filter((n) => n.title.includes(t.number))).toHaveLength(1);
    expect(centre.a.notified.some((n) => n.title.includes(t.number))).toBe(false);
    expect(centre.a.core.hub.digests()).toEqual(centre.b.core.hub.digests());
    centre.a.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    centre.b.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
  });

  it('a customer edited at two seats: per field the later in hub order wins, both versions are kept', async () => {
    const c = centre.a.must('customers.create', { customer: { ...CUSTOMER, name: '赵敏', phones: ['139 0000 1111'] } });
    await settle([centre.a, centre.b]);
    centre.hub.stop('fast');
    centre.a.must('customers.update', { id: c.id, customer: { ...CUSTOMER, name: '赵敏', phones: ['139 0000 1111'], email: 'zm@a.example', notes: '来自A' } });
    centre.b.must('customers.update', { id: c.id, customer: { ...CUSTOMER, name: '赵敏', phones: ['139 0000 1111'], email: 'zm@b.example', wechat: 'zm_wx' } });
    await centre.b.close();
    centre.hub.start();
    await centre.a.sync();
    await centre.b.reopen();
    centre.b.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    await settle([centre.b, centre.a]);
    for (const s of [centre.a, centre.b]) {
      const got = s.must('customers.get', { id: c.id });
      // B reached the hub later: its email wins; A's note (untouched at B) is kept; B's WeChat too.
      expect(got, s.code).toMatchObject({ email: 'zm@b.example', wechat: 'zm_wx', notes: '来自A' });
      const conflicts = s.must('hub.conflicts', { subjectId: c.id });
      expect(conflicts, s.code).toHaveLength(1);
      expect(conflicts[0]!.details.fields).toMatchObject({ email: { kept: 'zm@b.example', lost: 'zm@a.example' } });
    }
    expect(centre.a.core.hub.digests()).toEqual(centre.b.core.hub.digests());
  });

  it('the same new customer registered at two seats is flagged as a probable duplicate, and merging leaves one', async () => {
    centre.a.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    centre.hub.stop('fast');
    const x = centre.a.must('customers.create', { customer: { ...CUSTOMER, name: '钱多多', phones: ['137 1234 5678'] } });
    const y = centre.b.must('customers.create', { customer: { ...CUSTOMER, name: '钱多多', phones: ['13712345678'] } });
    const ty = newTicket(centre.b, '转户', { id: y.id });
    centre.hub.start();
    await settle([centre.a, centre.b]);
    for (const s of [centre.a, centre.b]) {
      const dup = s.must('hub.conflicts', { subjectId: x.id });
      expect(dup, s.code).toMatchObject([{ kind: 'customer.duplicate', open: true }]);
    }
    centre.a.must('customers.merge', { keepId: x.id, mergeId: y.id });
    await settle([centre.a, centre.b]);
    for (const s of [centre.a, centre.b]) {
      expect(s.core.call('customers.get', { id: y.id }).ok, s.code).toBe(false);
      expect(s.must('tickets.get', { id: ty.id }).customerDetail.id, s.code).toBe(x.id);
      expect(s.must('hub.conflicts', { subjectId: x.id })[0]!.open, s.code).toBe(false);
    }
    expect(centre.a.core.hub.digests()).toEqual(centre.b.core.hub.digests());
  });

  it('reminders: a person signed in at two seats hears about their ticket only at the seat of the latest sign-in', async () => {
    centre.a.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    // Everything earlier tests left open fires first, so only this test's ticket remains.
    const later = Math.max(centre.a.clock.now(), centre.b.clock.now()) + 7 * 24 * 3600_000;
    for (const s of [centre.a, centre.b]) {
      s.clock.set(later);
      s.core.onResume();
    }
    const wang = centre.a.must('users.create', { name: 'wangwu', displayName: '王五', role: 'agent', password: 'agent-pass-3' });
    await settle([centre.a, centre.b]);
    centre.a.must('auth.signIn', { name: 'wangwu', password: 'agent-pass-3' });
    const t = newTicket(centre.a, '重置密码');
    centre.a.must('tickets.act', { id: t.id, action: 'accept' });
    await settle([centre.a, centre.b]);
    centre.b.must('auth.signIn', { name: 'wangwu', password: 'agent-pass-3' }); // later, at seat B
    await settle([centre.a, centre.b]);
    expect(centre.b.must('tickets.get', { id: t.id }).assignee?.id).toBe(wang.id);
    centre.a.notified.length = 0;
    centre.b.notified.length = 0;
    // Two days later both seats fire the ticket's moments; only B reminds 王五.
    for (const s of [centre.a, centre.b]) {
      s.clock.advance(2 * 24 * 3600_000);
      s.core.onResume();
    }
    // The warning is 王五's alone: at B; seat A (nobody of its own signed in) shows breaches only.
    expect(centre.b.notified.filter((n) => n.title === `即将超时：${t.number}`)).toHaveLength(1);
    expect(centre.a.notified.filter((n) => n.title === `即将超时：${t.number}`)).toHaveLength(0);
    centre.a.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    centre.b.must('auth.signIn', { name: 'admin', password: 'admin-pass-1' });
  });

  it('offline: the seat works, counts what it has to send, and catches up by itself when the hub returns', async () => {
    centre.hub.stop('immediate');
    const t = newTicket(centre.a, '离线受理');
    centre.a.must('tickets.act', { id: t.id, action: 'accept' });
    const offline = await waitFor(() => (centre.a.core.hub.status().state === 'offline' ? centre.a.core.hub.status() : null), 'seat A offline');
    expect(offline.offlineSince).not.toBeNull();
    expect(offline.toSend).toBeGreaterThanOrEqual(3);
    expect(centre.a.must('tickets.get', { id: t.id }).status).toBe('accepted');
    centre.hub.start();
    await waitFor(() => centre.a.core.hub.status().state === 'online' && centre.a.core.hub.status().toSend === 0, 'seat A back online', 20_000);
    await waitFor(() => centre.b.core.call('tickets.get', { id: t.id }).ok, 'the ticket on seat B', 20_000);
    await settle([centre.a, centre.b]);
    expect(centre.a.core.hub.digests()).toEqual(centre.b.core.hub.digests());
  });
});
