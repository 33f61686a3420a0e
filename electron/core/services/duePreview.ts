// What a ticket of a type, for a tier, taken in at an instant, would be due — the same
// computation intake uses, offered to the settings' what-if calculator and the CLI.
import type { DuePreview, Tier } from '../../../shared/contract/sla';
import { DomainError } from '../../../shared/result';
import { computeDue, targetDurationMs, type RequestType } from '../../../shared/sla';
import type { Db } from '../db/open';
import { compiledCalendar } from './calendars';
import { findRequestType } from './catalogue';

export function targetFor(type: RequestType, tier: Tier): RequestType['standard'] {
  return tier === 'key' ? type.keyAccount : type.standard;
}

export function previewDue(db: Db, typeCode: string, tier: Tier, at: number): DuePreview {
  const type = findRequestType(db, typeCode);
  if (!type) {
    throw new DomainError('NOT_FOUND', 'errors.requestTypeNotFound', `No request type with code ${typeCode}.`, { code: typeCode });
  }
  const target = targetFor(type, tier);
  const calendar = compiledCalendar(db, target.calendarId);
  if (!calendar) {
    throw new DomainError('NOT_FOUND', 'errors.calendarNotFound', `The target of ${typeCode} names calendar ${target.calendarId}, which does not exist.`, {
      id: target.calendarId,
    });
  }
  const due = computeDue(calendar, at, target);
  return {
    ...due,
    typeCode,
    tier,
    calendarId: target.calendarId,
    targetMinutes: targetDurationMs(calendar, target) / 60_000,
    target,
  };
}
