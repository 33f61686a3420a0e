// Methods of the wall-board and of each user's notification preferences.
import { z } from 'zod';
import type { BoardSnapshot } from '../board';
import type { Notice, NotificationPrefs } from '../notifications';
import { def } from './define';
import { none } from './foundation';

export const boardMethods = {
  /** Today's figures, per-agent load and the most urgent open tickets. */
  /** Also for the board-only sign-in of a TV PC (role wallboard). */
  'board.snapshot': def<BoardSnapshot>()('wallboard', z.strictObject({ urgentLimit: z.number().int().min(1).max(2000).optional() })),
  'me.notificationPrefs': def<NotificationPrefs>()('agent', none),
  /**
   * What fell due while the app was closed, summarised for the user who signed in after it
   * started (the catch-up fired before anyone could see it); null when there is nothing, or it
   * was already shown. Counts are the queue's: breached and at-risk open tickets now.
   */
  'me.catchUp': def<Extract<Notice, { kind: 'summary' }> | null>()('agent', none),
  'me.saveNotificationPrefs': def<NotificationPrefs>()('agent', z.strictObject({ sound: z.boolean(), quietWarnings: z.boolean() })),
} as const;
