// Field rules shared by the contract and the forms, so the UI and the main process agree.
// Messages are i18n keys under `validation.`; the renderer translates them.
import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

export const idSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'validation.id');

export const userNameSchema = z
  .string()
  .trim()
  .min(2, 'validation.userName.length')
  .max(32, 'validation.userName.length')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'validation.userName.chars');

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(40, 'validation.tooLong');

export const passwordSchema = z
  .string()
  .min(8, 'validation.password.length')
  .max(128, 'validation.password.length');

export const centreNameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(80, 'validation.tooLong');

/** The seat code goes into ticket numbers, so it is short, upper-case and unique per PC. */
export const SEAT_CODE_PATTERN = /^[A-Z0-9]{2,6}$/;
export const seatCodeSchema = z.string().trim().regex(SEAT_CODE_PATTERN, 'validation.seatCode');

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0 && tz.length <= 64;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z.string().max(64).refine(isValidTimeZone, 'validation.timeZone');

/**
 * An instant (epoch ms) the SLA engine can work with: from 1970 to the end of year 9999. Anything
 * later would carry due times past JavaScript's date limit (±8.64e15 ms) and fail in arithmetic.
 */
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const instantSchema = z.number().int('validation.instant').min(0, 'validation.instant').max(MAX_INSTANT, 'validation.instant');
