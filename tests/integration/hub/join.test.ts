// A new PC joining a centre from its first-run page, against a hub that checks passwords: the test
// says why it cannot connect (unreachable, wrong password, no such database, no centre yet), a
// failed join leaves the PC not set up, and a good one downloads the centre before the sign-in
// page appears, so existing accounts sign in at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/contract';
import type { HubTestResult } from '../../../shared/hub';
import { ADMIN } from '../helpers';
import { findPgBin, startPgServer, type PgServer } from './pgServer';
import { firstSeat, openSeat, waitFor, type Seat } from './seats';

const { bin, reason } = findPgBin();
if (!bin) console.warn(`Skipping the join tests: ${reason}`);

async function testJoin(seat: Seat, connection: ReturnType<PgServer['connection']>): Promise<HubTestResult> {
  const { token } = seat.must('hub.testJoin', { connection });
  const e = await waitFor(() => seat.events.find((x): x is Extract<AppEvent, { type: 'hub.tested' }> => x.type === 'hub.tested' && x.token === token), 'the test result');
  return e.result;
}

describe.skipIf(!bin)('joining a centre from the first-run page', () => {
  let hub: PgServer;
  let a: Seat | null = null;
  const seats: Seat[] = [];
  beforeAll(async () => {
    hub = await startPgServer({ auth: 'password' });
  }, 60_000);
  afterAll(async () => {
    for (const s of seats) await s.close();
    await a?.close();
    hub?.destroy();
  });
  const newPc = async (code: string) => {
    const s = await openSeat(code);
    seats.push(s);
    return s;
  };

  it('before any centre is there, the test says so and a join is refused with NO_CENTRE', async () => {
    const s = await newPc('B2');
    expect(await testJoin(s, hub.connection())).toMatchObject({ ok: true, reason: null, centreName: null });
    s.must('hub.join', { connection: hub.connection(), seatCode: 'B2' });
    await waitFor(() => s.core.hub.status().error, 'the refusal');
    expect(s.core.hub.status()).toMatchObject({ state: 'refused', error: { reason: 'NO_CENTRE' } });
    expect(s.must('app.status', {}).initialized).toBe(false);
  });

  it('a wrong password, an unreachable hub and a missing database each get their own reason; nothing is set up', async () => {
    a = await firstSeat(hub, 'A1');
    a.must('users.create', { name: 'liuyang', displayName: '刘洋', role: 'agent', password: 'agent-pass-1' });
    await a.sync();

    const s = await newPc('C3');
    const good = hub.connection();
    expect(await testJoin(s, { ...good, password: 'wrong-password' })).toMatchObject({ ok: false, reason: 'AUTH' });
    expect(await testJoin(s, { ...good, port: good.port === 1 ? 2 : 1 })).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    expect(await testJoin(s, { ...good, database: 'nosuchdb' })).toMatchObject({ ok: false, reason: 'NO_DATABASE' });
    expect(await testJoin(s, good)).toMatchObject({ ok: true, centreName: '示范客服中心' });

    s.must('hub.join', { connection: { ...good, password: 'wrong-password' }, seatCode: 'C3' });
    await waitFor(() => s.core.hub.status().error, 'the failed join');
    expect(s.core.hub.status()).toMatchObject({ configured: true, state: 'offline', error: { reason: 'AUTH' } });
    expect(s.must('app.status', {}).initialized).toBe(false);
    expect(s.events.some((e) => e.type === 'centre.changed')).toBe(false);
    const signIn = s.core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    expect(signIn.ok).toBe(false);
  });

  it('joining again with the right password downloads the centre before the sign-in page, then existing accounts sign in', async () => {
    const s = seats.at(-1)!;
    let usersWhenAnnounced = -1;
    s.core.on((e) => {
      if (e.type === 'centre.changed') usersWhenAnnounced = s.core.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
    });
    s.must('hub.join', { connection: hub.connection(), seatCode: 'C3' });
    const announced = await waitFor(() => s.events.find((e): e is Extract<AppEvent, { type: 'centre.changed' }> => e.type === 'centre.changed'), 'the centre on the new PC');
    expect(announced.centre).toEqual({ centreName: '示范客服中心', timeZone: 'Asia/Shanghai', seatCode: 'C3' });
    // The centre's users were all here when the app turned to its sign-in page.
    expect(usersWhenAnnounced).toBe(a!.core.db.prepare('SELECT count(*) FROM users').pluck().get());
    expect(s.core.hub.status()).toMatchObject({ state: 'online', error: null });
    expect(s.must('app.status', {})).toMatchObject({ initialized: true, centreName: '示范客服中心', seatCode: 'C3' });
    s.must('auth.signIn', { name: 'liuyang', password: 'agent-pass-1' });
    // The catalogue and the calendars came with it: a ticket can be registered at once.
    expect(s.must('catalogue.list', {}).length).toBe(a!.must('catalogue.list', {}).length);
    const t = s.must('tickets.create', {
      customer: { new: { kind: 'person', name: '李娜', tier: 'standard', role: 'end_customer', phones: ['13900001111'], email: null, wechat: null, birthday: null, contactUserId: null, tags: [], notes: '' } },
      typeCode: 'password_reset',
      channel: 'phone',
      priority: 'normal',
      subject: '新坐席的第一张工单',
      description: '',
    });
    expect(t.number).toMatch(/^C3-/);
    await s.sync();
    await a!.sync();
    expect(a!.must('tickets.queue', {}).map((r) => r.number)).toContain(t.number);
  });

  it('a PC already set up cannot join (it would mix two centres)', () => {
    const r = a!.core.call('hub.join', { connection: hub.connection(), seatCode: 'Z9' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.alreadyInitialized' });
  });
});
