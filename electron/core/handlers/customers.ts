// Customers, departments, the staff directory and the one search box.
import { DomainError } from '../../../shared/result';
import type { StaffMember } from '../../../shared/tickets/types';
import { recordAudit } from '../services/audit';
import { customersWithPhones, ftsLiteral, getCustomer, insertCustomer, searchCustomers, searchTerm, updateCustomer } from '../services/customers';
import { TICKET_SELECT, toTicketRow, type TicketRecord } from '../services/ticketRows';
import { newId } from '../ids';
import { callbacksForBirthday } from '../services/callbacks';
import type { CallContext } from '../context';
import type { HandlerMap } from './types';

type Method =
  | 'staff.directory'
  | 'departments.list'
  | 'departments.save'
  | 'customers.search'
  | 'customers.get'
  | 'customers.create'
  | 'customers.update'
  | 'customers.duplicates'
  | 'search.all';

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

export const customerHandlers: HandlerMap<Method> = {
  'staff.directory': (_input, ctx) =>
    ctx.db.prepare(`SELECT id, display_name AS displayName, role FROM users WHERE disabled = 0 ORDER BY role, display_name`).all() as StaffMember[],

  'departments.list': (_input, ctx) =>
    (ctx.db.prepare('SELECT id, name_zh, name_en, active FROM departments ORDER BY position, id').all() as { id: string; name_zh: string; name_en: string; active: 0 | 1 }[]).map(
      (d) => ({ id: d.id, names: { zh: d.name_zh, en: d.name_en }, active: d.active === 1 }),
    ),

  'departments.save': ({ department: d }, ctx) => {
    ctx.db
      .prepare(
        `INSERT INTO departments (id, name_zh, name_en, active, position, updated_at, updated_by)
         VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 10 FROM departments), ?, ?)
         ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, active = excluded.active,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(d.id, d.names.zh, d.names.en, d.active ? 1 : 0, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: 'department.save', subject: d.id, after: d });
    ctx.emit({ type: 'departments.changed' });
    return d;
  },

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

  'search.all': ({ q }, ctx) => {
    const customers = searchCustomers(ctx.db, q, 10);
    const term = searchTerm(q);
    if (!term) return { customers, tickets: [] };
    const byNumber = ctx.db.prepare(`${TICKET_SELECT} WHERE t.number >= ? AND t.number < ? ORDER BY t.number DESC LIMIT 10`).all(term.toUpperCase(), term.toUpperCase() + '\uffff') as TicketRecord[];
    const byText =
      term.length >= 3
        ? (ctx.db
            .prepare(`${TICKET_SELECT} WHERE t.rowid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? LIMIT 20) ORDER BY t.created_at DESC`)
            .all(ftsLiteral(term)) as TicketRecord[])
        : [];
    const ofCustomers = customers.length
      ? (ctx.db
          .prepare(`${TICKET_SELECT} WHERE t.customer_id IN (SELECT value FROM json_each(?)) ORDER BY t.created_at DESC LIMIT 20`)
          .all(JSON.stringify(customers.map((c) => c.id))) as TicketRecord[])
      : [];
    const seen = new Set<string>();
    const tickets = [...byNumber, ...byText, ...ofCustomers].filter((t) => !seen.has(t.id) && seen.add(t.id)).slice(0, 20).map(toTicketRow);
    return { customers, tickets };
  },
};
