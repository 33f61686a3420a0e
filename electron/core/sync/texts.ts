// Words of the OS notification telling an agent that another seat took a ticket first.
import type { Language } from '../../../shared/validation';

const texts = {
  'zh-CN': {
    lostTitle: (n: string) => `工单 ${n} 已被其他坐席先受理`,
    lostBody: (seat: string) => `坐席 ${seat} 在您之前受理了该工单，您的操作未生效，工单历史中保留了两次操作。`,
  },
  en: {
    lostTitle: (n: string) => `Ticket ${n} was taken at another seat first`,
    lostBody: (seat: string) => `Seat ${seat} acted on it before you; your action did not take effect. The ticket's history shows both.`,
  },
} satisfies Record<Language, unknown>;

export const syncTexts = (language: Language) => texts[language];
