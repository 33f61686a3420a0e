// Methods of the signed-in person about themselves: password, notification preferences, the
// catch-up summary of what fell due while the app was closed.
import { z } from 'zod';
import type { Notice, NotificationPrefs } from '../notifications';
import { passwordSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

export const meMethods = {
  'me.changePassword': def<null>()(
    'agent',
    z.strictObject({ current: z.string().min(1).max(128), next: passwordSchema }),
  ),
  'me.notificationPrefs': def<NotificationPrefs>()('agent', none),
  /**
   * What fell due while the app was closed, summarised for the user who signed in after it
   * started (the catch-up fired before anyone could see it); null when there is nothing, or it
   * was already shown. Counts are the queue's: breached and at-risk open tickets now.
   */
  'me.catchUp': def<Extract<Notice, { kind: 'summary' }> | null>()('agent', none),
  'me.saveNotificationPrefs': def<NotificationPrefs>()('agent', z.strictObject({ sound: z.boolean(), quietWarnings: z.boolean() })),
} as const;
