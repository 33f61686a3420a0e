// Methods of the departments tickets are forwarded to.
import { z } from 'zod';
import type { Department } from '../tickets/types';
import { def } from './define';
import { none } from './foundation';

export const departmentMethods = {
  'departments.list': def<Department[]>()('agent', none),
  'departments.save': def<Department>()(
    'admin',
    z.strictObject({
      department: z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'validation.departmentId'),
        names: z.strictObject({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(40) }),
        active: z.boolean(),
      }),
    }),
  ),
} as const;
