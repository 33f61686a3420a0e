// Methods of the centre hub: the connection (admin), joining from a new PC, the status bar's
// line, the conflicts decided by rule, and merging probable duplicate customers.
import { z } from 'zod';
import type { HubStatus, SyncConflict } from '../hub';
import { idSchema, seatCodeSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

export const hubConnectionSchema = z.strictObject({
  host: z.string().trim().min(1, 'validation.required').max(253, 'validation.tooLong').regex(/^[A-Za-z0-9.:_\-/[\]]+$/, 'validation.hubHost'),
  port: z.number().int().min(1, 'validation.port').max(65535, 'validation.port'),
  database: z.string().trim().min(1, 'validation.required').max(63, 'validation.tooLong'),
  user: z.string().trim().min(1, 'validation.required').max(63, 'validation.tooLong'),
  password: z.string().max(256, 'validation.tooLong'),
  tls: z.boolean(),
});
export type HubConnectionInput = z.output<typeof hubConnectionSchema>;

export const hubMethods = {
  'hub.status': def<HubStatus>()('agent', none),
  /** Starts a connection test; the answer arrives as a `hub.tested` event with the same token. */
  'hub.test': def<{ token: string }>()('admin', z.strictObject({ connection: hubConnectionSchema })),
  /** Connects this centre to a hub: the first seat uploads the centre (admin, on a set-up seat). */
  'hub.connect': def<HubStatus>()('admin', z.strictObject({ connection: hubConnectionSchema })),
  /** A new PC, not set up yet, joins the centre on the hub and downloads it. */
  'hub.join': def<HubStatus>()('public', z.strictObject({ connection: hubConnectionSchema, seatCode: seatCodeSchema })),
  /** The join-screen's test, before anyone can sign in on a new PC. */
  'hub.testJoin': def<{ token: string }>()('public', z.strictObject({ connection: hubConnectionSchema })),
  'hub.conflicts': def<SyncConflict[]>()(
    'agent',
    z.strictObject({ subjectId: idSchema.optional(), limit: z.number().int().min(1).max(500).optional() }),
  ),
  /** Merge a probable duplicate: everything of `mergeId` moves to `keepId`, then `mergeId` goes. */
  'customers.merge': def<null>()('supervisor', z.strictObject({ keepId: idSchema, mergeId: idSchema })),
} as const;

