// Reads what delivery needs at the moment of firing: who is signed in on this seat, their
// notification preferences, the seat's language and the centre's time zone.
import type { AppEvent } from '../../../shared/contract';
import type { Db } from '../db/open';
import type { NotifyPort } from '../context';
import { openRiskCounts } from '../services/board';
import type { OpenQueue } from '../services/openQueue';
import { getNotificationPrefs } from '../services/notificationPrefs';
import { getSetting } from '../services/settings';
import { activeSessionUser } from '../services/users';
import { signedInHere } from '../services/userSeats';
import type { DeliveryContext } from './delivery';

export function deliveryContext(db: Db, openQueue: OpenQueue, userId: string | null, notify: NotifyPort, publish: (e: AppEvent) => void): DeliveryContext {
  const signedIn = activeSessionUser(db, userId);
  // Signed in here but more recently at another seat of the centre: that seat reminds them.
  const user = signedIn && signedInHere(db, signedIn.id, getSetting(db, 'centre')?.seatCode ?? null) ? signedIn : null;
  return {
    user,
    prefs: getNotificationPrefs(db, user?.id ?? null),
    language: getSetting(db, 'ui.language') ?? 'zh-CN',
    timeZone: getSetting(db, 'centre')?.timeZone ?? 'Asia/Shanghai',
    notify,
    publish,
    openCounts: (at) => openRiskCounts(openQueue, at),
  };
}
