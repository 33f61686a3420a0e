// zod schemas (strict: unknown keys rejected) for the editable SLA data, so the IPC layer
// validates catalogue and calendar edits with the same rules the engine relies on.
import { z } from 'zod';
import { parseIsoDate } from './civilDate';
import { CALENDAR_YEARS } from './calendarImport';
import { isValidTimeZone } from './timeZone';
import { WEEKDAYS } from './types';

export const localizedNameSchema = z.strictObject({
  zh: z.string().trim().min(1).max(80),
  en: z.string().trim().min(1).max(80),
});

export const isoDateSchema = z.string().refine((s) => parseIsoDate(s) !== null, 'validation.isoDate');

export const workingIntervalSchema = z
  .strictObject({ from: z.number().int().min(0).max(1439), to: z.number().int().min(1).max(1440) })
  .refine((i) => i.from < i.to, 'validation.sla.intervalOrder');

const dayHoursSchema = z
  .array(workingIntervalSchema)
  .max(12)
  .refine((list) => list.every((i, k) => k === 0 || i.from >= (list[k - 1] as { to: number }).to), 'validation.sla.intervalOverlap');

export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((w) => [w, dayHoursSchema])) as Record<(typeof WEEKDAYS)[number], typeof dayHoursSchema>,
);

export const yearRangeSchema = z
  .strictObject({
    from: z.number().int().min(CALENDAR_YEARS.min).max(CALENDAR_YEARS.max),
    to: z.number().int().min(CALENDAR_YEARS.min).max(CALENDAR_YEARS.max),
  })
  .refine((y) => y.from <= y.to, 'validation.sla.yearOrder');

export const calendarIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'validation.sla.calendarId');

export const calendarSpecSchema = z
  .strictObject({
    id: calendarIdSchema,
    names: localizedNameSchema,
    timeZone: z.string().refine(isValidTimeZone, 'validation.sla.timeZone'),
    open24x7: z.boolean(),
    weeklyHours: weeklyHoursSchema,
    makeUpDayHours: z.enum(WEEKDAYS).optional(),
    holidays: z.array(isoDateSchema),
    workdays: z.array(isoDateSchema),
    years: yearRangeSchema.nullable(),
    standardDayMinutes: z.number().int().min(1).max(1440).optional(),
    labels: z.record(isoDateSchema, localizedNameSchema).optional(),
  })
  .refine((c) => c.open24x7 || WEEKDAYS.some((w) => c.weeklyHours[w].length > 0), 'validation.sla.noWorkingTime')
  .refine((c) => !c.workdays.some((d) => c.holidays.includes(d)), 'validation.sla.holidayWorkdayConflict')
  // A working day's length comes from the make-up-day weekday's hours unless given explicitly:
  // that weekday must have hours, or the calendar could never compute a working-day target.
  .refine(
    (c) => c.open24x7 || c.standardDayMinutes !== undefined || c.weeklyHours[c.makeUpDayHours ?? 'mon'].length > 0,
    'validation.sla.makeUpDayHours',
  );

const targetFields = {
  amount: z.number().positive().max(10_000),
  unit: z.enum(['minutes', 'hours', 'workingDays']),
  clock: z.enum(['working', '24x7']),
};
// Working days only mean something on a working clock; on the 24x7 clock say hours.
const notWorkingDaysOn24x7 = (t: { unit: string; clock: string }): boolean => !(t.unit === 'workingDays' && t.clock === '24x7');

export const slaTargetSchema = z.strictObject(targetFields).refine(notWorkingDaysOn24x7, 'validation.sla.workingDaysOn24x7');

export const warningPointSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('share'), share: z.number().gt(0).lt(1) }),
  z.strictObject({ kind: z.literal('beforeDue'), minutes: z.number().positive().max(100_000) }),
]);

/** A target as the catalogue stores it: the target itself, the calendar it runs on, its warning point. */
export const catalogueTargetSchema = z
  .strictObject({ ...targetFields, calendarId: calendarIdSchema, warning: warningPointSchema })
  .refine(notWorkingDaysOn24x7, 'validation.sla.workingDaysOn24x7');

export const REQUEST_CATEGORIES = ['business', 'consultation', 'complaint', 'after_sales'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const requestTypeSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'validation.sla.requestTypeCode'),
  names: localizedNameSchema,
  category: z.enum(REQUEST_CATEGORIES),
  /** Target for standard customers. */
  standard: catalogueTargetSchema,
  /** Stricter target for key accounts (大客户). */
  keyAccount: catalogueTargetSchema,
  active: z.boolean(),
});

export type CatalogueTarget = z.infer<typeof catalogueTargetSchema>;
export type RequestType = z.infer<typeof requestTypeSchema>;

export const catalogueSchema = z
  .array(requestTypeSchema)
  .refine((list) => new Set(list.map((t) => t.code)).size === list.length, 'validation.sla.duplicateCode');
