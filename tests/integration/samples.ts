// One valid input per method of the contract. Typed as a total map, so adding a method without a
// sample here is a compile error, and the validation and role tests cover it automatically.
import type { MethodInput, MethodName } from '../../shared/contract';
import { DEFAULT_CATALOGUE, DEFAULT_DEDUCTION_RULES, KEY_ACCOUNT_CALENDAR } from '../../shared/sla';

export const ZERO_ID = '00000000-0000-7000-8000-000000000000';

export const CUSTOMER = {
  kind: 'person' as const,
  name: '王伟',
  tier: 'key' as const,
  role: 'end_customer' as const,
  phones: ['138 0013 8000'],
  email: null,
  wechat: null,
  birthday: null,
  contactUserId: null,
  tags: [],
  notes: '',
};

/** Port 1 on the loopback: refused at once, so a sample connect never waits on a network. */
export const HUB_CONNECTION = { host: '127.0.0.1', port: 1, database: 'kefu', user: 'kefu', password: 'hub-pass-1', tls: false };

export const validSamples: { [M in MethodName]: MethodInput<M> } = {
  'app.status': {},
  'setup.init': {
    centreName: '示范客服中心',
    timeZone: 'Asia/Shanghai',
    seatCode: 'B2',
    admin: { name: 'boss', displayName: '老板', password: 'password-1' },
  },
  'auth.signIn': { name: 'admin', password: 'admin-pass-1' },
  'auth.signOut': {},
  'prefs.setLanguage': { language: 'en' },
  'me.changePassword': { current: 'admin-pass-1', next: 'admin-pass-2' },
  'centre.get': {},
  'centre.update': { centreName: '新名称', timeZone: 'Asia/Shanghai', seatCode: 'A1' },
  'users.list': {},
  'users.create': { name: 'liuyang', displayName: '刘洋', role: 'agent', password: 'password-1' },
  'users.update': { id: ZERO_ID, displayName: '改名' },
  'users.resetPassword': { id: ZERO_ID, password: 'password-2' },
  'audit.list': { limit: 10 },
  'db.check': {},
  'catalogue.list': {},
  'catalogue.save': { type: { ...DEFAULT_CATALOGUE[0]!, names: { zh: '常规开户（改）', en: 'Account opening (edited)' } }, isNew: false },
  'calendars.list': {},
  'calendars.save': { calendar: { ...KEY_ACCOUNT_CALENDAR, names: { zh: '专线', en: 'Line' } } },
  'calendars.previewImport': { calendarId: 'cn-mainland', fileName: '2027.json', content: '{"holidays":{},"workdays":{}}' },
  'calendars.applyImport': { calendarId: 'cn-mainland', fileName: '2027.json', content: '{"holidays":{},"workdays":{}}' },
  'deductions.rules': {},
  'deductions.saveRules': { rules: DEFAULT_DEDUCTION_RULES },
  'staff.directory': {},
  'departments.list': {},
  'departments.save': { department: { id: 'legal', names: { zh: '法务部', en: 'Legal' }, active: true } },
  'customers.search': { q: '王伟' },
  'customers.get': { id: ZERO_ID },
  'customers.create': { customer: CUSTOMER },
  'customers.update': { id: ZERO_ID, customer: CUSTOMER },
  'customers.duplicates': { phones: ['138 0013 8000'] },
  'tickets.create': { customer: { new: CUSTOMER }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: '重置密码', description: '' },
  'tickets.queue': {},
  'tickets.get': { id: ZERO_ID },
  'tickets.act': { id: ZERO_ID, action: 'accept' },
  'tickets.transfer': { id: ZERO_ID, to: { departmentId: 'tech' }, reason: '需要技术支持' },
  'tickets.note': { id: ZERO_ID, text: '已致电客户' },
  'tickets.updateComplaint': { id: ZERO_ID, complaint: { category: '服务态度', cause: '', responsibleDepartmentId: null, outcome: '' } },
  'tickets.recordError': { id: ZERO_ID, reason: '未按时反馈' },
  'search.all': { q: '王伟' },
  'board.snapshot': { urgentLimit: 24 },
  'me.notificationPrefs': {},
  'me.catchUp': {},
  'me.saveNotificationPrefs': { sound: false, quietWarnings: true },
  'hub.status': {},
  'hub.test': { connection: HUB_CONNECTION },
  'hub.testJoin': { connection: HUB_CONNECTION },
  'hub.connect': { connection: HUB_CONNECTION },
  'hub.join': { connection: HUB_CONNECTION, seatCode: 'B2' },
  'hub.conflicts': {},
  'customers.merge': { keepId: ZERO_ID, mergeId: '00000000-0000-7000-8000-000000000001' },
  'sla.preview': { typeCode: 'password_reset', tier: 'key', at: Date.parse('2026-03-03T10:00:00+08:00') },
};
