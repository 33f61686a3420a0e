// Who on this seat hears about fired moments, and how: an OS notification through the notify
// port and an in-app toast (a pushed event). The assignee hears warnings (everyone on duty when
// unassigned); breaches reach supervisors too. Missed moments and large batches become one summary.
import type { AppEvent } from '../../../shared/contract';
import { SUMMARY_THRESHOLD, type Notice, type NotificationPrefs } from '../../../shared/notifications';
import { roleAllows } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/types';
import type { Language } from '../../../shared/validation';
import type { NotifyPort } from '../context';
import type { FiredBatch, FiredMoment } from './scheduler';
import { notificationTexts } from './texts';

export interface DeliveryContext {
  user: SessionUser | null;
  prefs: NotificationPrefs;
  language: Language;
  timeZone: string;
  notify: NotifyPort;
  publish(event: AppEvent): void;
  /**
   * Breached and at-risk open tickets at an instant, as the queue counts them: a summary names
   * these, so "6 breached" in a toast is the 6 the queue's breached filter shows.
   */
  openCounts(at: number): { breached: number; atRisk: number };
}

/** The one summary of a catch-up (or of a large batch) for `user`, or null if nothing concerns them. */
export function summaryNotice(
  batch: FiredBatch,
  user: SessionUser | null,
  prefs: NotificationPrefs,
  openCounts: DeliveryContext['openCounts'],
): Extract<Notice, { kind: 'summary' }> | null {
  if (!batch.moments.some((m) => concerns(m, user))) return null;
  const { breached, atRisk } = openCounts(batch.firedAt);
  return { kind: 'summary', breached, atRisk, caughtUp: batch.caughtUp, sound: prefs.sound };
}

/** Whether a fired moment concerns the person on this seat; with nobody signed in, breaches do. */
export function concerns(m: FiredMoment, user: SessionUser | null): boolean {
  if (!user) return m.kind === 'sla.breach';
  if (m.assigneeId === null || m.assigneeId === user.id) return true;
  return m.kind === 'sla.breach' && roleAllows(user.role, 'supervisor');
}

export function deliver(batch: FiredBatch, ctx: DeliveryContext): Notice[] {
  ctx.publish({ type: 'board.changed' });
  const callbackNotices = deliverCallbacks(batch, ctx);
  return [...callbackNotices, ...deliverSla(batch, ctx)];
}

/** Callbacks due: everyone signed in may call, except the agent who served the customer. */
function deliverCallbacks(batch: FiredBatch, ctx: DeliveryContext): Notice[] {
  if (batch.callbacks.length === 0) return [];
  ctx.publish({ type: 'inbox.changed' });
  ctx.publish({ type: 'callbacks.changed' });
  const { user, prefs } = ctx;
  if (!user) return [];
  const mine = batch.callbacks.filter((c) => c.excludedUserId !== user.id);
  const first = mine[0];
  if (!first) return [];
  const text = notificationTexts(ctx.language);
  const notice: Notice = { kind: 'callbacks', count: mine.length, customerName: first.customerName, ruleNames: first.ruleNames, caughtUp: batch.caughtUp, sound: prefs.sound };
  ctx.notify({ title: text.callbacks(mine.length), body: text.callbackBody(first.customerName, ctx.language === 'en' ? first.ruleNames.en : first.ruleNames.zh), silent: !prefs.sound });
  ctx.publish({ type: 'notification', notice });
  return [notice];
}

function deliverSla(batch: FiredBatch, ctx: DeliveryContext): Notice[] {
  if (batch.moments.length === 0) return [];
  ctx.publish({ type: 'inbox.changed' });
  const { user, prefs } = ctx;
  const mine = batch.moments.filter((m) => concerns(m, user));
  const audible = mine.filter((m) => m.kind === 'sla.breach' || !prefs.quietWarnings);
  if (audible.length === 0) return [];
  const text = notificationTexts(ctx.language);

  let notices: Notice[];
  if (batch.caughtUp || audible.length > SUMMARY_THRESHOLD) {
    const summary = summaryNotice(batch, user, prefs, ctx.openCounts)!;
    const { breached, atRisk } = summary;
    notices = [summary];
    ctx.notify({ title: batch.caughtUp ? text.caughtUp(breached, atRisk) : text.summary(breached, atRisk), body: text.summaryBody, silent: !prefs.sound });
  } else {
    const time = new Intl.DateTimeFormat(ctx.language, { timeZone: ctx.timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
    notices = audible.map((m) => ({
      kind: m.kind === 'sla.breach' ? ('breach' as const) : ('warning' as const),
      ticketId: m.ticketId,
      number: m.number,
      customerName: m.customerName,
      dueAt: m.dueAt,
      sound: prefs.sound,
    }));
    for (const m of audible) {
      ctx.notify({
        title: m.kind === 'sla.breach' ? text.breach(m.number) : text.warning(m.number),
        body: text.body(m.customerName, time.format(m.dueAt)),
        ticketId: m.ticketId,
        silent: !prefs.sound,
      });
    }
  }
  for (const notice of notices) ctx.publish({ type: 'notification', notice });
  return notices;
}
