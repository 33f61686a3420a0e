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
export const seatCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{2,6}$/, 'validation.seatCode');

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0 && tz.length <= 64;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z.string().max(64).refine(isValidTimeZone, 'validation.timeZone');
