// Every row of the default catalogue (DOMAIN.md target table), standard and key account, from a
// few intake instants; and the schemas the IPC layer validates edits with.
import { describe, expect, it } from 'vitest';
import {
  CHINA_CALENDAR,
  DEFAULT_CALENDARS,
  DEFAULT_CATALOGUE,
  calendarSpecSchema,
  catalogueSchema,
  compileCalendar,
  computeDue,
  requestTypeSchema,
  type CatalogueTarget,
} from '../../../shared/sla';
import { at, local } from './helpers';

const calendars = new Map(DEFAULT_CALENDARS.map((c) => [c.id, compileCalendar(c)]));
const dueOf = (t: CatalogueTarget, start: string) => local(computeDue(calendars.get(t.calendarId)!, at(start), t).due);
const byCode = new Map(DEFAULT_CATALOGUE.map((r) => [r.code, r]));

// [code, standard due from Tue 2025-06-10 11:50, standard due from Fri 2025-06-13 17:45,
//  key-account due from Sat 2025-06-14 23:50]
const TABLE: [string, string, string, string][] = [
  ['account_open', '2025-06-10 13:50', '2025-06-16 09:15', '2025-06-15 00:05'],
  ['account_open_online', '2025-06-10 13:40', '2025-06-16 09:05', '2025-06-14 23:55'],
  ['activation', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 03:50'],
  ['activation_online', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 03:50'],
  ['login_unlock', '2025-06-10 12:00', '2025-06-13 17:55', '2025-06-14 23:53'],
  ['data_change', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 00:20'],
  ['remote_help', '2025-06-10 12:00', '2025-06-13 17:55', '2025-06-14 23:53'],
  ['auth_code', '2025-06-10 13:35', '2025-06-13 18:00', '2025-06-14 23:53'],
  ['password_reset', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 00:05'],
  ['account_transfer', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 00:20'],
  ['account_close', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 00:20'],
  ['other', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 00:20'],
  ['consultation', '2025-06-11 11:50', '2025-06-16 17:45', '2025-06-15 00:20'],
  ['complaint', '2025-06-11 11:50', '2025-06-14 17:45', '2025-06-15 03:50'],
  ['after_sales', '2025-06-11 11:50', '2025-06-14 17:45', '2025-06-15 03:50'],
];

describe('default catalogue', () => {
  it('covers every row of the domain table plus consultation, once each', () => {
    expect(DEFAULT_CATALOGUE.map((r) => r.code).sort()).toEqual(TABLE.map(([c]) => c).sort());
  });

  it.each(TABLE)('%s: standard and key-account due times', (code, tuesday, friday, keySaturday) => {
    const row = byCode.get(code)!;
    expect(dueOf(row.standard, '2025-06-10 11:50')).toBe(tuesday);
    expect(dueOf(row.standard, '2025-06-13 17:45')).toBe(friday);
    expect(dueOf(row.keyAccount, '2025-06-14 23:50')).toBe(keySaturday);
  });

  it('passes its own schema, and refers only to known calendars', () => {
    expect(catalogueSchema.safeParse(DEFAULT_CATALOGUE).success).toBe(true);
    for (const r of DEFAULT_CATALOGUE) {
      expect(calendars.has(r.standard.calendarId)).toBe(true);
      expect(calendars.has(r.keyAccount.calendarId)).toBe(true);
    }
    for (const c of DEFAULT_CALENDARS) expect(calendarSpecSchema.safeParse(c).success).toBe(true);
  });

  it('rejects unknown keys, working days on the 24x7 clock and duplicate codes', () => {
    const row = DEFAULT_CATALOGUE[0]!;
    expect(requestTypeSchema.safeParse({ ...row, extra: 1 }).success).toBe(false);
    expect(requestTypeSchema.safeParse({ ...row, standard: { ...row.standard, unit: 'workingDays', clock: '24x7' } }).success).toBe(false);
    expect(catalogueSchema.safeParse([row, row]).success).toBe(false);
  });
});

describe('calendar validation', () => {
  it('refuses a calendar whose make-up-day weekday has no hours and no explicit day length', () => {
    const tueToSat = { ...CHINA_CALENDAR, weeklyHours: { ...CHINA_CALENDAR.weeklyHours, mon: [], sat: CHINA_CALENDAR.weeklyHours.tue } };
    expect(calendarSpecSchema.safeParse(tueToSat).success).toBe(false);
    expect(calendarSpecSchema.safeParse({ ...tueToSat, makeUpDayHours: 'tue' }).success).toBe(true);
    expect(calendarSpecSchema.safeParse({ ...tueToSat, standardDayMinutes: 450 }).success).toBe(true);
  });
});
