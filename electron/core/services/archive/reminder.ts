// The month-close reminder: a due moment of the scheduler ('archive.reminder', subject = the month
// to close) at the first working instant of each month's first working day, in the centre's
// calendar. The scheduler fires it exactly once, also when it fell due while the app was closed.
import { nextWorkingInstant } from '../../../../shared/sla/workingTime';
import type { ArchiveSummary } from '../../../../shared/archive';
import { roleAllows } from '../../../../shared/roles';
import type { Db } from '../../db/open';
import type { DeliveryContext } from '../../scheduler/delivery';
import { compiledCalendar } from '../calendars';
import { getSetting } from '../settings';
import { monthBounds, previousMonth } from './month';

export const ARCHIVE_REMINDER = 'archive.reminder';

const monthOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The centre's working calendar: the default request type's, else the first one stored. */
function centreCalendarId(db: Db): string | null {
  const ids = db.prepare('SELECT id FROM calendars ORDER BY id').pluck().all() as string[];
  return ids.includes('cn-mainland') ? 'cn-mainland' : (ids[0] ?? null);
}

/** When the reminder to close `closeMonth` falls due: the first working instant of the next month. */
export function reminderDueAt(db: Db, closeMonth: string, timeZone: string): number {
  const [y, m] = closeMonth.split('-').map(Number) as [number, number];
  const next = m === 12 ? monthOf(y + 1, 1) : monthOf(y, m + 1);
  const { from } = monthBounds(next, timeZone);
  const id = centreCalendarId(db);
  const calendar = id ? compiledCalendar(db, id) : null;
  // Without a calendar: 09:00 local on the 1st.
  return calendar ? nextWorkingInstant(calendar, from) : from + 9 * 3600_000;
}

/**
 * Makes sure this month's reminder (to close last month) and next month's exist. Idempotent: the
 * unique (kind, subject) keeps one moment per month, and a fired one stays fired.
 */
export function ensureArchiveReminders(db: Db, now: number): void {
  const centre = getSetting(db, 'centre');
  if (!centre) return;
  // The local month of `now`: the UTC month, moved by one when the zone's offset crosses it.
  const utc = new Date(now);
  let year = utc.getUTCFullYear();
  let month = utc.getUTCMonth() + 1;
  const key = monthOf(year, month);
  const b = monthBounds(key, centre.timeZone);
  if (now < b.from) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  else if (now >= b.to) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const current = monthOf(year, month);
  const insert = db.prepare('INSERT OR IGNORE INTO due_moments (kind, subject_id, due_at) VALUES (?, ?, ?)');
  const { from } = monthBounds(current, centre.timeZone);
  // Last month needs closing only if the centre worked in it (not on a PC set up this month).
  const workedBefore = db.prepare('SELECT 1 FROM tickets WHERE created_at < ? LIMIT 1').get(from) !== undefined;
  if (workedBefore) insert.run(ARCHIVE_REMINDER, previousMonth(current), reminderDueAt(db, previousMonth(current), centre.timeZone));
  insert.run(ARCHIVE_REMINDER, current, reminderDueAt(db, current, centre.timeZone));
}

const reminderTexts = {
  'zh-CN': { title: (m: string) => `请完成 ${m} 月度归档`, body: '设置 → 月度归档：预览、归档并校验。' },
  en: { title: (m: string) => `Close the month ${m}`, body: 'Settings → Monthly archive: preview, archive and verify.' },
} as const;

/** Tells a supervisor or admin on this seat, unless the month is already archived. */
export function deliverArchiveReminder(
  month: string,
  ctx: Pick<DeliveryContext, 'user' | 'language' | 'notify' | 'publish'>,
  archives: ArchiveSummary[],
): boolean {
  if (archives.some((a) => a.month === month)) return false;
  if (!ctx.user || !roleAllows(ctx.user.role, 'supervisor')) return false;
  const text = reminderTexts[ctx.language];
  ctx.notify({ title: text.title(month), body: text.body });
  ctx.publish({ type: 'archive.reminder', month });
  return true;
}
