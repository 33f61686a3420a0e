// Customers 360: assets, same-name warning, callback rules, the callbacks work queue, the inbox.
import { callbackDue } from '../../../shared/callbacks/due';
import type { CallbackRule } from '../../../shared/callbacks/rules';
import type { InboxItem } from '../../../shared/callbacks/types';
import { formatIsoDate } from '../../../shared/sla';
import { DomainError } from '../../../shared/result';
import { roleAllows } from '../../../shared/roles';
import type { CallContext } from '../context';
import { callbackRuleId, newId } from '../ids';
import { deleteAsset, getAsset, listAssets, writeAsset, customersWithVehicle } from '../services/assets';
import { recordAudit } from '../services/audit';
import { callbacksForAsset, callbacksForBirthday, centreCalendar, listRules, planFestivalGreetings, syncCallbackMoment } from '../services/callbacks';
import { callbackQueue, callbacksOfCustomer, findCallback } from '../services/callbackViews';
import { customersNamed } from '../services/customers';
import { checkRows, stage, stagingOf, startReading, uploadPart, type ReadState } from '../services/customerImport';
import { exportHeader, exportRow } from '../../../shared/customers/importLayout';
import type { AssetInput } from '../../../shared/customers/assets';
import type { CustomerInput } from '../../../shared/tickets/schemas';
import { appendTicketEvent } from '../services/ticketEvents';
import { mustGetCustomer } from './customers';
import { ticketHandlers } from './tickets';
import { type customers360Methods } from '../../../shared/contract/customers360';
import type { HandlersOf } from './types';


function mustGetAsset(ctx: CallContext, id: string) {
  const a = getAsset(ctx.db, id);
  if (!a) throw new DomainError('NOT_FOUND', 'errors.assetNotFound', `No asset with id ${id}.`, { id });
  return a;
}

function mustGetCallback(ctx: CallContext, id: string) {
  const c = findCallback(ctx.db, id);
  if (!c) throw new DomainError('NOT_FOUND', 'errors.callbackNotFound', `No callback with id ${id}.`, { id });
  return c;
}

const INBOX_DAYS = 30;

/** Notifications this user should see: their own, everyone's, breaches for supervisors; not callbacks they may not make. */
function inboxWhere(ctx: CallContext) {
  return {
    sql: `n.created_at >= @since AND (n.recipient_id = @me OR n.recipient_id IS NULL OR (@sup = 1 AND n.kind = 'sla.breach'))
          AND (cb.excluded_user_id IS NULL OR cb.excluded_user_id != @me)`,
    params: { me: ctx.user!.id, sup: roleAllows(ctx.user!.role, 'supervisor') ? 1 : 0, since: ctx.clock.now() - INBOX_DAYS * 86_400_000 },
  };
}

function unreadCount(ctx: CallContext): number {
  const w = inboxWhere(ctx);
  return ctx.db
    .prepare(
      `SELECT count(*) FROM notifications n LEFT JOIN callbacks cb ON cb.id = n.callback_id
       WHERE ${w.sql} AND NOT EXISTS (SELECT 1 FROM notification_reads rd WHERE rd.notification_id = n.id AND rd.user_id = @me)`,
    )
    .pluck()
    .get(w.params) as number;
}

function readStatus(read: ReadState, rows: string[][]) {
  return { ...read, head: read.state === 'read' ? rows.slice(0, 20) : [] };
}

function stagedRows(ctx: CallContext, importId: string): string[][] {
  const s = stagingOf(ctx.db).get(importId);
  if (s && s.read.state !== 'read') {
    throw new DomainError('CONFLICT', 'errors.importNotRead', `Import ${importId} is ${s.read.state}, not read yet.`, { id: importId });
  }
  if (!s) throw new DomainError('NOT_FOUND', 'errors.importNotFound', `No staged import ${importId}: stage the file again.`, { id: importId });
  return s.rows;
}

export const customers360Handlers: HandlersOf<typeof customers360Methods> = {
  'customers.sameName': ({ name, excludeId }, ctx) => customersNamed(ctx.db, name, excludeId),

  'assets.list': ({ customerId }, ctx) => {
    mustGetCustomer(ctx, customerId);
    return listAssets(ctx.db, customerId);
  },

  'assets.save': ({ customerId, id, asset }, ctx) => {
    mustGetCustomer(ctx, customerId);
    const before = id ? mustGetAsset(ctx, id) : null;
    if (before && before.customerId !== customerId) {
      throw new DomainError('CONFLICT', 'errors.assetOtherCustomer', `Asset ${id} belongs to another customer.`, { id: id! });
    }
    const saved = writeAsset(ctx.db, id ?? newId(ctx.clock), customerId, asset, ctx.clock.now(), ctx.user!.id);
    if (callbacksForAsset(ctx, saved).length || before) ctx.emit({ type: 'callbacks.changed' });
    recordAudit(ctx, { action: before ? 'asset.update' : 'asset.create', subject: saved.id, before: before?.data ?? null, after: asset });
    return saved;
  },

  'assets.delete': ({ id }, ctx) => {
    const a = mustGetAsset(ctx, id);
    deleteAsset(ctx.db, a, ctx.clock.now());
    recordAudit(ctx, { action: 'asset.delete', subject: id, before: a.data });
    ctx.emit({ type: 'callbacks.changed' });
    return null;
  },

  'assets.duplicates': ({ vin, plate, excludeCustomerId }, ctx) => customersWithVehicle(ctx.db, { vin, plate }, excludeCustomerId),

  'callbackRules.list': (_input, ctx) => listRules(ctx.db),

  'callbackRules.save': ({ id, rule }, ctx) => {
    const now = ctx.clock.now();
    const existing = id ? listRules(ctx.db).find((r) => r.id === id) : undefined;
    if (id && !existing) throw new DomainError('NOT_FOUND', 'errors.callbackRuleNotFound', `No callback rule with id ${id}.`, { id });
    const clash = ctx.db.prepare('SELECT id FROM callback_rules WHERE code = ? AND id IS NOT ?').pluck().get(rule.code, id ?? null);
    if (clash) throw new DomainError('CONFLICT', 'errors.callbackRuleCode', `Another rule has the code ${rule.code}.`, { code: rule.code });
    // A new rule is named by its code, so the same rule added at two seats is one rule of the
    // centre; a code once used by a rule since renamed keeps that rule's id, and this one gets a new one.
    const named = callbackRuleId(rule.code);
    const ruleId = id ?? (ctx.db.prepare('SELECT 1 FROM callback_rules WHERE id = ?').get(named) ? newId(ctx.clock) : named);
    ctx.db
      .prepare(
        `INSERT INTO callback_rules (id, code, rule, active, position, updated_at, updated_by)
         VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 10 FROM callback_rules), ?, ?)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, rule = excluded.rule, active = excluded.active,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(ruleId, rule.code, JSON.stringify(rule), rule.active ? 1 : 0, now, ctx.user!.id);
    recordAudit(ctx, { action: 'callbackRule.save', subject: ruleId, before: existing?.rule ?? null, after: rule });
    // A festival rule plans ahead rather than from an event: its new audience or festivals are
    // greeted now, and greetings it no longer wants (switched off, a festival removed) withdrawn,
    // not only at the next daily planning.
    if (rule.trigger.kind === 'festival' || existing?.rule.trigger.kind === 'festival') {
      planFestivalGreetings(ctx);
      ctx.emit({ type: 'callbacks.changed' });
    }
    return listRules(ctx.db).find((r) => r.id === ruleId)!;
  },

  'callbacks.queue': (_input, ctx) => callbackQueue(ctx.db, ctx.clock.now()),
  'callbacks.ofCustomer': ({ customerId }, ctx) => callbacksOfCustomer(ctx.db, customerId),
  'callbacks.get': ({ id }, ctx) => mustGetCallback(ctx, id),

  'callbacks.record': ({ id, outcome, scores, notes, unsatisfied }, ctx) => {
    const cb = mustGetCallback(ctx, id);
    const me = ctx.user!;
    if (cb.status === 'cancelled') {
      throw new DomainError('CONFLICT', 'errors.callbackCancelled', `The callback to ${cb.customer.name} was cancelled: it is no longer needed.`, { name: cb.customer.name });
    }
    if (cb.status !== 'pending') {
      throw new DomainError('CONFLICT', 'errors.callbackFinished', `The callback to ${cb.customer.name} is already finished (${cb.status}).`, { name: cb.customer.name });
    }
    if (cb.excludedUser?.id === me.id) {
      throw new DomainError('FORBIDDEN', 'errors.callbackOwnService', `${me.displayName} served this customer and may not make the satisfaction call.`, { name: me.displayName });
    }
    if (cb.rule.caller === 'supervisor' && !roleAllows(me.role, 'supervisor')) {
      throw new DomainError('FORBIDDEN', 'errors.callbackSupervisorOnly', `Only a supervisor makes the ${cb.rule.code} call.`, { code: cb.rule.code });
    }
    const rule = JSON.parse(ctx.db.prepare('SELECT rule FROM callback_rules WHERE id = ?').pluck().get(cb.rule.id) as string) as CallbackRule;
    if (outcome === 'reached' && scores.length !== rule.questions.length) {
      throw new DomainError('VALIDATION', 'errors.callbackScores', `Score each of the ${rule.questions.length} questions (got ${scores.length}).`, {
        expected: rule.questions.length,
        got: scores.length,
      });
    }
    const now = ctx.clock.now();
    const scored = outcome === 'reached' ? rule.questions.map((question, i) => ({ question, score: scores[i]! })) : null;
    ctx.db
      .prepare('INSERT INTO callback_attempts (id, callback_id, at, by_user_id, outcome, scores, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(newId(ctx.clock), id, now, me.id, outcome, scored ? JSON.stringify(scored) : null, notes, now);
    const attempts = cb.attempts + 1;
    const retry = outcome === 'no_answer' && attempts < rule.retry.maxAttempts;
    const status = outcome === 'reached' ? 'done' : outcome === 'refused' ? 'refused' : retry ? 'pending' : 'unreachable';

    if (retry) {
      // Try again after the rule's pause, on a working day; the window stretches to cover it.
      const due = callbackDue(centreCalendar(ctx.db), { instant: now }, { amount: Math.max(1, rule.retry.afterDays), unit: 'days' }, 0);
      ctx.db
        .prepare('UPDATE callbacks SET attempts = ?, last_outcome = ?, due_day = ?, due_at = ?, window_end_at = max(window_end_at, ?), notes = ?, updated_at = ? WHERE id = ?')
        .run(attempts, outcome, formatIsoDate(due.day), due.dueAt, due.windowEndAt, notes || cb.notes, now, id);
      syncCallbackMoment(ctx.db, id, due.dueAt);
    } else {
      ctx.db
        .prepare('UPDATE callbacks SET attempts = ?, last_outcome = ?, status = ?, done_by = ?, done_at = ?, scores = ?, notes = ?, updated_at = ? WHERE id = ?')
        .run(attempts, outcome, status, me.id, now, scored ? JSON.stringify(scored) : null, notes, now, id);
      syncCallbackMoment(ctx.db, id, null);
    }

    const dissatisfied = outcome === 'reached' && (unsatisfied || (scored ?? []).some((s) => s.score <= rule.unsatisfiedAtOrBelow));
    if (dissatisfied) {
      const lines = [
        `${rule.names.zh} / ${rule.names.en}`,
        ...(cb.originTicket ? [`原工单 Original ticket: ${cb.originTicket.number}`] : []),
        ...(scored ?? []).map((s) => `${s.question}: ${s.score}/5`),
        ...(notes ? [notes] : []),
      ];
      const complaint = ticketHandlers['tickets.create'](
        {
          customer: { id: cb.customer.id },
          typeCode: 'complaint',
          channel: 'phone',
          priority: 'high',
          subject: `回访不满意 Unsatisfied callback${cb.originTicket ? ` · ${cb.originTicket.number}` : ''}`.slice(0, 120),
          description: lines.join('\n').slice(0, 4000),
        },
        ctx,
      );
      appendTicketEvent(ctx, complaint.id, 'linked', null, {
        fromCallbackId: id,
        originTicketId: cb.originTicket?.id ?? null,
        originNumber: cb.originTicket?.number ?? null,
      });
      ctx.db.prepare('UPDATE callbacks SET complaint_ticket_id = ? WHERE id = ?').run(complaint.id, id);
    }
    if (!retry && rule.trigger.kind === 'birthday') {
      const customer = mustGetCustomer(ctx, cb.customer.id);
      callbacksForBirthday(ctx, customer.id, customer.birthday, cb.windowEndAt + 86_400_000);
    }
    ctx.emit({ type: 'callbacks.changed' });
    return mustGetCallback(ctx, id);
  },

  'import.upload': ({ importId, part, bytes }, ctx) => ({ received: uploadPart(ctx.db, importId, part, Buffer.from(bytes, 'base64'), ctx.clock.now()) }),

  'import.read': ({ importId }, ctx) => {
    const read = startReading(ctx.db, importId, ctx.clock.now(), (err) => ctx.logger.error('import read failed', { importId, error: String(err) }));
    return readStatus(read, []);
  },

  'import.status': ({ importId }, ctx) => {
    const s = stagingOf(ctx.db).get(importId);
    if (!s) throw new DomainError('NOT_FOUND', 'errors.importNotFound', `No staged import ${importId}: stage the file again.`, { id: importId });
    return readStatus(s.read, s.rows);
  },

  'import.stage': ({ importId, rows }, ctx) => ({ staged: stage(ctx.db, importId, rows, ctx.clock.now()) }),

  'import.check': ({ importId, mapping, hasHeader }, ctx) => {
    const check = checkRows(ctx.db, stagedRows(ctx, importId), mapping, hasHeader);
    return {
      total: check.total,
      validCount: check.valid.length,
      problems: check.problems,
      preview: check.valid.slice(0, 20).map((r) => ({
        row: r.row,
        name: r.customer.name,
        phones: r.customer.phones,
        assets: r.assets.map((a) => (a.kind === 'vehicle' ? (a.plate ?? a.vin ?? '') : a.number)),
      })),
    };
  },

  'import.apply': ({ importId, mapping, hasHeader, skipInvalid }, ctx) => {
    const rows = stagedRows(ctx, importId);
    // Checked again inside the import's own transaction: a phone or VIN saved since the check
    // cannot slip in between (BEGIN IMMEDIATE: no other writer until the commit).
    return ctx.imports.start(
      ctx,
      importId,
      (db) => {
        const check = checkRows(db, rows, mapping, hasHeader);
        // A problem of the file as a whole (no name column) cannot be skipped, nor a file with no good row.
        const fileProblem = check.problems.some((p) => p.row <= (hasHeader ? 1 : 0));
        if (check.valid.length === 0 && skipInvalid && !fileProblem) {
          throw new DomainError('VALIDATION', 'errors.importNothingValid', `None of the ${check.total} rows can be imported.`);
        }
        if (check.problems.length && (!skipInvalid || fileProblem)) {
          throw new DomainError('VALIDATION', 'errors.importHasProblems', `${check.problems.length} problems in ${check.total} rows: nothing was imported.`, {
            count: check.problems.length,
          });
        }
        return { rows: check.valid, total: check.total, skipped: check.total - check.valid.length };
      },
      () => stagingOf(ctx.db).delete(importId),
    );
  },

  'import.progress': ({ importId }, ctx) => {
    const status = ctx.imports.get(importId);
    if (!status) throw new DomainError('NOT_FOUND', 'errors.importNotApplied', `Import ${importId} is not being applied, nor was it lately.`, { id: importId });
    return status;
  },

  'import.discard': ({ importId }, ctx) => {
    stagingOf(ctx.db).delete(importId);
    return null;
  },

  'export.customers': ({ offset, limit, language }, ctx) => {
    const total = ctx.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const customers = ctx.db
      .prepare('SELECT id, kind, name, tier, role, phones, email, wechat, birthday FROM customers ORDER BY rowid LIMIT ? OFFSET ?')
      .all(limit, offset) as { id: string; kind: CustomerInput['kind']; name: string; tier: CustomerInput['tier']; role: CustomerInput['role']; phones: string; email: string | null; wechat: string | null; birthday: string | null }[];
    const assetsOf = ctx.db.prepare('SELECT data FROM customer_assets WHERE customer_id = ? ORDER BY created_at').pluck();
    const rows = customers.map((c) =>
      exportRow(
        { kind: c.kind, name: c.name, tier: c.tier, role: c.role, phones: JSON.parse(c.phones) as string[], email: c.email, wechat: c.wechat,
          birthday: c.birthday ? (JSON.parse(c.birthday) as CustomerInput['birthday']) : null, contactUserId: null, tags: [], notes: '' },
        (assetsOf.all(c.id) as string[]).map((d) => JSON.parse(d) as AssetInput),
      ),
    );
    // Personal data leaves the app: every export is recorded (seed 003 §4.3).
    if (offset === 0) recordAudit(ctx, { action: 'customers.export', subject: null, after: { total } });
    return { header: exportHeader(language), rows, total };
  },

  'inbox.list': ({ unreadOnly }, ctx) => {
    const w = inboxWhere(ctx);
    const rows = ctx.db
      .prepare(
        `SELECT n.id, n.kind, n.created_at, n.caught_up, t.id AS ticket_id, t.number, cb.id AS callback_id, r.rule, c.name AS customer_name,
                EXISTS (SELECT 1 FROM notification_reads rd WHERE rd.notification_id = n.id AND rd.user_id = @me) AS read
         FROM notifications n LEFT JOIN tickets t ON t.id = n.ticket_id LEFT JOIN callbacks cb ON cb.id = n.callback_id
         LEFT JOIN callback_rules r ON r.id = cb.rule_id LEFT JOIN customers c ON c.id = coalesce(cb.customer_id, t.customer_id)
         WHERE ${w.sql} ${unreadOnly ? 'AND NOT read' : ''} ORDER BY n.created_at DESC, n.id DESC LIMIT 200`,
      )
      .all(w.params) as {
      id: string;
      kind: string;
      created_at: number;
      caught_up: number;
      ticket_id: string | null;
      number: string | null;
      callback_id: string | null;
      rule: string | null;
      customer_name: string | null;
      read: number;
    }[];
    const items: InboxItem[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      createdAt: r.created_at,
      caughtUp: r.caught_up === 1,
      read: r.read === 1,
      ticket: r.ticket_id ? { id: r.ticket_id, number: r.number! } : null,
      callback: r.callback_id ? { id: r.callback_id, ruleNames: (JSON.parse(r.rule!) as CallbackRule).names } : null,
      customerName: r.customer_name,
    }));
    return { items, unread: unreadCount(ctx) };
  },

  'inbox.markRead': (input, ctx) => {
    const now = ctx.clock.now();
    const me = ctx.user!.id;
    const w = inboxWhere(ctx);
    const ids =
      input.ids !== 'all'
        ? input.ids
        : (ctx.db.prepare(`SELECT n.id FROM notifications n LEFT JOIN callbacks cb ON cb.id = n.callback_id WHERE ${w.sql}`).pluck().all(w.params) as string[]);
    const mark = ctx.db.prepare(
      `INSERT INTO notification_reads (id, notification_id, user_id, read_at, updated_at)
       SELECT ?, id, ?, ?, ? FROM notifications WHERE id = ? ON CONFLICT (notification_id, user_id) DO NOTHING`,
    );
    for (const id of ids) mark.run(newId(ctx.clock), me, now, now, id);
    ctx.emit({ type: 'inbox.changed' });
    return { unread: unreadCount(ctx) };
  },
};
