// The centre's name and time zone belong to the whole centre: they travel through the hub as the
// shared settings row 'centre.profile'. The seat code is this PC's own, so the row every screen
// reads ('centre': name, zone and seat code) stays local, and follows the profile when another
// seat changes it.
import type { CentreSettings } from '../../../shared/types';
import type { Db } from '../db/open';
import { getSetting, setSetting } from './settings';

/** Saves this PC's centre row and, when the name or the zone changed, the centre's profile. */
export function saveCentre(db: Db, centre: CentreSettings, at: number, by: string | null): void {
  setSetting(db, 'centre', centre, at, by);
  const profile = getSetting(db, 'centre.profile');
  if (!profile || profile.centreName !== centre.centreName || profile.timeZone !== centre.timeZone) {
    setSetting(db, 'centre.profile', { centreName: centre.centreName, timeZone: centre.timeZone }, at, by);
  }
}

/** A centre set up before the profile existed gets one (before the first seat uploads it). */
export function ensureCentreProfile(db: Db, at: number): void {
  const centre = getSetting(db, 'centre');
  if (centre && !getSetting(db, 'centre.profile')) setSetting(db, 'centre.profile', { centreName: centre.centreName, timeZone: centre.timeZone }, at, null);
}

/**
 * The profile came from the hub: this PC's centre row takes its name and zone, keeping its own
 * seat code. Returns the centre when it changed.
 */
export function adoptCentreProfile(db: Db): CentreSettings | null {
  const profile = getSetting(db, 'centre.profile');
  const centre = getSetting(db, 'centre');
  if (!profile || !centre || (profile.centreName === centre.centreName && profile.timeZone === centre.timeZone)) return null;
  const next = { ...centre, centreName: profile.centreName, timeZone: profile.timeZone };
  const row = db.prepare(`SELECT updated_at, updated_by FROM settings WHERE key = 'centre.profile'`).get() as { updated_at: number; updated_by: string | null };
  setSetting(db, 'centre', next, row.updated_at, row.updated_by);
  return next;
}
