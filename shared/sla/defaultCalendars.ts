// The calendars a new centre starts with: the bundled mainland-China working calendar
// (regenerate with resources/calendars/build-china.ts) and the always-open key-account line.
import chinaFile from '../../resources/calendars/china.json';
import { CHINA_CALENDAR_ID, KEY_ACCOUNT_CALENDAR_ID } from './defaultCatalogue';
import type { CalendarSpec, Weekday, WeeklyHours } from './types';

export const CHINA_CALENDAR: CalendarSpec = {
  id: CHINA_CALENDAR_ID,
  names: chinaFile.names,
  timeZone: chinaFile.timeZone,
  open24x7: false,
  weeklyHours: chinaFile.weeklyHours as WeeklyHours,
  makeUpDayHours: chinaFile.makeUpDayHours as Weekday,
  holidays: chinaFile.holidays,
  workdays: chinaFile.workdays,
  years: chinaFile.years,
  labels: chinaFile.labels,
};

const closed: WeeklyHours = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };

export const KEY_ACCOUNT_CALENDAR: CalendarSpec = {
  id: KEY_ACCOUNT_CALENDAR_ID,
  names: { zh: '大客户专线（全天候）', en: 'Key-account line (24x7)' },
  timeZone: 'Asia/Shanghai',
  open24x7: true,
  weeklyHours: closed,
  holidays: [],
  workdays: [],
  years: null,
};

export const DEFAULT_CALENDARS: readonly CalendarSpec[] = [CHINA_CALENDAR, KEY_ACCOUNT_CALENDAR];
