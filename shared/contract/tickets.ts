// Methods of the intake queue: customers, tickets and their lifecycle, departments, search.
import { z } from 'zod';
import type { Customer, CustomerSummary, Department, StaffMember, TicketDetail, TicketRow } from '../tickets/types';
import { complaintSchema, customerInputSchema, phoneSchema, ticketActionSchema, ticketInputSchema } from '../tickets/schemas';
import { idSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

const query = z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong');

export interface SearchResults {
  customers: CustomerSummary[];
  tickets: TicketRow[];
}

export const ticketMethods = {
  'staff.directory': def<StaffMember[]>()('agent', none),
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

  'customers.search': def<CustomerSummary[]>()('agent', z.strictObject({ q: query, limit: z.number().int().min(1).max(50).optional() })),
  'customers.get': def<Customer>()('agent', z.strictObject({ id: idSchema })),
  'customers.create': def<Customer>()('agent', z.strictObject({ customer: customerInputSchema })),
  'customers.update': def<Customer>()('agent', z.strictObject({ id: idSchema, customer: customerInputSchema })),
  /** Customers already holding one of these phones: the intake form warns before a duplicate. */
  'customers.duplicates': def<CustomerSummary[]>()(
    'agent',
    z.strictObject({ phones: z.array(phoneSchema).min(1).max(5), excludeId: idSchema.optional() }),
  ),

  'tickets.create': def<TicketRow>()('agent', ticketInputSchema),
  /** Every open ticket, most urgent first: breached, then least remaining working time. */
  'tickets.queue': def<TicketRow[]>()('agent', none),
  'tickets.get': def<TicketDetail>()('agent', z.strictObject({ id: idSchema })),
  'tickets.act': def<TicketRow>()('agent', ticketActionSchema),
  'tickets.transfer': def<TicketRow>()(
    'agent',
    z.strictObject({
      id: idSchema,
      to: z.union([z.strictObject({ agentId: idSchema }), z.strictObject({ departmentId: z.string().max(64) })]),
      reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
    }),
  ),
  'tickets.note': def<null>()(
    'agent',
    z.strictObject({ id: idSchema, text: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong') }),
  ),
  'tickets.updateComplaint': def<TicketRow>()('agent', z.strictObject({ id: idSchema, complaint: complaintSchema })),
  /** A supervisor records an error (过失) against the ticket's agent, with a reason. */
  'tickets.recordError': def<null>()(
    'supervisor',
    z.strictObject({ id: idSchema, reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong') }),
  ),

  /** One search box over customers and tickets: name (also pinyin initials), phone, number, text. */
  'search.all': def<SearchResults>()('agent', z.strictObject({ q: query })),
} as const;
