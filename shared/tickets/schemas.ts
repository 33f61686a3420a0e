// Input rules for customers and tickets, shared by the contract and the forms.
import { z } from 'zod';
import { idSchema } from '../validation';
import { CHANNELS, PRIORITIES, TICKET_ACTIONS } from './lifecycle';
import { CUSTOMER_TIERS } from './types';

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');

/** Phones as people type them: digits with spaces, dashes, brackets or a leading +. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{2,24}$/, 'validation.phone');

export const birthdaySchema = z.strictObject({
  calendar: z.enum(['solar', 'lunar']),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  year: z.number().int().min(1900).max(2100).optional(),
});

/** The longest customer notes the store accepts; the form shows the count against it. */
export const CUSTOMER_NOTES_MAX = 2000;

export const customerInputSchema = z.strictObject({
  kind: z.enum(['person', 'company']),
  name: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  tier: z.enum(CUSTOMER_TIERS),
  role: z.enum(['partner', 'end_customer']),
  phones: z.array(phoneSchema).max(5),
  email: z.email('validation.email').max(120).nullable(),
  wechat: text(60).nullable(),
  birthday: birthdaySchema.nullable(),
  contactUserId: idSchema.nullable(),
  tags: z.array(z.string().trim().min(1).max(20)).max(10),
  notes: text(CUSTOMER_NOTES_MAX),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const ticketInputSchema = z.strictObject({
  customer: z.union([z.strictObject({ id: idSchema }), z.strictObject({ new: customerInputSchema })]),
  typeCode: z.string().max(48),
  channel: z.enum(CHANNELS),
  priority: z.enum(PRIORITIES),
  subject: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  description: text(4000),
  /**
   * Made by the intake form once per ticket being written (a UUID): saving twice — a double
   * Ctrl+Enter, a retry — returns the first ticket instead of creating another.
   */
  requestId: z.uuid('validation.requestId').optional(),
});
export type TicketInput = z.infer<typeof ticketInputSchema>;

export const ticketActionSchema = z.strictObject({
  id: idSchema,
  action: z.enum(TICKET_ACTIONS),
  note: text(2000).optional(),
});

export const complaintSchema = z.strictObject({
  category: text(40),
  cause: text(2000),
  responsibleDepartmentId: z.string().max(64).nullable(),
  outcome: text(2000),
});
