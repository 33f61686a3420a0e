// The signed-in person about themselves: their password, notification preferences, and the
// catch-up summary of what fell due while the app was closed.
import { DomainError } from '../../../shared/result';
import { type meMethods } from '../../../shared/contract/me';
import { hashPassword, verifyPassword } from '../passwords';
import { summaryNotice } from '../scheduler/delivery';
import { recordAudit } from '../services/audit';
import { openRiskCounts } from '../services/board';
import { getNotificationPrefs, saveNotificationPrefs } from '../services/notificationPrefs';
import { findUserById, setPasswordHash } from '../services/users';
import type { HandlersOf } from './types';

export const meHandlers: HandlersOf<typeof meMethods> = {
  'me.changePassword': (input, ctx) => {
    const me = findUserById(ctx.db, ctx.user.id)!;
    if (!verifyPassword(input.current, me.password_hash)) {
      throw new DomainError('VALIDATION', 'errors.wrongCurrentPassword', 'The current password is not right.');
    }
    setPasswordHash(ctx.db, me.id, hashPassword(input.next), ctx.clock.now(), me.id);
    recordAudit(ctx, { action: 'user.changePassword', subject: me.id });
    return null;
  },

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
