// The SLA settings: catalogue, calendars (edit and import), deduction rules, due-time preview.
// Every change is audited with before and after.
import { DomainError } from '../../../shared/result';
import { calendarSpecSchema } from '../../../shared/sla/schemas';
import {
  DEFAULT_DEDUCTION_RULES,
  mergeImportedDays,
  parseCalendarIcs,
  parseCalendarJson,
  type CalendarSpec,
} from '../../../shared/sla';
import type { CallContext } from '../context';
import { recordAudit } from '../services/audit';
import { findCalendar, listCalendars, saveCalendar } from '../services/calendars';
import { findRequestType, listRequestTypes, saveRequestType } from '../services/catalogue';
import { previewDue } from '../services/duePreview';
import { getSetting, setSetting } from '../services/settings';
import { type slaMethods } from '../../../shared/contract/sla';
import type { HandlersOf } from './types';


function mustFindCalendar(ctx: CallContext, id: string): CalendarSpec {
  const calendar = findCalendar(ctx.db, id);
  if (!calendar) throw new DomainError('NOT_FOUND', 'errors.calendarNotFound', `No calendar with id ${id}.`, { id });
  return calendar;
}

function readImport(ctx: CallContext, input: { calendarId: string; fileName: string; content: string }) {
  const calendar = mustFindCalendar(ctx, input.calendarId);
  const parsed = /\.ics$/i.test(input.fileName) ? parseCalendarIcs(input.content) : parseCalendarJson(input.content);
  if (!parsed.ok) {
    const { code, messageKey, message, params } = parsed.error;
    throw new DomainError(code, messageKey, `${input.fileName}: ${message}`, params);
  }
  const merge = mergeImportedDays(calendar, parsed.value);
  // The merged calendar must pass the rules a save enforces, or it could be stored but never saved again.
  const checked = calendarSpecSchema.safeParse(merge.calendar);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path.join('.') || 'calendar';
    throw new DomainError('VALIDATION', 'calendar.import.invalidResult', `${input.fileName}: the calendar after this import would be invalid (${field}: ${issue.message}).`, { field });
  }
  return { calendar, imported: parsed.value, merge };
}

export const slaHandlers: HandlersOf<typeof slaMethods> = {
  'catalogue.list': (_input, ctx) => listRequestTypes(ctx.db),

  'catalogue.save': ({ type, isNew }, ctx) => {
    const before = findRequestType(ctx.db, type.code);
    if (isNew && before) {
      throw new DomainError('CONFLICT', 'errors.requestTypeExists', `A request type with code ${type.code} exists already.`, { code: type.code });
    }
    if (!isNew && !before) {
      throw new DomainError('NOT_FOUND', 'errors.requestTypeNotFound', `No request type with code ${type.code}.`, { code: type.code });
    }
    for (const target of [type.standard, type.keyAccount]) mustFindCalendar(ctx, target.calendarId);
    saveRequestType(ctx.db, type, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: isNew ? 'requestType.create' : 'requestType.update', subject: type.code, before: before ?? undefined, after: type });
    ctx.emit({ type: 'catalogue.changed' });
    return type;
  },

  'calendars.list': (_input, ctx) => listCalendars(ctx.db),

  'calendars.save': ({ calendar }, ctx) => {
    const before = findCalendar(ctx.db, calendar.id);
    saveCalendar(ctx.db, calendar, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: before ? 'calendar.update' : 'calendar.create', subject: calendar.id, before: before ?? undefined, after: calendar });
    ctx.emit({ type: 'calendars.changed' });
    return calendar;
  },

  'calendars.previewImport': (input, ctx) => {
    const { imported, merge } = readImport(ctx, input);
    return { calendarId: input.calendarId, imported, added: merge.added, removed: merge.removed, yearsAfter: merge.calendar.years! };
  },

  'calendars.applyImport': (input, ctx) => {
    const { calendar, merge } = readImport(ctx, input);
    saveCalendar(ctx.db, merge.calendar, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, {
      action: 'calendar.import',
      subject: calendar.id,
      before: { years: calendar.years },
      after: { fileName: input.fileName, years: merge.calendar.years, added: merge.added, removed: merge.removed },
    });
    ctx.emit({ type: 'calendars.changed' });
    return merge.calendar;
  },

  'deductions.rules': (_input, ctx) => getSetting(ctx.db, 'deductions.rules') ?? DEFAULT_DEDUCTION_RULES,

  'deductions.saveRules': ({ rules }, ctx) => {
    const before = getSetting(ctx.db, 'deductions.rules') ?? DEFAULT_DEDUCTION_RULES;
    setSetting(ctx.db, 'deductions.rules', rules, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: 'deductions.update', subject: 'deductions.rules', before, after: rules });
    ctx.emit({ type: 'deductions.changed' });
    return rules;
  },

  'sla.preview': ({ typeCode, tier, at }, ctx) => previewDue(ctx.db, typeCode, tier, at),
};
