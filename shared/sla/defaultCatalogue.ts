// The request types and SLA targets a new centre starts with (seed 000's 处理时长要求 table, see
// DOMAIN.md). Data, not rules: admins edit every row in the app; this is only the first version.
//
// Choices where the seed is silent, and why:
// - Standard targets run on working time of the mainland-China calendar: a 30-minute target
//   taken at 17:45 on Friday is due 09:15 on the next working day, not Saturday night.
// - Key-account targets run on the key-account line's calendar, which is open 24x7 (the line is
//   staffed around the clock), so "15 min" for a VIP means 15 minutes of real time.
// - Complaints and after-sales promise a reply "within 24 hours" (seed 004): that is wall-clock
//   time, so those targets use the 24x7 clock whatever the calendar.
// - "Immediate" remote help is given a measurable 10 minutes.
// - Consultation (咨询) is not in the table; it gets the same targets as "other".
// - Warning: at 80 % of short targets; 60 minutes before due for working-day targets and
//   2 hours before due for 24-hour replies, when an agent can still act.
import type { CatalogueTarget, RequestCategory, RequestType } from './schemas';
import type { LocalizedName, TargetClock, TargetUnit, WarningPoint } from './types';

export const CHINA_CALENDAR_ID = 'cn-mainland';
export const KEY_ACCOUNT_CALENDAR_ID = 'cn-key-account';

const AT_80_PERCENT: WarningPoint = { kind: 'share', share: 0.8 };

function target(amount: number, unit: TargetUnit, clock: TargetClock, calendarId: string): CatalogueTarget {
  const warning: WarningPoint =
    unit === 'workingDays'
      ? { kind: 'beforeDue', minutes: 60 }
      : unit === 'hours' && amount >= 24
        ? { kind: 'beforeDue', minutes: 120 }
        : AT_80_PERCENT;
  return { amount, unit, clock, calendarId, warning };
}

const std = {
  minutes: (n: number) => target(n, 'minutes', 'working', CHINA_CALENDAR_ID),
  workingDays: (n: number) => target(n, 'workingDays', 'working', CHINA_CALENDAR_ID),
  hours24x7: (n: number) => target(n, 'hours', '24x7', CHINA_CALENDAR_ID),
};
const key = {
  minutes: (n: number) => target(n, 'minutes', 'working', KEY_ACCOUNT_CALENDAR_ID),
  hours: (n: number) => target(n, 'hours', 'working', KEY_ACCOUNT_CALENDAR_ID),
  hours24x7: (n: number) => target(n, 'hours', '24x7', KEY_ACCOUNT_CALENDAR_ID),
};

function row(code: string, zh: string, en: string, category: RequestCategory, standard: CatalogueTarget, keyAccount: CatalogueTarget): RequestType {
  const names: LocalizedName = { zh, en };
  return { code, names, category, standard, keyAccount, active: true };
}

export const DEFAULT_CATALOGUE: readonly RequestType[] = [
  row('account_open', '常规开户', 'Account opening', 'business', std.minutes(30), key.minutes(15)),
  row('account_open_online', '网上开户业务归属', 'Online account opening attribution', 'business', std.minutes(20), key.minutes(5)),
  row('activation', '常规激活', 'Activation', 'business', std.workingDays(1), key.hours(4)),
  row('activation_online', '网上激活', 'Online activation', 'business', std.workingDays(1), key.hours(4)),
  row('login_unlock', '网上登录名解锁、密码', 'Online login unlock / password', 'business', std.minutes(10), key.minutes(3)),
  row('data_change', '重置、资料变更', 'Reset, data change', 'business', std.workingDays(1), key.minutes(30)),
  row('remote_help', '客户远程帮助与指导', 'Remote help and guidance', 'business', std.minutes(10), key.minutes(3)),
  row('auth_code', '授权码', 'Authorisation code', 'business', std.minutes(15), key.minutes(3)),
  row('password_reset', '重置密码', 'Password reset', 'business', std.workingDays(1), key.minutes(15)),
  row('account_transfer', '转户', 'Account transfer', 'business', std.workingDays(1), key.minutes(30)),
  row('account_close', '销户', 'Account closing', 'business', std.workingDays(1), key.minutes(30)),
  row('other', '其他', 'Other', 'business', std.workingDays(1), key.minutes(30)),
  row('consultation', '咨询', 'Consultation', 'consultation', std.workingDays(1), key.minutes(30)),
  row('complaint', '投诉', 'Complaint', 'complaint', std.hours24x7(24), key.hours24x7(4)),
  row('after_sales', '售后', 'After-sales request', 'after_sales', std.hours24x7(24), key.hours24x7(4)),
];
