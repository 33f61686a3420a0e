// Methods of the centre's settings, and the admin's audit and database views.
import { z } from 'zod';
import type { AuditEntry, CentreSettings, DbCheckReport } from '../types';
import { centreNameSchema, seatCodeSchema, timeZoneSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

export const centreMethods = {
  'centre.get': def<CentreSettings>()('agent', none),
  'centre.update': def<CentreSettings>()(
    'admin',
    z.strictObject({ centreName: centreNameSchema, timeZone: timeZoneSchema, seatCode: seatCodeSchema }),
  ),
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
