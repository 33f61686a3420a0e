// Callback rules (回访 / 关怀): what triggers a call, when it falls due, who may make it, what is
// asked. Every default below comes from the seeds (DOMAIN.md "Callbacks and reminders") and is
// editable by an admin: none of these numbers is a constant in code elsewhere.
import { z } from 'zod';
import { ASSET_DATE_FIELDS } from '../customers/assets';
import { REQUEST_CATEGORIES } from '../sla/schemas';
import { CUSTOMER_TIERS } from '../tickets/types';
import { FESTIVALS } from './festivals';

export const offsetSchema = z.strictObject({
  amount: z.number().int().min(-36).max(400),
  unit: z.enum(['hours', 'days', 'months']),
});
export type Offset = z.infer<typeof offsetSchema>;

export const triggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['ticket.closed', 'ticket.created']),
    typeCodes: z.array(z.string().max(48)).max(30),
    categories: z.array(z.enum(REQUEST_CATEGORIES)).max(10),
  }),
  z.strictObject({ kind: z.literal('asset.date'), field: z.enum(ASSET_DATE_FIELDS) }),
  z.strictObject({ kind: z.literal('birthday') }),
  // Festival greetings: to key accounts only (the seeds' practice) or to every customer.
  z.strictObject({
    kind: z.literal('festival'),
    festivals: z.array(z.enum(FESTIVALS)).min(1).max(5),
    audience: z.enum(['key', 'all']),
  }),
]);
/** Who a festival rule greets: 'key' is the key-account tier of CUSTOMER_TIERS. */
export const FESTIVAL_AUDIENCE_TIER: (typeof CUSTOMER_TIERS)[number] = 'key';
export type CallbackTrigger = z.infer<typeof triggerSchema>;

const localized = z.strictObject({ zh: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) });

export const callbackRuleSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'validation.callbacks.ruleCode'),
  names: localized,
  trigger: triggerSchema,
  /** One callback per offset: a series (policy visits at 0/1/4/7/10 months) has several. */
  offsets: z.array(offsetSchema).min(1).max(12),
  /** Days after the due day the call may still be made; past it the callback is overdue. */
  windowDays: z.number().int().min(0).max(60),
  /** Never the agent who served the customer (the 4S rule); optionally supervisors only. */
  caller: z.enum(['anyone_else', 'supervisor']),
  script: z.string().trim().max(2000, 'validation.tooLong'),
  questions: z.array(z.string().trim().min(1).max(80)).max(10),
  /** A score at or below this on any question makes the callback unsatisfied: a complaint opens. */
  unsatisfiedAtOrBelow: z.number().int().min(0).max(5),
  retry: z.strictObject({ maxAttempts: z.number().int().min(1).max(10), afterDays: z.number().int().min(0).max(14) }),
  active: z.boolean(),
});
export type CallbackRule = z.infer<typeof callbackRuleSchema>;

const d = (amount: number): Offset => ({ amount, unit: 'days' });
const m = (amount: number): Offset => ({ amount, unit: 'months' });
const retry = { maxAttempts: 3, afterDays: 1 };

export const DEFAULT_CALLBACK_RULES: CallbackRule[] = [
  {
    code: 'dc3_repair',
    names: { zh: '3DC 维修回访', en: '3DC repair callback' },
    trigger: { kind: 'ticket.closed', typeCodes: [], categories: ['after_sales'] },
    offsets: [d(3)],
    windowDays: 2,
    caller: 'anyone_else',
    script: '您好，我是客服中心回访专员，想了解您这次维修服务的感受，耽误您一分钟可以吗？',
    questions: ['服务态度', '维修质量', '完工及时性'],
    unsatisfiedAtOrBelow: 2,
    retry,
    active: true,
  },
  {
    code: 'dc7_delivery',
    names: { zh: '7DC 交车回访', en: '7DC delivery callback' },
    trigger: { kind: 'asset.date', field: 'vehicle.deliveryDate' },
    offsets: [d(7)],
    windowDays: 3,
    caller: 'anyone_else',
    script: '您好，感谢您选购，想了解新车使用和交车服务的感受。',
    questions: ['销售顾问服务', '交车讲解', '车辆状况'],
    unsatisfiedAtOrBelow: 2,
    retry,
    active: true,
  },
  {
    code: 'installation',
    names: { zh: '安装回访', en: 'Installation callback' },
    trigger: { kind: 'ticket.closed', typeCodes: ['installation'], categories: [] },
    offsets: [d(2)],
    windowDays: 1,
    caller: 'anyone_else',
    script: '您好，想了解安装后的使用情况。',
    questions: ['安装质量', '安装人员服务'],
    unsatisfiedAtOrBelow: 2,
    retry,
    active: true,
  },
  {
    code: 'birthday',
    names: { zh: '生日关怀', en: 'Birthday greeting' },
    trigger: { kind: 'birthday' },
    offsets: [d(-7)],
    windowDays: 5,
    caller: 'anyone_else',
    script: '您好，生日将至，客服中心祝您生日快乐！',
    questions: [],
    unsatisfiedAtOrBelow: 0,
    retry,
    active: true,
  },
  ...(
    [
      ['maintenance', '保养提醒', 'Maintenance reminder', 'vehicle.nextMaintenance'],
      ['inspection', '年检提醒', 'Annual inspection reminder', 'vehicle.inspectionDate'],
      ['insurance_renewal', '车险续保提醒', 'Insurance renewal reminder', 'vehicle.insuranceRenewal'],
    ] as const
  ).map(([code, zh, en, field]): CallbackRule => ({
    code,
    names: { zh, en },
    trigger: { kind: 'asset.date', field },
    offsets: [d(-7)],
    windowDays: 7,
    caller: 'anyone_else',
    script: '您好，提醒您一周后到期，需要为您预约吗？',
    questions: [],
    unsatisfiedAtOrBelow: 0,
    retry,
    active: true,
  })),
  {
    code: 'policy_visit',
    names: { zh: '保单回访', en: 'Policy visit' },
    trigger: { kind: 'asset.date', field: 'policy.signDate' },
    offsets: [m(0), m(1), m(4), m(7), m(10)],
    windowDays: 7,
    caller: 'anyone_else',
    script: '您好，对保单服务有什么疑问吗？',
    questions: ['保单讲解', '服务满意度'],
    unsatisfiedAtOrBelow: 2,
    retry,
    active: true,
  },
  {
    code: 'premium_renewal',
    names: { zh: '续期缴费提醒', en: 'Premium renewal reminder' },
    trigger: { kind: 'asset.date', field: 'policy.premiumDue' },
    offsets: [m(-3), m(-2), m(-1)],
    windowDays: 14,
    caller: 'anyone_else',
    script: '您好，您的保单续期保费即将到期，提醒您按时缴费。',
    questions: [],
    unsatisfiedAtOrBelow: 0,
    retry,
    active: true,
  },
  {
    code: 'policy_lapse',
    names: { zh: '保单失效通知', en: 'Policy lapse notice' },
    trigger: { kind: 'asset.date', field: 'policy.lapsedDate' },
    offsets: [d(0)],
    windowDays: 30,
    caller: 'supervisor',
    script: '您好，您的保单已失效，请在一个月内签字确认或办理复效。',
    questions: [],
    unsatisfiedAtOrBelow: 0,
    retry,
    active: true,
  },
  {
    code: 'after_sales_reply',
    names: { zh: '售后 24 小时答复', en: 'After-sales 24 h reply' },
    trigger: { kind: 'ticket.created', typeCodes: [], categories: ['after_sales'] },
    offsets: [{ amount: 24, unit: 'hours' }],
    windowDays: 0,
    caller: 'anyone_else',
    script: '您好，关于您的售后请求，我们的处理进展是……',
    questions: [],
    unsatisfiedAtOrBelow: 0,
    retry,
    active: true,
  },
];

/**
 * Seeded by migration 013 (not part of DEFAULT_CALLBACK_RULES, which is migration 009's seed):
 * a greeting to key accounts the (working) day before each of the five festivals.
 */
export const FESTIVAL_GREETING_RULE: CallbackRule = {
  code: 'festival_greeting',
  names: { zh: '节日问候', en: 'Festival greeting' },
  trigger: { kind: 'festival', festivals: ['newYear', 'springFestival', 'labourDay', 'midAutumn', 'nationalDay'], audience: 'key' },
  offsets: [d(-1)],
  windowDays: 1,
  caller: 'anyone_else',
  script: '您好，节日将至，客服中心祝您和家人节日快乐，万事如意！',
  questions: [],
  unsatisfiedAtOrBelow: 0,
  retry,
  active: true,
};

export const CALL_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'refused'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** `cancelled`: no longer wanted before anyone called (kept, not deleted: callbacks replicate, migration 014). */
export const CALLBACK_STATUSES = ['pending', 'done', 'unreachable', 'refused', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
