// The data shapes of the SLA engine. Everything is plain JSON-friendly data so calendars and
// targets can be stored, edited by a supervisor, validated at the IPC boundary and sent to the
// renderer unchanged. Instants are epoch milliseconds (UTC), durations are milliseconds unless
// a name says minutes.

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A working interval in local wall-clock minutes from midnight: [from, to), 0 ≤ from < to ≤ 1440. */
export interface WorkingInterval {
  from: number;
  to: number;
}

/** Several intervals per weekday (e.g. 09:00–12:00 and 13:30–18:00); an empty list is a day off. */
export type WeeklyHours = Record<Weekday, WorkingInterval[]>;

export interface LocalizedName {
  zh: string;
  en: string;
}

/** Inclusive range of years for which holidays and make-up days are known. */
export interface YearRange {
  from: number;
  to: number;
}

export interface CalendarSpec {
  id: string;
  names: LocalizedName;
  /** IANA zone the weekly hours and dates are read in, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /**
   * The 24x7 flag: the calendar is always open (e.g. the key-account line). Weekly hours,
   * holidays and make-up days are then ignored and working time equals elapsed time.
   */
  open24x7: boolean;
  weeklyHours: WeeklyHours;
  /**
   * The make-up working day rule (调休): a date listed in `workdays` is worked with the hours of
   * this weekday, whatever weekday it falls on. Default 'mon' — the normal Monday–Friday hours.
   */
  makeUpDayHours?: Weekday;
  /** Public holidays, `YYYY-MM-DD` local dates: no working time at all. */
  holidays: string[];
  /** Make-up working days (调休), `YYYY-MM-DD`: worked even if they fall on a weekend. */
  workdays: string[];
  /**
   * Years the holiday data covers. Outside it only the weekly hours apply, and every result
   * that touches such a day is flagged `beyondKnownYears`. Null: no holiday data at all.
   */
  years: YearRange | null;
  /**
   * Length of one working day in minutes for `workingDays` targets. Default: the length of the
   * make-up-day weekday's hours (7.5 h for 09:00–12:00 + 13:30–18:00), so one working day from
   * 15:00 lands at 15:00 on the next working day.
   */
  standardDayMinutes?: number;
  /** Optional display names of special dates, e.g. { '2025-10-01': { zh: '国庆节', en: 'National Day' } }. */
  labels?: Record<string, LocalizedName>;
}

export type TargetUnit = 'minutes' | 'hours' | 'workingDays';
/** 'working': counts the calendar's working time only; '24x7': counts elapsed time, ignoring the calendar. */
export type TargetClock = 'working' | '24x7';

export interface SlaTarget {
  amount: number;
  unit: TargetUnit;
  clock: TargetClock;
}

/** When a ticket turns amber: after a share of the target has elapsed, or some minutes before due. */
export type WarningPoint = { kind: 'share'; share: number } | { kind: 'beforeDue'; minutes: number };

/** A stretch [from, to) during which the SLA clock is stopped, e.g. waiting on the customer. */
export interface Pause {
  from: number;
  to: number;
}

export interface DueTime {
  /** The earliest instant at which the target's working time is reached. */
  due: number;
  /** True when the computation used a day outside the calendar's known holiday years. */
  beyondKnownYears: boolean;
}
