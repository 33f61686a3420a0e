// The customer form's values and the CustomerInput the contract takes, both ways, and the
// envelope's VALIDATION issues put back onto the fields they concern.
import type { FormInstance } from 'antd';
import type { CustomerInput } from '../../../../shared/tickets/schemas';
import type { Birthday, Customer } from '../../../../shared/tickets/types';
import { asAppError } from '../../app/errors';

export type NamePath = (string | number)[];

/** What the form holds: like CustomerInput, but with blanks where the person has typed nothing yet. */
export interface CustomerFormValues {
  kind: CustomerInput['kind'];
  name: string;
  tier: CustomerInput['tier'];
  role: CustomerInput['role'];
  phones: string[];
  email?: string;
  wechat?: string;
  birthday: { calendar: Birthday['calendar']; month?: number | null; day?: number | null; year?: number | null };
  contactUserId?: string | null;
  tags: string[];
  notes?: string;
}

export const MAX_PHONES = 5;

export function emptyCustomerValues(initial?: Partial<CustomerInput>): CustomerFormValues {
  return {
    kind: initial?.kind ?? 'person',
    name: initial?.name ?? '',
    tier: initial?.tier ?? 'standard',
    role: initial?.role ?? 'end_customer',
    phones: initial?.phones?.length ? [...initial.phones] : [''],
    email: initial?.email ?? '',
    wechat: initial?.wechat ?? '',
    birthday: initial?.birthday ? { ...initial.birthday } : { calendar: 'solar', month: null, day: null, year: null },
    contactUserId: initial?.contactUserId ?? null,
    tags: initial?.tags ? [...initial.tags] : [],
    notes: initial?.notes ?? '',
  };
}

export const valuesOfCustomer = (c: Customer): CustomerFormValues =>
  emptyCustomerValues({
    kind: c.kind,
    name: c.name,
    tier: c.tier,
    role: c.role,
    phones: c.phones,
    email: c.email,
    wechat: c.wechat,
    birthday: c.birthday,
    contactUserId: c.contactUserId,
    tags: c.tags,
    notes: c.notes,
  });

const blankToNull = (s: string | undefined | null) => {
  const v = (s ?? '').trim();
  return v ? v : null;
};

/** Phone rows the person left empty are dropped; keep the form in step (see compactPhones) so indices match. */
export function toCustomerInput(v: CustomerFormValues): CustomerInput {
  const b = v.birthday;
  const birthday: Birthday | null =
    b?.month && b.day ? { calendar: b.calendar, month: b.month, day: b.day, ...(b.year ? { year: b.year } : {}) } : null;
  return {
    kind: v.kind,
    name: (v.name ?? '').trim(),
    tier: v.tier,
    role: v.role,
    phones: (v.phones ?? []).map((p) => (p ?? '').trim()).filter(Boolean),
    email: blankToNull(v.email),
    wechat: blankToNull(v.wechat),
    birthday,
    contactUserId: v.contactUserId ?? null,
    tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
    notes: (v.notes ?? '').trim(),
  };
}

/** Removes blank phone rows (keeping one row to type into), so server issue paths like phones.1 match the rows. */
export function compactPhones(form: FormInstance, prefix: NamePath = []): void {
  const path = [...prefix, 'phones'];
  const phones = ((form.getFieldValue(path) as string[] | undefined) ?? []).filter((p) => (p ?? '').trim());
  form.setFieldValue(path, phones.length ? phones : ['']);
}

/** Days a month can have: lunar months have 29 or 30, solar February up to 29. */
export function maxDay(calendar: Birthday['calendar'], month: number | null | undefined): number {
  if (calendar === 'lunar') return 30;
  if (!month) return 31;
  return month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Marks the fields named by a VALIDATION error. Issue paths come from the contract's input
 * (`customer.phones.0`, `customer.email`): `strip` drops the leading segments (here `customer`),
 * numeric segments become list indices, and an issue lands on the deepest registered field that
 * contains it (`tags.3` → the tags select, `birthday.day` → the day select).
 * Returns true when at least one field was marked.
 */
export function markCustomerFieldErrors(
  form: FormInstance,
  err: unknown,
  translate: (key: string) => string,
  options: { strip?: number; prefix?: NamePath } = {},
): boolean {
  const e = asAppError(err);
  if (!e?.issues?.length) return false;
  const strip = options.strip ?? 1;
  const prefix = options.prefix ?? [];
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of e.issues) {
    if (!issue.path) continue;
    const path: NamePath = [...prefix, ...issue.path.split('.').slice(strip).map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
    const target = registered
      .filter((name) => name.length <= path.length && name.every((seg, i) => seg === path[i]))
      .sort((a, b) => b.length - a.length)[0];
    if (!target) continue;
    const key = JSON.stringify(target);
    const entry = byField.get(key) ?? { name: target, errors: [] };
    const text = translate(issue.message);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}
