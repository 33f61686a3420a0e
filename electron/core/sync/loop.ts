// The seat's sync loop: connect, push the outbox in batches, pull what the hub has in order and
// apply it, then wait for a NOTIFY (or a poll) to do it again. Everything here is asynchronous and
// runs beside the handlers, never inside them: a handler only writes SQLite (and the outbox), and
// reads stay local, so a seat works the same with the hub up, slow or gone.
import type pg from 'pg';
import type { HubStatus, HubTestResult } from '../../../shared/hub';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { describeError, type Logger } from '../log';
import { ensureCentreProfile } from '../services/centreProfile';
import { getSetting, setSetting } from '../services/settings';
import { applyChanges, type ApplyOutcome } from './apply';
import { becameMember, getHubConfig, type HubConfig } from './config';
import { claimCentre, connectHub, ensureSchema, HubRefusal, listen, pullChanges, pushChanges, testHub, type HubConnection } from './hubClient';
import { hubErrorReason } from './hubErrors';
import { captureEnabled, enableCapture, enqueueSnapshot, markPushed, pulledSeq, toSendCount, unpushed } from './outbox';

export interface HubSyncOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** After a batch from the hub was committed: push events to windows, re-arm the scheduler. */
  onApplied(outcome: ApplyOutcome): void;
  onStatus(status: HubStatus): void;
  /** A new PC joined a centre: its centre settings now exist. */
  onJoined?(centre: { centreName: string; timeZone: string; seatCode: string }): void;
  /** Resolves when this seat's database may be written (a long write, writeGate.ts, may hold it). */
  writable?(): Promise<void>;
  /** First retry after a failure; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** A pull even without NOTIFY, in case one was missed. */
  pollMs?: number;
  pushBatch?: number;
  pullBatch?: number;
}

export interface HubSync {
  status(): HubStatus;
  /** Something changed locally or the config changed: sync soon (coalesced). */
  kick(): void;
  /** Resolves after a full push-and-pull round that started after this call (tests, CLI). */
  syncNow(): Promise<void>;
  test(c: HubConnection): Promise<HubTestResult>;
  /** Drop the connection (config changed); the next kick reconnects. */
  reconnect(): void;
  stop(): Promise<void>;
}

export function createHubSync(o: HubSyncOptions): HubSync {
  const { db, clock, logger } = o;
  const retryBase = o.retryMs ?? 1000;
  const retryMax = o.maxRetryMs ?? 15_000;
  const pollMs = o.pollMs ?? 10_000;
  const pushBatch = o.pushBatch ?? 500;
  const pullBatch = o.pullBatch ?? 1000;

  let client: pg.Client | null = null;
  let listener: pg.Client | null = null;
  let centreId: string | null = null;
  let state: HubStatus['state'] = getHubConfig(db) ? 'connecting' : 'off';
  let offlineSince: number | null = null;
  let lastSyncAt: number | null = null;
  let error: HubStatus['error'] = null;
  let running = false;
  let again = false;
  let stopped = false;
  let retryDelay = retryBase;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiters: { resolve(): void; reject(e: Error): void }[] = [];
  let lastPublished = '';
  let joinedPending: { centreName: string; timeZone: string; seatCode: string } | null = null;

  const status = (): HubStatus => {
    const cfg = db.open ? getHubConfig(db) : null;
    return {
      configured: cfg !== null,
      state: cfg ? state : 'off',
      host: cfg?.host ?? null,
      database: cfg?.database ?? null,
      offlineSince,
      toSend: db.open ? toSendCount(db) : 0,
      lastSyncAt,
      error,
      conflicts: db.open ? (db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get() as number) : 0,
    };
  };
  const publishStatus = () => {
    if (stopped || !db.open) return;
    const s = status();
    const key = JSON.stringify({ ...s, lastSyncAt: null });
    if (key === lastPublished) return;
    // A single seat (no hub) never hears about the hub: nothing to say until one is configured.
    const silent = !s.configured && lastPublished === '';
    lastPublished = key;
    if (silent) return;
    o.onStatus(s);
  };

  const drop = async () => {
    const c = client;
    const l = listener;
    client = null;
    listener = null;
    centreId = null;
    await Promise.all([c?.end().catch(() => {}), l?.end().catch(() => {})]);
  };

  const onClientError = (err: Error) => {
    logger.log('warn', 'The hub connection failed', { message: err.message });
    void drop().then(() => schedule(0));
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, ms);
    timer.unref?.();
  };

  const connect = async (cfg: HubConfig) => {
    state = 'connecting';
    const c = await connectHub(cfg, onClientError);
    try {
      await ensureSchema(c);
      const centre = getSetting(db, 'centre');
      const seatCode = cfg.mode === 'join' ? cfg.seatCode : (centre?.seatCode ?? null);
      if (!seatCode) throw new HubRefusal('NO_CENTRE', 'This seat has no seat code yet.');
      const claimed = await claimCentre(c, {
        mode: cfg.mode,
        centreId: cfg.centreId,
        newCentre: cfg.mode === 'upload' && centre ? { id: cfg.centreId ?? newId(clock), name: centre.centreName, timeZone: centre.timeZone } : null,
        seatId: cfg.seatId,
        seatCode,
      });
      await o.writable?.();
      if (!db.open) throw new Error('closed');
      let joined: { centreName: string; timeZone: string; seatCode: string } | null = null;
      db.transaction(() => {
        if (!captureEnabled(db)) {
          if (cfg.mode === 'join') {
            joined = { centreName: claimed.centre.name, timeZone: claimed.centre.timeZone, seatCode };
            setSetting(db, 'centre', { centreName: claimed.centre.name, timeZone: claimed.centre.timeZone, seatCode }, clock.now(), null);
          }
          enableCapture(db);
          // The first seat uploads everything it has; a joining seat has nothing of its own yet.
          if (cfg.mode === 'upload') {
            ensureCentreProfile(db, clock.now());
            enqueueSnapshot(db, seatCode);
          }
        }
        becameMember(db, claimed.centre.id);
      })();
      // Announced once the first round has downloaded the centre, so the sign-in page that
      // follows already knows the centre's accounts.
      if (joined) joinedPending = joined;
      const l = await connectHub(cfg, onClientError);
      try {
        await listen(l, claimed.centre.id, () => kick());
      } catch (err) {
        await l.end().catch(() => {});
        throw err;
      }
      client = c;
      listener = l;
      centreId = claimed.centre.id;
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
  };

  const round = async () => {
    const c = client!;
    const centre = centreId!;
    const cfg = getHubConfig(db)!;
    for (;;) {
      const rows = unpushed(db, pushBatch);
      if (rows.length === 0) break;
      await pushChanges(c, centre, cfg.seatId, rows);
      await o.writable?.();
      if (!db.open) return;
      markPushed(db, rows.at(-1)!.seq);
      publishStatus();
    }
    for (;;) {
      const changes = await pullChanges(c, centre, pulledSeq(db), pullBatch);
      if (changes.length === 0) break;
      await o.writable?.();
      if (!db.open) break;
      const outcome = applyChanges(db, changes);
      try {
        o.onApplied(outcome);
      } catch (err) {
        logger.error('Publishing changes from the hub failed', describeError(err));
      }
      if (changes.length < pullBatch) break;
    }
  };

  const run = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const settled: typeof waiters = [];
    try {
      do {
        again = false;
        // Whoever asked before this round starts is answered by it.
        settled.push(...waiters.splice(0));
        const cfg = db.open ? getHubConfig(db) : null;
        if (!cfg) {
          state = 'off';
          break;
        }
        if (!client) await connect(cfg);
        await round();
        if (joinedPending) {
          const joined = joinedPending;
          joinedPending = null;
          o.onJoined?.(joined);
        }
      } while (again && !stopped);
      if (client) {
        state = 'online';
        offlineSince = null;
        error = null;
        lastSyncAt = clock.now();
        retryDelay = retryBase;
      }
      for (const w of settled) w.resolve();
      publishStatus();
      schedule(pollMs);
    } catch (err) {
      await drop();
      const refused = err instanceof HubRefusal;
      state = refused ? 'refused' : 'offline';
      if (offlineSince === null) offlineSince = clock.now();
      error = { reason: hubErrorReason(err), message: err instanceof Error ? err.message : String(err) };
      if (!refused) logger.log('warn', 'Hub sync failed; retrying', { message: error.message, retryInMs: retryDelay });
      for (const w of settled) w.reject(err instanceof Error ? err : new Error(String(err)));
      publishStatus();
      schedule(refused ? Math.max(retryMax, 30_000) : retryDelay);
      retryDelay = Math.min(retryMax, retryDelay * 2);
    } finally {
      running = false;
      if (again && !stopped) schedule(0);
    }
  };

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    schedule(0);
  };

  return {
    status,
    kick,
    syncNow: () =>
      new Promise<void>((resolve, reject) => {
        if (stopped) return reject(new Error('The hub sync is stopped.'));
        waiters.push({ resolve, reject });
        if (running) again = true;
        else schedule(0);
      }),
    async test(c) {
      try {
        const r = await testHub(c);
        return { ok: true, reason: null, serverVersion: r.serverVersion, centreName: r.centre?.name ?? null, message: null };
      } catch (err) {
        return { ok: false, reason: hubErrorReason(err), serverVersion: null, centreName: null, message: err instanceof Error ? err.message : String(err) };
      }
    },
    reconnect() {
      error = null;
      retryDelay = retryBase;
      void drop().then(() => kick());
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const w of waiters) w.reject(new Error('The hub sync stopped.'));
      waiters = [];
      await drop();
    },
  };
}
