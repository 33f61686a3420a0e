// The wall-board's snapshot and each user's notification preferences.
import { summaryNotice } from '../scheduler/delivery';
import { boardSnapshot, openRiskCounts } from '../services/board';
import { getNotificationPrefs, saveNotificationPrefs } from '../services/notificationPrefs';
import type { HandlerMap } from './types';

export const boardHandlers: HandlerMap<'board.snapshot' | 'me.notificationPrefs' | 'me.saveNotificationPrefs' | 'me.catchUp'> = {
  'board.snapshot': ({ urgentLimit }, ctx) => boardSnapshot(ctx.db, ctx.openQueue, ctx.clock.now(), urgentLimit ?? 48),
  'me.notificationPrefs': (_input, ctx) => getNotificationPrefs(ctx.db, ctx.user.id),
  'me.catchUp': (_input, ctx) => {
    const batch = ctx.takeCatchUp();
    if (!batch) return null;
    // Counted now, when the person sees it beside the queue, not when the summary was made.
    return summaryNotice(batch, ctx.user, getNotificationPrefs(ctx.db, ctx.user.id), () => openRiskCounts(ctx.openQueue, ctx.clock.now()));
  },
  'me.saveNotificationPrefs': (prefs, ctx) => {
    saveNotificationPrefs(ctx.db, ctx.user.id, prefs);
    return prefs;
  },
};
