// Methods of the foundation: set-up, sessions, users, the centre's settings, audit and database.
import { z } from 'zod';
import { ROLES } from '../roles';
import type { AuditEntry, CentreSettings, DbCheckReport, SessionUser, UserSummary } from '../types';
import {
  centreNameSchema,
  displayNameSchema,
  idSchema,
  languageSchema,
  passwordSchema,
  seatCodeSchema,
  timeZoneSchema,
  userNameSchema,
} from '../validation';
import { def } from './define';
import type { Language } from '../validation';

export const none = z.strictObject({});

export const foundationMethods = {
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
  'auth.signIn': def<SessionUser>()(
    'public',
    z.strictObject({ name: userNameSchema, password: z.string().min(1).max(128) }),
  ),
  'auth.signOut': def<null>()('public', none),
  /** The UI language is a preference of this PC (seat), known before anyone signs in. */
  'prefs.setLanguage': def<null>()('public', z.strictObject({ language: languageSchema })),
  'me.changePassword': def<null>()(
    'agent',
    z.strictObject({ current: z.string().min(1).max(128), next: passwordSchema }),
  ),
  'centre.get': def<CentreSettings>()('agent', none),
  'centre.update': def<CentreSettings>()(
    'admin',
    z.strictObject({ centreName: centreNameSchema, timeZone: timeZoneSchema, seatCode: seatCodeSchema }),
  ),
  'users.list': def<UserSummary[]>()('admin', none),
  'users.create': def<UserSummary>()(
    'admin',
    z.strictObject({
      name: userNameSchema,
      displayName: displayNameSchema,
      role: z.enum(ROLES),
      password: passwordSchema,
    }),
  ),
  'users.update': def<UserSummary>()(
    'admin',
    z.strictObject({
      id: idSchema,
      displayName: displayNameSchema.optional(),
      role: z.enum(ROLES).optional(),
      disabled: z.boolean().optional(),
    }),
  ),
  'users.resetPassword': def<null>()('admin', z.strictObject({ id: idSchema, password: passwordSchema })),
  'audit.list': def<AuditEntry[]>()(
    'admin',
    z.strictObject({
      limit: z.number().int().min(1).max(500).optional(),
      /** One family of actions: 'session' for session.signIn, session.signInFailed, … */
      family: z.string().regex(/^[a-z]{1,32}$/, 'validation.auditFamily').optional(),
      q: z.string().trim().max(100, 'validation.tooLong').optional(),
      from: z.number().int().min(0).optional(),
      to: z.number().int().min(0).optional(),
    }),
  ),
  'db.check': def<DbCheckReport>()('admin', none),
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
