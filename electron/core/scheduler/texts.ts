// Words of the OS notifications, which the main process shows itself (the renderer translates
// its own toasts). The seat's UI language decides.
import type { Language } from '../../../shared/validation';

const texts = {
  'zh-CN': {
    warning: (n: string) => `即将超时：${n}`,
    breach: (n: string) => `已超时：${n}`,
    body: (customer: string, due: string) => `${customer} · 截止 ${due}`,
    caughtUp: (breached: number, atRisk: number) =>
      breached > 0 ? `客服台关闭期间有 ${breached} 张工单超时` : `客服台关闭期间有 ${atRisk} 张工单进入预警`,
    summary: (breached: number, atRisk: number) => `${breached} 张工单已超时，${atRisk} 张即将超时`,
    summaryBody: '打开工单队列查看。',
    callbacks: (n: number) => `${n} 个回访到期`,
    callbackBody: (customer: string, rule: string) => `${customer} · ${rule}`,
  },
  en: {
    warning: (n: string) => `At risk: ${n}`,
    breach: (n: string) => `Breached: ${n}`,
    body: (customer: string, due: string) => `${customer} · due ${due}`,
    caughtUp: (breached: number, atRisk: number) =>
      breached > 0
        ? `${breached} ticket${breached === 1 ? '' : 's'} breached while Kefu Desk was closed`
        : `${atRisk} ticket${atRisk === 1 ? '' : 's'} reached the warning point while Kefu Desk was closed`,
    summary: (breached: number, atRisk: number) => `${breached} breached, ${atRisk} at risk`,
    summaryBody: 'Open the queue to see them.',
    callbacks: (n: number) => `${n} callback${n === 1 ? '' : 's'} due`,
    callbackBody: (customer: string, rule: string) => `${customer} · ${rule}`,
  },
} satisfies Record<Language, unknown>;

export const notificationTexts = (language: Language) => texts[language];
