// The wall-board's snapshot and each user's notification preferences.
import { boardSnapshot } from '../services/board';
import { getNotificationPrefs, saveNotificationPrefs } from '../services/notificationPrefs';
import type { HandlerMap } from './types';

export const boardHandlers: HandlerMap<'board.snapshot' | 'me.notificationPrefs' | 'me.saveNotificationPrefs'> = {
  'board.snapshot': ({ urgentLimit }, ctx) => boardSnapshot(ctx.db, ctx.clock.now(), urgentLimit ?? 48),
  'me.notificationPrefs': (_input, ctx) => getNotificationPrefs(ctx.db, ctx.user!.id),
  'me.saveNotificationPrefs': (prefs, ctx) => {
    saveNotificationPrefs(ctx.db, ctx.user!.id, prefs);
    return prefs;
  },
};
