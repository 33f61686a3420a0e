// Seats of one centre in one test process: each a real core on its own SQLite folder, all syncing
// with the same real PostgreSQL hub.
import { afterAll, beforeAll } from 'vitest';
import type { AppEvent } from '../../../shared/contract';
import { createCore, manualClock, type Core } from '../../../electron/core';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { ADMIN, T0, tempDir } from '../helpers';
import { startPgServer, type PgServer } from './pgServer';

export interface Seat {
  core: Core;
  dir: string;
  code: string;
  clock: ReturnType<typeof manualClock>;
  events: AppEvent[];
  notified: { title: string; body: string }[];
  must<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
  sync(): Promise<void>;
  /** Reopens the same folder (after close() or an abrupt stop). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export const FAST = { retryMs: 50, maxRetryMs: 200, pollMs: 500 };

export async function openSeat(code: string, dir?: string, clock = manualClock(T0)): Promise<Seat> {
  const folder = dir ?? tempDir(`kefu-seat-${code}-`).dir;
  const seat = {} as Seat;
  const open = async () => {
    seat.core = await createCore({ dataDir: folder, clock, backupCheckEveryMs: 0, maintenanceEveryMs: 0, hub: FAST, notify: (n) => seat.notified.push(n) });
    seat.core.on((e) => seat.events.push(e));
    seat.core.startScheduler();
  };
  Object.assign(seat, {
    dir: folder,
    code,
    clock,
    events: [],
    notified: [],
    must<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
      const r = seat.core.call(method, input);
      if (!r.ok) throw new Error(`${code}: ${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    // A round can meet a connection the hub closed while it was stopped (the loop reconnects by
    // itself); the test waits for the next good round instead of failing on that one.
    async sync() {
      for (let attempt = 1; ; attempt++) {
        try {
          return await seat.core.hub.syncNow();
        } catch (err) {
          if (attempt >= 5) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    reopen: open,
    close: () => seat.core.close(),
  });
  await open();
  return seat;
}

/** The first seat: sets up the centre and connects it to the hub (uploading it). */
export async function firstSeat(hub: PgServer, code = 'A1'): Promise<Seat> {
  const s = await openSeat(code);
  s.must('setup.init', { centreName: '示范客服中心', timeZone: 'Asia/Shanghai', seatCode: code, admin: ADMIN });
  s.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
  s.must('hub.connect', { connection: hub.connection() });
  await s.sync();
  return s;
}

/** A new PC joining the centre: downloads it, then the admin signs in with the centre's account. */
export async function joinSeat(hub: PgServer, code: string): Promise<Seat> {
  const s = await openSeat(code);
  s.must('hub.join', { connection: hub.connection(), seatCode: code });
  await s.sync();
  await s.sync();
  s.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
  return s;
}

/** Rounds until every seat has pushed and pulled everything (two rounds: push, then see all). */
export async function settle(seats: readonly Seat[]): Promise<void> {
  for (let i = 0; i < 2; i++) for (const s of seats) await s.sync();
}

export function waitFor<T>(get: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const v = get();
      if (v) return resolve(v);
      if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

/**
 * A hub with two seats, A1 (which set the centre up) and B2 (which joined it), started before the
 * suite's tests and stopped after them. Call inside a `describe`; read the seats in tests.
 */
export function twoSeats(opts: { settled?: boolean } = {}): { readonly hub: PgServer; readonly a: Seat; readonly b: Seat } {
  const centre = {} as { hub: PgServer; a: Seat; b: Seat };
  beforeAll(async () => {
    centre.hub = await startPgServer();
    centre.a = await firstSeat(centre.hub, 'A1');
    centre.b = await joinSeat(centre.hub, 'B2');
    if (opts.settled) await settle([centre.a, centre.b]);
  }, 60_000);
  afterAll(async () => {
    await centre.a?.close();
    await centre.b?.close();
    centre.hub?.destroy();
  });
  return centre;
}
