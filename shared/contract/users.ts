// Methods of the centre's users: the admin's list and changes, and the staff directory agents pick from.
import { z } from 'zod';
import { ROLES } from '../roles';
import type { StaffMember } from '../tickets/types';
import type { UserSummary } from '../types';
import { displayNameSchema, idSchema, passwordSchema, userNameSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

export const userMethods = {
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
  'staff.directory': def<StaffMember[]>()('agent', none),
} as const;
