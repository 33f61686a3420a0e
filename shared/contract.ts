// The single source of truth for the IPC surface: every method with its strict input schema,
// its output type and the role it needs; every event the main process pushes.
// The core's handler registry implements exactly this map; the renderer's api.ts is typed from it.
import { z } from 'zod';
import type { Access, Role } from './roles';
import { ROLES } from './roles';
import {
  centreNameSchema,
  displayNameSchema,
  languageSchema,
  passwordSchema,
  seatCodeSchema,
  timeZoneSchema,
  userNameSchema,
  idSchema,
} from './validation';
import type { AuditEntry, CentreSettings, DbCheckReport, SessionUser, UserSummary } from './types';
import type { Language } from './validation';

/** A method's definition. `output` is a type carrier only; its value is never read. */
export interface MethodDef<I extends z.ZodType, O> {
  access: Access;
  input: I;
  output: O;
}
const def =
  <O>() =>
  <I extends z.ZodType>(access: Access, input: I): MethodDef<I, O> => ({
    access,
    input,
    output: undefined as O,
  });

const none = z.strictObject({});

export const contract = {
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
    z.strictObject({ limit: z.number().int().min(1).max(500).optional() }),
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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Events pushed from the main process to every window of the app. */
export type AppEvent =
  | { type: 'session.changed'; user: SessionUser | null }
  | { type: 'prefs.changed'; language: Language }
  | { type: 'centre.changed'; centre: CentreSettings }
  | { type: 'users.changed' };
export type AppEventType = AppEvent['type'];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

export type { Role };
