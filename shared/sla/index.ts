// Public API of the pure working-time SLA engine. Runs unchanged in the main process and in the
// renderers: no I/O, no clock reads (`now` is always a parameter), no Node or Electron imports.
export type {
  CalendarSpec,
  DueTime,
  LocalizedName,
  Pause,
  SlaTarget,
  TargetClock,
  TargetUnit,
  WarningPoint,
  Weekday,
  WeeklyHours,
  WorkingInterval,
  YearRange,
} from './types';
export { WEEKDAYS } from './types';
export { DAY_MS, HOUR_MS, MINUTE_MS, formatIsoDate, parseIsoDate } from './civilDate';
export { localMinuteOfDay, localToUtc, offsetMsAt, isValidTimeZone } from './timeZone';

export { compileCalendar, type CalendarDay, type CompiledCalendar } from './calendar';
export { addWorkingMs, workingMsBetween, isWorkingInstant, nextWorkingInstant } from './workingTime';
export { addWorkingMinutes, workingMinutesBetween } from './workingMinutes';
export { normalizePauses } from './pauses';
export { computeDue, elapsedOnClock, targetDurationMs } from './target';
export { liveSlaStatus, type LiveSlaStatus } from './live';
export { DEFAULT_WARNING, nextSlaChange, overtimeAt, slaStatus, warningOffsetMs, type SlaChange, type SlaInput, type SlaStatus } from './status';

export {
  REQUEST_CATEGORIES,
  calendarSpecSchema,
  catalogueSchema,
  catalogueTargetSchema,
  requestTypeSchema,
  slaTargetSchema,
  warningPointSchema,
  weeklyHoursSchema,
  type CatalogueTarget,
  type RequestCategory,
  type RequestType,
} from './schemas';
export { CHINA_CALENDAR_ID, DEFAULT_CATALOGUE, KEY_ACCOUNT_CALENDAR_ID } from './defaultCatalogue';
export { CHINA_CALENDAR, DEFAULT_CALENDARS, KEY_ACCOUNT_CALENDAR } from './defaultCalendars';

export { DEFAULT_DEDUCTION_RULES, deductionRulesSchema, type DeductionRules, type OvertimeBand } from './deductionRules';
export {
  computeDeductions,
  type CreditFact,
  type DeductionFacts,
  type DeductionLine,
  type DeductionReport,
  type ErrorFact,
  type OvertimeFact,
  type Period,
} from './deductions';

export { type CalendarImportResult, type ImportedCalendarDays } from './calendarImport';
export { parseCalendarJson } from './calendarImportJson';
export { parseCalendarIcs } from './calendarImportIcs';
export { mergeImportedDays, type CalendarMerge } from './calendarMerge';
