// Each user's notification preferences; defaults until they change them.
import type { NotificationPrefs } from '../../../shared/notifications';
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';

export const DEFAULT_PREFS: NotificationPrefs = { sound: true, quietWarnings: false };

export function getNotificationPrefs(db: Db, userId: string | null): NotificationPrefs {
  if (!userId) return DEFAULT_PREFS;
  const row = stmt(db, 'SELECT sound, quiet_warnings FROM notification_prefs WHERE user_id = ?').get(userId) as
    | { sound: 0 | 1; quiet_warnings: 0 | 1 }
    | undefined;
  return row ? { sound: row.sound === 1, quietWarnings: row.quiet_warnings === 1 } : DEFAULT_PREFS;
}

export function saveNotificationPrefs(db: Db, userId: string, prefs: NotificationPrefs): void {
  stmt(db,
    `INSERT INTO notification_prefs (user_id, sound, quiet_warnings) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET sound = excluded.sound, quiet_warnings = excluded.quiet_warnings`,
  ).run(userId, prefs.sound ? 1 : 0, prefs.quietWarnings ? 1 : 0);
}
