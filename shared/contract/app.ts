// Methods of the app itself: what the renderer needs first, the first-run set-up, this PC's language.
import { z } from 'zod';
import type { SessionUser, UserSummary } from '../types';
import { centreNameSchema, displayNameSchema, languageSchema, passwordSchema, seatCodeSchema, timeZoneSchema, userNameSchema } from '../validation';
import type { Language } from '../validation';
import { def } from './define';
import { none } from './foundation';

export const appMethods = {
  /** What the renderer needs before anything else: is the centre set up, who is signed in. */
  'app.status': def<AppStatus>()('public', none),
  /** First run: the centre, this PC's seat and the first admin. Refused once set up. */
  'setup.init': def<UserSummary>()(
    'public',
    z.strictObject({
      centreName: centreNameSchema,
      timeZone: timeZoneSchema,
      seatCode: seatCodeSchema,
      admin: z.strictObject({
        name: userNameSchema,
        displayName: displayNameSchema,
        password: passwordSchema,
      }),
    }),
  ),
  /** The UI language is a preference of this PC (seat), known before anyone signs in. */
  'prefs.setLanguage': def<null>()('public', z.strictObject({ language: languageSchema })),
} as const;

export interface AppStatus {
  initialized: boolean;
  centreName: string | null;
  seatCode: string | null;
  timeZone: string;
  /** null: not chosen yet, the renderer follows the OS locale. */
  language: Language | null;
  user: SessionUser | null;
  version: string;
}
