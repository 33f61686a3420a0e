// Methods of the SLA settings: the request-type catalogue, the working calendars (with import),
// the deduction rules, and the due-time preview used by intake and the what-if calculator.
import { z } from 'zod';
import {
  calendarSpecSchema,
  deductionRulesSchema,
  requestTypeSchema,
  type CalendarSpec,
  type DeductionRules,
  type DueTime,
  type ImportedCalendarDays,
  type RequestType,
} from '../sla';
import { calendarIdSchema } from '../sla/schemas';
import { def } from './define';
import { none } from './foundation';
import { instantSchema } from '../validation';

export { CUSTOMER_TIERS as TIERS, type CustomerTier as Tier } from '../tickets/types';
import { CUSTOMER_TIERS as TIERS, type CustomerTier as Tier } from '../tickets/types';

const calendarFile = z.strictObject({
  calendarId: calendarIdSchema,
  fileName: z.string().trim().min(1).max(255).regex(/\.(json|ics)$/i, 'validation.calendarFile'),
  /** The file's text; holiday files are tens of kilobytes. */
  content: z.string().min(1, 'validation.required').max(200_000, 'validation.tooLong'),
});

export interface CalendarImportPreview {
  calendarId: string;
  imported: ImportedCalendarDays;
  /** Dates that the import adds to or removes from the calendar, within the imported years. */
  added: { holidays: string[]; workdays: string[] };
  removed: { holidays: string[]; workdays: string[] };
  /** The calendar's known years after the import. */
  yearsAfter: { from: number; to: number };
}

export interface DuePreview extends DueTime {
  typeCode: string;
  tier: Tier;
  calendarId: string;
  /** The target's length on its own clock, in minutes (1 working day = the calendar's day length). */
  targetMinutes: number;
  target: RequestType['standard'];
}

export const slaMethods = {
  // Read by the wall-board too (type names and calendars for its countdowns).
  'catalogue.list': def<RequestType[]>()('wallboard', none),
  'catalogue.save': def<RequestType>()('admin', z.strictObject({ type: requestTypeSchema, isNew: z.boolean() })),
  'calendars.list': def<CalendarSpec[]>()('wallboard', none),
  'calendars.save': def<CalendarSpec>()('admin', z.strictObject({ calendar: calendarSpecSchema })),
  'calendars.previewImport': def<CalendarImportPreview>()('admin', calendarFile),
  'calendars.applyImport': def<CalendarSpec>()('admin', calendarFile),
  'deductions.rules': def<DeductionRules>()('agent', none),
  'deductions.saveRules': def<DeductionRules>()('supervisor', z.strictObject({ rules: deductionRulesSchema })),
  'sla.preview': def<DuePreview>()(
    'agent',
    z.strictObject({
      typeCode: z.string().max(48),
      tier: z.enum(TIERS),
      /** The intake instant, epoch ms. */
      at: instantSchema,
    }),
  ),
} as const;
