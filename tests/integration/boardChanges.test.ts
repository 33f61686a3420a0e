// The wall-board follows changes without a new snapshot: the rows the snapshot came with, with
// each ticket.changed row applied (shared/tickets/changes.ts) and the figures recomputed by the
// function the core uses (shared/boardFigures.ts), give the same board as a fresh snapshot.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import type { BoardSnapshot } from '../../shared/board';
import { boardOfRows, boardSetOf } from '../../shared/boardFigures';
import { applyTicketRow, type LiveTickets } from '../../shared/tickets/changes';
import { ticketSlaStatus } from '../../shared/tickets/sla';
import type { TicketRow } from '../../shared/tickets/types';
import { calendarFor } from '../../electron/core/services/ticketSla';
import { startCore, type TestCore } from './helpers';
import { CUSTOMER } from './samples';

const MIN = 60_000;
let t: TestCore;
beforeEach(async () => {
  t = await startCore();
});
afterEach(async () => t.close());

const intake = (typeCode: string, phone: string) =>
  t.must('tickets.create', { customer: { new: { ...CUSTOMER, tier: 'standard', phones: [phone] } }, typeCode, channel: 'phone', priority: 'normal', subject: '咨询', description: '' });

/** What the board window computes from its held rows (renderer/src/wallboard/store.ts). */
const recomputed = (held: LiveTickets, s: BoardSnapshot, now: number) =>
  boardOfRows(held.rows.values(), (row) => ticketSlaStatus(calendarFor(t.core.db, row.sla.target.calendarId), row.sla, now), now, s.timeZone);
const withoutUrgent = ({ urgent: _urgent, ...rest }: BoardSnapshot) => rest;

it('applying the pushed rows to the snapshot’s rows gives the figures, agents and order of a fresh snapshot', () => {
  const a = intake('login_unlock', '13900000001');
  const b = intake('account_open', '13900000002');
  const c = intake('complaint', '13900000003');
  t.must('tickets.act', { id: b.id, action: 'accept' });
  t.clock.advance(5 * MIN);
  const first = t.must('board.snapshot', {});
  expect(first.open.map((r) => r.id).sort()).toEqual([a.id, b.id, c.id].sort());
  let held: LiveTickets = { rows: new Map([...first.open, ...first.completedToday].map((r) => [r.id, r])), seen: new Map() };
  expect(recomputed(held, first, t.clock.now())).toEqual(withoutUrgent(first));

  const pushed: TicketRow[] = [];
  const off = t.core.on((e: AppEvent) => e.type === 'ticket.changed' && pushed.push(e.ticket));
  t.must('tickets.act', { id: a.id, action: 'accept' });
  t.must('tickets.act', { id: b.id, action: 'resolve' });
  t.must('tickets.act', { id: b.id, action: 'feedback' });
  t.must('tickets.act', { id: c.id, action: 'accept' });
  t.must('tickets.act', { id: c.id, action: 'wait' });
  const d = intake('password_reset', '13900000004');
  t.clock.advance(7 * MIN); // past a's 10 minutes: breached by time alone
  off();
  const late = pushed.find((r) => r.id === a.id)!; // an older row of a arriving after the others
  for (const row of [...pushed, late]) held = applyTicketRow(held, row, (r) => boardSetOf(r, first.dayStart) !== null);

  const now = t.clock.now();
  const fresh = t.must('board.snapshot', {});
  expect(fresh.open.map((r) => r.id)).toContain(d.id);
  expect(fresh.figures.completedToday).toBe(1);
  expect(fresh.figures.breachedOpen).toBe(1);
  expect(recomputed(held, first, now)).toEqual(withoutUrgent(fresh));
});
