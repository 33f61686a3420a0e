// Methods of signing in and out of this seat.
import { z } from 'zod';
import type { SessionUser } from '../types';
import { userNameSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

export const authMethods = {
  'auth.signIn': def<SessionUser>()(
    'public',
    z.strictObject({ name: userNameSchema, password: z.string().min(1).max(128) }),
  ),
  'auth.signOut': def<null>()('public', none),
} as const;
