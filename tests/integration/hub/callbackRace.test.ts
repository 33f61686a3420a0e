// A callback dropped at one seat while another seat calls the customer about it, with the hub
// down: seat A gives the after-sales ticket its feedback (the 24-hour reply check is no longer
// needed), seat B meanwhile records a call attempt on that very check. When the hub returns, both
// seats sync in either order, keep the attempt, and end with the same rows. (A deleted callback
// made B's attempt unable to apply anywhere: every later sync round stopped at the foreign key.)
import { describe, expect, it } from 'vitest';
import { CUSTOMER } from '../samples';
import { findPgBin } from './pgServer';
import { settle, twoSeats, waitFor, type Seat } from './seats';

const { bin, reason } = findPgBin();
if (!bin) console.warn(`Skipping the hub tests: ${reason}`);

describe.skipIf(!bin)('a callback cancelled at one seat while another seat calls about it', () => {
  const centre = twoSeats({ settled: true });

  const replyCheckOf = (s: Seat, ticketId: string) =>
    s.core.db.prepare(`SELECT id, status, attempts FROM callbacks WHERE origin_ticket_id = ? AND occasion LIKE '%' || ? || '%'`).get(ticketId, ticketId) as
      | { id: string; status: string; attempts: number }
      | undefined;

  for (const first of ['A1', 'B2'] as const) {
    it(`both seats keep the attempt and agree when ${first} reaches the hub first`, async () => {
      const { a, b, hub } = centre;
      const ticket = a.must('tickets.create', { customer: { new: { ...CUSTOMER, phones: [first === 'A1' ? '13600004441' : '13600004442'] } }, typeCode: 'after_sales', channel: 'phone', priority: 'normal', subject: '空调维修进度', description: '' });
      await settle([a, b]);
      const check = await waitFor(() => replyCheckOf(b, ticket.id), 'the reply check on seat B');
      expect(replyCheckOf(a, ticket.id)).toMatchObject({ id: check.id, status: 'pending', attempts: 0 });

      hub.stop('fast');
      for (const action of ['accept', 'resolve', 'feedback'] as const) a.must('tickets.act', { id: ticket.id, action });
      expect(replyCheckOf(a, ticket.id)).toMatchObject({ status: 'cancelled' });
      b.must('callbacks.record', { id: check.id, outcome: 'no_answer', scores: [], notes: '无人接听', unsatisfied: false });

      hub.start();
      const [one, two] = first === 'A1' ? [a, b] : [b, a];
      await one.sync();
      await two.sync();
      await settle([a, b]);

      for (const s of [a, b]) {
        expect(s.core.hub.status()).toMatchObject({ state: 'online', toSend: 0 });
        expect(s.core.db.prepare('SELECT outcome, notes FROM callback_attempts WHERE callback_id = ?').all(check.id)).toEqual([{ outcome: 'no_answer', notes: '无人接听' }]);
        expect(s.core.db.pragma('foreign_key_check')).toEqual([]);
      }
      expect(replyCheckOf(a, ticket.id)).toEqual(replyCheckOf(b, ticket.id));
      expect(a.core.hub.digests()).toEqual(b.core.hub.digests());
      // The sync goes on: a later change still reaches the other seat.
      const later = b.must('tickets.create', { customer: { id: ticket.customer.id }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: '之后的工单', description: '' });
      await settle([a, b]);
      expect(a.core.call('tickets.get', { id: later.id }).ok).toBe(true);
    }, 60_000);
  }
});
