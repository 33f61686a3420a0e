// Methods of customers: search, read, create, change, the duplicate-phone warning.
import { z } from 'zod';
import type { Customer, CustomerSummary } from '../tickets/types';
import { customerInputSchema, phoneSchema } from '../tickets/schemas';
import { idSchema } from '../validation';
import { def } from './define';

/** What an agent types into a search box. */
export const searchQuery = z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong');
const query = searchQuery;

export const customerMethods = {
  'customers.search': def<CustomerSummary[]>()('agent', z.strictObject({ q: query, limit: z.number().int().min(1).max(50).optional() })),
  'customers.get': def<Customer>()('agent', z.strictObject({ id: idSchema })),
  'customers.create': def<Customer>()('agent', z.strictObject({ customer: customerInputSchema })),
  'customers.update': def<Customer>()('agent', z.strictObject({ id: idSchema, customer: customerInputSchema })),
  /** Customers already holding one of these phones: the intake form warns before a duplicate. */
  'customers.duplicates': def<CustomerSummary[]>()(
    'agent',
    z.strictObject({ phones: z.array(phoneSchema).min(1).max(5), excludeId: idSchema.optional() }),
  ),
} as const;
