// Methods of tickets: intake, the open queue, one ticket, its lifecycle, transfer, notes, complaints, errors.
import { z } from 'zod';
import type { TicketDetail, TicketRow } from '../tickets/types';

// Every action returns the ticket's detail exactly as tickets.get would return it afterwards, so
// the screen that acted shows the result without asking again.
import { complaintSchema, ticketActionSchema, ticketInputSchema } from '../tickets/schemas';
import { idSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

export const ticketMethods = {
  'tickets.create': def<TicketDetail>()('agent', ticketInputSchema),
  /** Every open ticket, most urgent first: breached, then least remaining working time. */
  'tickets.queue': def<TicketRow[]>()('agent', none),
  'tickets.get': def<TicketDetail>()('agent', z.strictObject({ id: idSchema })),
  'tickets.act': def<TicketDetail>()('agent', ticketActionSchema),
  'tickets.transfer': def<TicketDetail>()(
    'agent',
    z.strictObject({
      id: idSchema,
      to: z.union([z.strictObject({ agentId: idSchema }), z.strictObject({ departmentId: z.string().max(64) })]),
      reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
    }),
  ),
  'tickets.note': def<TicketDetail>()(
    'agent',
    z.strictObject({ id: idSchema, text: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong') }),
  ),
  'tickets.updateComplaint': def<TicketDetail>()('agent', z.strictObject({ id: idSchema, complaint: complaintSchema })),
  /** A supervisor records an error (过失) against the ticket's agent, with a reason. */
  'tickets.recordError': def<TicketDetail>()(
    'supervisor',
    z.strictObject({ id: idSchema, reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong') }),
  ),
} as const;
