// Key/value settings of this seat's database; values are JSON.
import type { CentreSettings } from '../../../shared/types';
import type { DeductionRules } from '../../../shared/sla';
import type { BackupSettings } from '../../../shared/archive';
import type { Language } from '../../../shared/validation';
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';

export interface SettingsShape {
  centre: CentreSettings;
  /** The centre's name and zone, shared with every seat (services/centreProfile.ts). */
  'centre.profile': { centreName: string; timeZone: string };
  'ui.language': Language;
  'deductions.rules': DeductionRules;
  /** Every seat code this PC has held (services/seatCodes.ts). */
  'seat.codesHeld': string[];
  'backups.copy': BackupSettings;
}
export type SettingKey = keyof SettingsShape;

export function getSetting<K extends SettingKey>(db: Db, key: K): SettingsShape[K] | null {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as SettingsShape[K]) : null;
}

export function setSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: SettingsShape[K],
  at: number,
  by: string | null,
): void {
  stmt(db,
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(key, JSON.stringify(value), at, by);
}
