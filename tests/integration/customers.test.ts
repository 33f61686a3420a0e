// Customers: create, edit, duplicate phones, and the multi-key search as agents type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerInput } from '../../shared/tickets/schemas';
import { startCore, type TestCore } from './helpers';
import { CUSTOMER } from './samples';

let t: TestCore;
const add = (c: Partial<CustomerInput>) => t.must('customers.create', { customer: { ...CUSTOMER, ...c } });
beforeAll(async () => {
  t = await startCore();
  add({ name: '王伟', phones: ['138 0013 8000'], tier: 'key' });
  add({ name: '王伟华', phones: ['139-1234-5678'] });
  add({ name: '张敏', phones: ['021 6234 5678'], email: 'zhangmin@example.cn', role: 'partner' });
  add({ name: '华东物流有限公司', kind: 'company', phones: ['400 820 8820'], wechat: 'hdwl_service', tags: ['物流', 'VIP'] });
});
afterAll(async () => t.close());

const names = (q: string) => t.must('customers.search', { q }).map((c) => c.name);

describe('search as you type', () => {
  it('finds a 2-character Chinese name by prefix', () => {
    expect(names('王伟')).toEqual(['王伟', '王伟华']);
    expect(names('张')).toEqual(['张敏']);
  });
  it('finds any part of a name of 3+ characters', () => expect(names('物流有限')).toEqual(['华东物流有限公司']));
  it('finds by pinyin initials', () => {
    expect(names('ww')).toEqual(['王伟', '王伟华']);
    expect(names('hdwl')).toEqual(['华东物流有限公司']);
  });
  it('finds any part of a phone, whatever the separators', () => {
    expect(names('1234')).toEqual(['王伟华']);
    expect(names('8000')).toEqual(['王伟']);
    expect(names('6234-5678')).toEqual(['张敏']);
  });
  it('finds e-mail, WeChat and tags', () => {
    expect(names('zhangmin@')).toEqual(['张敏']);
    expect(names('hdwl_s')).toEqual(['华东物流有限公司']);
  });
  it('is safe with FTS syntax in the query', () => {
    expect(names('"王伟" OR *')).toEqual([]);
    expect(names('NEAR(')).toEqual([]);
  });
});

describe('editing', () => {
  it('warns of a duplicate phone, ignoring separators, but not against the customer itself', () => {
    const dup = t.must('customers.duplicates', { phones: ['13800138000'] });
    expect(dup.map((c) => c.name)).toEqual(['王伟']);
    expect(t.must('customers.duplicates', { phones: ['13800138000'], excludeId: dup[0]!.id })).toEqual([]);
  });
  it('an edit re-indexes the customer for search', () => {
    const [c] = t.must('customers.search', { q: '张敏' });
    t.must('customers.update', { id: c!.id, customer: { ...CUSTOMER, name: '张敏慧', phones: ['021 6234 5678'] } });
    expect(names('张敏慧')).toEqual(['张敏慧']);
    expect(names('zmh')).toEqual(['张敏慧']);
  });
  it('refuses a malformed phone or e-mail with field errors', () => {
    const r = t.core.call('customers.create', { customer: { ...CUSTOMER, phones: ['call me'], email: 'not-an-email' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['customer.email', 'customer.phones.0']);
  });
  it('keeps the lunar birthday as entered', () => {
    const c = add({ name: '刘洋', birthday: { calendar: 'lunar', month: 8, day: 15 } });
    expect(t.must('customers.get', { id: c.id }).birthday).toEqual({ calendar: 'lunar', month: 8, day: 15 });
  });
});

describe('search over customers and tickets', () => {
  it('finds a ticket by its number, its subject, or its customer', () => {
    const [wang] = t.must('customers.search', { q: '王伟' });
    const ticket = t.must('tickets.create', { customer: { id: wang!.id }, typeCode: 'password_reset', channel: 'phone', priority: 'high', subject: '网银密码重置', description: '' });
    expect(t.must('search.all', { q: ticket.number }).tickets.map((x) => x.id)).toEqual([ticket.id]);
    expect(t.must('search.all', { q: '密码重置' }).tickets.map((x) => x.id)).toEqual([ticket.id]);
    expect(t.must('search.all', { q: '王伟' })).toMatchObject({ customers: [{ name: '王伟' }, { name: '王伟华' }], tickets: [{ id: ticket.id }] });
  });
});
