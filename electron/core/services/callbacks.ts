// Callbacks: generated from rules when a ticket closes, an asset date is saved or a birthday is
// known; each is a due moment of the scheduler ('callback.due'), so its reminder fires once, also
// after the app was closed. Outcomes follow the rule's retry policy; an unsatisfied call opens a
// complaint linked to the original ticket (handlers/callbacks.ts).
import { callbackDue } from '../../../shared/callbacks/due';
import { nextFestival } from '../../../shared/callbacks/festivals';
import { nextBirthday } from '../../../shared/callbacks/lunar';
import { FESTIVAL_AUDIENCE_TIER, type CallbackRule } from '../../../shared/callbacks/rules';
import type { StoredCallbackRule } from '../../../shared/callbacks/types';
import { assetDate, type Asset } from '../../../shared/customers/assets';
import { CHINA_CALENDAR_ID, formatIsoDate, parseIsoDate, type CompiledCalendar } from '../../../shared/sla';
import type { RequestCategory } from '../../../shared/sla';
import type { Birthday } from '../../../shared/tickets/types';
import type { CallContext } from '../context';
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/stmt';
import { callbackId } from '../ids';
import { compiledCalendar, listCalendars } from './calendars';

export function listRules(db: Db): StoredCallbackRule[] {
  return (stmt(db, 'SELECT id, rule, updated_at FROM callback_rules ORDER BY position, code').all() as { id: string; rule: string; updated_at: number }[]).map(
    (r) => ({ id: r.id, rule: JSON.parse(r.rule) as CallbackRule, updatedAt: r.updated_at }),
  );
}

/**
 * The active rules for planning, read on every call (a rule saved here or arriving from the hub is
 * seen at once) but parsed only when its text changed: every tickets.create plans from them, and
 * their JSON parse was a fifth of what a create allocates (GC pauses sit in its slowest calls).
 * Planning only reads these objects; callbackRules.list gets fresh ones from listRules.
 */
const parsedRules = new WeakMap<Db, Map<string, { text: string; stored: StoredCallbackRule }>>();
function activeRules(db: Db): StoredCallbackRule[] {
  let cache = parsedRules.get(db);
  if (!cache) parsedRules.set(db, (cache = new Map()));
  const rows = stmt(db, 'SELECT id, rule, updated_at FROM callback_rules ORDER BY position, code').all() as { id: string; rule: string; updated_at: number }[];
  const out: StoredCallbackRule[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    seen.add(r.id);
    let hit = cache.get(r.id);
    if (!hit || hit.text !== r.rule || hit.stored.updatedAt !== r.updated_at) {
      hit = { text: r.rule, stored: { id: r.id, rule: JSON.parse(r.rule) as CallbackRule, updatedAt: r.updated_at } };
      cache.set(r.id, hit);
    }
    if (hit.stored.rule.active) out.push(hit.stored);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}

/** The centre's working calendar: China's (holidays and make-up days) unless it was removed. */
export function centreCalendar(db: Db): CompiledCalendar {
  const cal = compiledCalendar(db, CHINA_CALENDAR_ID) ?? compiledCalendar(db, listCalendars(db)[0]!.id);
  return cal!;
}

interface NewCallback {
  rule: StoredCallbackRule;
  customerId: string;
  occasion: string;
  base: { day: number } | { instant: number };
  originTicketId?: string | null;
  assetId?: string | null;
  excludedUserId?: string | null;
}

/** A callback row as planned, before it is written. */
export interface PlannedCallback {
  id: string;
  ruleId: string;
  customerId: string;
  originTicketId: string | null;
  assetId: string | null;
  occasion: string;
  dueDay: string;
  dueAt: number;
  windowEndAt: number;
  excludedUserId: string | null;
}

/**
 * Where planned callbacks go. The default writes each at once (a form's save); the import passes
 * one that collects them and writes them in multi-row batches (customerImportWriter.ts), because
 * its callbacks are new by construction (their occasions name new assets and customers).
 */
export type CallbackSink = (cb: PlannedCallback) => boolean;

function writeCallbackNow(db: Db, now: number): CallbackSink {
  return (cb) => {
    // A cancelled callback wanted again (the birthday changed back, a customer is a key account
    // again) is the same row, pending once more; any other existing one is left as it is.
    const r = stmt(db,
        `INSERT INTO callbacks (id, rule_id, customer_id, origin_ticket_id, asset_id, occasion, due_day, due_at, window_end_at, status,
           excluded_user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
         ON CONFLICT (occasion) DO UPDATE SET status = 'pending', cancelled_at = NULL, due_day = excluded.due_day, due_at = excluded.due_at,
           window_end_at = excluded.window_end_at, asset_id = excluded.asset_id, excluded_user_id = excluded.excluded_user_id, updated_at = excluded.updated_at
         WHERE callbacks.status = 'cancelled'`,
      )
      .run(cb.id, cb.ruleId, cb.customerId, cb.originTicketId, cb.assetId, cb.occasion, cb.dueDay, cb.dueAt, cb.windowEndAt, cb.excludedUserId, now, now);
    if (r.changes !== 1) return false;
    syncCallbackMoment(db, cb.id, cb.dueAt);
    return true;
  };
}

/**
 * Due days worked out by one planner, by rule, base day and offset: an import meets the same
 * delivery and renewal dates for many customers, and each costs a walk over the calendar.
 */
type DueMemo = Map<string, ReturnType<typeof callbackDue>>;

/** Creates one callback per offset of the rule that is not past its window; idempotent per occasion. */
function createSeries(ctx: CallContext, cb: NewCallback, calendar: CompiledCalendar, sink?: CallbackSink, dues?: DueMemo): string[] {
  const now = ctx.clock.now();
  const write = sink ?? writeCallbackNow(ctx.db, now);
  const created: string[] = [];
  cb.rule.rule.offsets.forEach((offset, i) => {
    const key = dues && 'day' in cb.base ? `${cb.rule.id}:${cb.base.day}:${i}` : null;
    let due = key ? dues!.get(key) : undefined;
    if (!due) {
      due = callbackDue(calendar, cb.base, offset, cb.rule.rule.windowDays);
      if (key) dues!.set(key, due);
    }
    if (due.windowEndAt < now) return; // history: nobody calls about last year's delivery
    const occasion = `${cb.occasion}:${i}`;
    // Named by its occasion: the same callback generated at two seats is one row of the centre.
    const id = callbackId(occasion);
    const planned: PlannedCallback = {
      id,
      ruleId: cb.rule.id,
      customerId: cb.customerId,
      originTicketId: cb.originTicketId ?? null,
      assetId: cb.assetId ?? null,
      occasion,
      dueDay: formatIsoDate(due.day),
      dueAt: due.dueAt,
      windowEndAt: due.windowEndAt,
      excludedUserId: cb.excludedUserId ?? null,
    };
    if (write(planned)) created.push(id);
  });
  return created;
}

export function syncCallbackMoment(db: Db, callbackId: string, dueAt: number | null): void {
  if (dueAt === null) {
    stmt(db, `DELETE FROM due_moments WHERE kind = 'callback.due' AND subject_id = ? AND fired_at IS NULL`).run(callbackId);
    return;
  }
  stmt(db, 
    `INSERT INTO due_moments (kind, subject_id, due_at) VALUES ('callback.due', ?, ?)
     ON CONFLICT (kind, subject_id) DO UPDATE SET
       fired_at = CASE WHEN due_moments.due_at = excluded.due_at THEN due_moments.fired_at ELSE NULL END,
       due_at = excluded.due_at`,
  ).run(callbackId, dueAt);
}

/** A ticket was created or finished (feedback given / closed): rules on its type or category. */
export function callbacksForTicket(
  ctx: CallContext,
  t: { id: string; customer_id: string; type_code: string; category: RequestCategory; assignee_id: string | null },
  event: 'ticket.closed' | 'ticket.created',
): string[] {
  const calendar = centreCalendar(ctx.db);
  const at = ctx.clock.now();
  return activeRules(ctx.db)
    .filter(({ rule }) => rule.trigger.kind === event && (rule.trigger.typeCodes.includes(t.type_code) || rule.trigger.categories.includes(t.category)))
    .flatMap((rule) =>
      createSeries(
        ctx,
        { rule, customerId: t.customer_id, occasion: `${rule.id}:${t.id}`, base: { instant: at }, originTicketId: t.id, excludedUserId: t.assignee_id },
        calendar,
      ),
    );
}

/**
 * Feedback reached the customer: reply checks planned at intake ('ticket.created' rules, e.g. the
 * after-sales 24-hour reply) are no longer needed, unless someone already tried to call.
 */
export function cancelReplyChecks(ctx: CallContext, ticketId: string): number {
  const ruleIds = activeRules(ctx.db)
    .filter((r) => r.rule.trigger.kind === 'ticket.created')
    .map((r) => r.id);
  if (!ruleIds.length) return 0;
  const ids = pluck(ctx.db, 
      `SELECT id FROM callbacks WHERE origin_ticket_id = ? AND status = 'pending' AND attempts = 0 AND rule_id IN (SELECT value FROM json_each(?))`,
    )
    .all(ticketId, JSON.stringify(ruleIds)) as string[];
  for (const id of ids) cancelCallback(ctx.db, id, ctx.clock.now());
  return ids.length;
}

/**
 * What planning needs from the database, read once: the active rules (parsed) and the centre's
 * calendar. One save reads it once; an import of 50,000 customers reads it once too, instead of
 * once per row (the rules' JSON parse alone was a fifth of an import's time).
 */
export interface CallbackPlanner {
  /** An asset was saved: its dates (re)plan their reminders. `fresh`: the asset is new, so it has no callbacks to drop. */
  forAsset(asset: Pick<Asset, 'id' | 'customerId' | 'data'>, opts?: { fresh?: boolean }): string[];
  /** The next birthday gets its greeting. `fresh`: the customer is new, so it has no old greeting to drop. */
  forBirthday(customerId: string, birthday: Birthday | null, opts?: { fromAt?: number; fresh?: boolean }): string[];
  /**
   * Festival greetings of the next FESTIVAL_LOOKAHEAD_DAYS: one per (rule, customer, festival,
   * year), so planning again (daily, at every start, at every seat) adds only what is new, e.g. a
   * customer made a key account since. Untouched greetings of customers no longer in a rule's
   * audience go.
   */
  forFestivals(): string[];
}

/** How far ahead festival greetings are planned: a month shows them in the upcoming queue in time. */
export const FESTIVAL_LOOKAHEAD_DAYS = 30;

export function callbackPlanner(ctx: CallContext, sink?: CallbackSink): CallbackPlanner {
  const rules = activeRules(ctx.db);
  const assetRules = rules.filter((r) => r.rule.trigger.kind === 'asset.date');
  const birthdayRules = rules.filter((r) => r.rule.trigger.kind === 'birthday');
  const birthdayRuleIds = JSON.stringify(birthdayRules.map((r) => r.id));
  const festivalRules = rules.filter((r) => r.rule.trigger.kind === 'festival');
  const calendar = centreCalendar(ctx.db);
  const dues: DueMemo = new Map();
  // The next birthday after a day, by birthday: many customers share one (and lunar ones are dear).
  const birthdays = new Map<string, number>();
  const nextBirthdayOf = (b: Birthday, from: number, year: number) => {
    const key = `${b.calendar}:${b.month}:${b.day}:${from}:${year}`;
    let day = birthdays.get(key);
    if (day === undefined) birthdays.set(key, (day = nextBirthday(b, from, year)));
    return day;
  };
  return {
    forFestivals() {
      const today = calendar.dayOf(ctx.clock.now()).day;
      const year = Number(formatIsoDate(today).slice(0, 4));
      const created: string[] = [];
      withdrawUnwantedGreetings(ctx);
      for (const rule of festivalRules) {
        const trigger = rule.rule.trigger;
        if (trigger.kind !== 'festival') continue;
        const keyOnly = trigger.audience === 'key';
        const coming = trigger.festivals
          .map((festival) => ({ festival, day: nextFestival(festival, today, year) }))
          .filter((o) => o.day - today <= FESTIVAL_LOOKAHEAD_DAYS);
        if (!coming.length) continue;
        const customers = (keyOnly
          ? pluck(ctx.db, 'SELECT id FROM customers WHERE tier = ? ORDER BY id').all(FESTIVAL_AUDIENCE_TIER)
          : pluck(ctx.db, 'SELECT id FROM customers ORDER BY id').all()) as string[];
        for (const customerId of customers) {
          for (const { festival, day } of coming) {
            const occasion = `${rule.id}:${customerId}:${festival}:${formatIsoDate(day).slice(0, 4)}`;
            created.push(...createSeries(ctx, { rule, customerId, occasion, base: { day } }, calendar));
          }
        }
      }
      return created;
    },
    forAsset(asset, opts = {}) {
      const wanted: string[] = [];
      const created: string[] = [];
      for (const rule of assetRules) {
        if (rule.rule.trigger.kind !== 'asset.date') continue;
        const date = assetDate(asset.data, rule.rule.trigger.field);
        const day = date ? parseIsoDate(date) : null;
        if (day === null) continue;
        const occasion = `${rule.id}:${asset.id}:${date}`;
        wanted.push(occasion);
        created.push(...createSeries(ctx, { rule, customerId: asset.customerId, occasion, base: { day }, assetId: asset.id }, calendar, sink, dues));
      }
      if (!opts.fresh) dropStale(ctx.db, 'asset_id = ?', asset.id, wanted, ctx.clock.now());
      return created;
    },
    forBirthday(customerId, birthday, opts = {}) {
      const wanted: string[] = [];
      const created: string[] = [];
      if (birthday) {
        const today = calendar.dayOf(opts.fromAt ?? ctx.clock.now()).day;
        const year = Number(formatIsoDate(today).slice(0, 4));
        for (const rule of birthdayRules) {
          // Far enough ahead that the earliest offset (e.g. 7 days before) is not already past.
          const lead = Math.max(0, ...rule.rule.offsets.map((o) => (o.unit === 'days' ? -o.amount : 0)));
          const day = nextBirthdayOf(birthday, today + lead - rule.rule.windowDays, year);
          const occasion = `${rule.id}:${customerId}:${formatIsoDate(day)}`;
          wanted.push(occasion);
          created.push(...createSeries(ctx, { rule, customerId, occasion, base: { day } }, calendar, sink, dues));
        }
      }
      if (birthdayRules.length && !opts.fresh) {
        const stale = stmt(ctx.db,
            `SELECT id, occasion FROM callbacks WHERE customer_id = ? AND status = 'pending' AND attempts = 0
             AND rule_id IN (SELECT value FROM json_each(?))`,
          )
          .all(customerId, birthdayRuleIds) as { id: string; occasion: string }[];
        for (const s of stale) if (!wanted.some((w) => s.occasion.startsWith(`${w}:`))) cancelCallback(ctx.db, s.id, ctx.clock.now());
      }
      return created;
    },
  };
}

/** An asset was saved: its dates (re)plan their reminders; untouched ones for old dates go. */
export function callbacksForAsset(ctx: CallContext, asset: Asset): string[] {
  return callbackPlanner(ctx).forAsset(asset);
}

/** The next birthday (solar or lunar) gets its greeting; a changed birthday drops the old one. */
export function callbacksForBirthday(ctx: CallContext, customerId: string, birthday: Birthday | null, fromAt?: number): string[] {
  return callbackPlanner(ctx).forBirthday(customerId, birthday, fromAt === undefined ? {} : { fromAt });
}

/** Plans the festival greetings of the coming month (core start and daily, jobs/festivalGreetings.ts). */
export function planFestivalGreetings(ctx: CallContext): string[] {
  return callbackPlanner(ctx).forFestivals();
}

/**
 * Planned greetings no rule wants any more: the rule was switched off, the festival taken off its
 * list, or the customer is no longer in its audience (no longer a key account). Cancelled unless
 * someone already called. Occasions read `rule:customer:festival:year:offset` (forFestivals).
 */
function withdrawUnwantedGreetings(ctx: CallContext): void {
  const now = ctx.clock.now();
  for (const { id, rule } of listRules(ctx.db)) {
    const trigger = rule.trigger;
    if (trigger.kind !== 'festival') continue;
    const festivals = new Set<string>(rule.active ? trigger.festivals : []);
    const planned = stmt(ctx.db,
      `SELECT cb.id, cb.occasion, c.tier FROM callbacks cb JOIN customers c ON c.id = cb.customer_id
       WHERE cb.rule_id = ? AND cb.status = 'pending' AND cb.attempts = 0`,
    ).all(id) as { id: string; occasion: string; tier: string }[];
    for (const p of planned) {
      const inAudience = trigger.audience === 'all' || p.tier === FESTIVAL_AUDIENCE_TIER;
      if (!inAudience || !festivals.has(p.occasion.split(':')[2] ?? '')) cancelCallback(ctx.db, p.id, now);
    }
  }
}

function dropStale(db: Db, where: string, param: string, wanted: string[], now: number): void {
  const rows = stmt(db, `SELECT id, occasion FROM callbacks WHERE ${where} AND status = 'pending' AND attempts = 0`).all(param) as { id: string; occasion: string }[];
  for (const r of rows) if (!wanted.some((w) => r.occasion.startsWith(`${w}:`))) cancelCallback(db, r.id, now);
}

/**
 * A callback nobody has tried yet is no longer wanted: cancelled, never deleted. It replicates,
 * and another seat may be recording a call on it right now; its attempt must still find the row
 * (a deleted parent stops every seat's sync at the foreign key). Out of the queue, the customer's
 * list and the scheduler; the reminder it already gave stays in the inbox.
 */
export function cancelCallback(db: Db, id: string, now: number): void {
  syncCallbackMoment(db, id, null);
  stmt(db, `UPDATE callbacks SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'`).run(now, now, id);
}
