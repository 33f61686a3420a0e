// Customers: search, read, create, change, the duplicate-phone warning.
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../services/audit';
import { customersWithPhones, getCustomer, insertCustomer, searchCustomers, updateCustomer } from '../services/customers';
import { newId } from '../ids';
import { callbacksForBirthday } from '../services/callbacks';
import type { CallContext } from '../context';
import { type customerMethods } from '../../../shared/contract/customers';
import type { HandlersOf } from './types';

export function mustGetCustomer(ctx: CallContext, id: string) {
  const c = getCustomer(ctx.db, id);
  if (!c) throw new DomainError('NOT_FOUND', 'errors.customerNotFound', `No customer with id ${id}.`, { id });
  return c;
}

function checkContact(ctx: CallContext, contactUserId: string | null) {
  if (contactUserId && !ctx.db.prepare('SELECT 1 FROM users WHERE id = ? AND disabled = 0').get(contactUserId)) {
    throw new DomainError('NOT_FOUND', 'errors.userNotFound', `No active user with id ${contactUserId}.`, { id: contactUserId });
  }
}

export const customerHandlers: HandlersOf<typeof customerMethods> = {
  'customers.search': ({ q, limit }, ctx) => searchCustomers(ctx.db, q, limit ?? 20),

  'customers.get': ({ id }, ctx) => mustGetCustomer(ctx, id),

  'customers.create': ({ customer }, ctx) => {
    checkContact(ctx, customer.contactUserId);
    const created = insertCustomer(ctx.db, newId(ctx.clock), customer, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: 'customer.create', subject: created.id, after: customer });
    ctx.emit({ type: 'customer.changed', customer: created });
    if (callbacksForBirthday(ctx, created.id, created.birthday).length) ctx.emit({ type: 'callbacks.changed' });
    return created;
  },

  'customers.update': ({ id, customer }, ctx) => {
    const before = mustGetCustomer(ctx, id);
    checkContact(ctx, customer.contactUserId);
    const updated = updateCustomer(ctx.db, id, customer, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: 'customer.update', subject: id, before, after: customer });
    ctx.emit({ type: 'customer.changed', customer: updated });
    if (JSON.stringify(before.birthday) !== JSON.stringify(updated.birthday)) {
      callbacksForBirthday(ctx, id, updated.birthday);
      ctx.emit({ type: 'callbacks.changed' });
    }
    return updated;
  },

  'customers.duplicates': ({ phones, excludeId }, ctx) => customersWithPhones(ctx.db, phones, excludeId),
};
