// Every statistics figure, defined ONCE: its id, its name and its definition in both languages
// (the definition is what the screens show on hover and what the reports print under a table).
// The core computes exactly what the definition says (electron/core/services/stats*.ts); the
// integration test recomputes each figure from this text with a plain loop.

export type FigureUnit = 'count' | 'percent' | 'minutes';
/** Which tickets a figure counts: received in the period, completed in it, or open at its end. */
export type FigureCohort = 'created' | 'completed' | 'backlog';

export interface FigureDefinition {
  id: FigureId;
  unit: FigureUnit;
  cohort: FigureCohort;
  /** True when a higher value is better (for the colour of the change against the previous period). */
  higherIsBetter: boolean | null;
  name: { zh: string; en: string };
  definition: { zh: string; en: string };
}

export const FIGURE_IDS = [
  'created',
  'completed',
  'backlog',
  'compliance',
  'breaches',
  'firstResponse',
  'handling',
  'resolution',
  'fcr',
  'reopenRate',
  'complaints',
  'complaintReply',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export const FIGURES: Record<FigureId, FigureDefinition> = {
  created: {
    id: 'created',
    unit: 'count',
    cohort: 'created',
    higherIsBetter: null,
    name: { zh: '受理量', en: 'Received' },
    definition: {
      zh: '本期受理（登记）的工单数，按受理时间计。',
      en: 'Tickets received (registered at intake) in the period, by intake time.',
    },
  },
  completed: {
    id: 'completed',
    unit: 'count',
    cohort: 'completed',
    higherIsBetter: true,
    name: { zh: '办结量', en: 'Completed' },
    definition: {
      zh: '本期已向客户反馈的工单数（反馈即办结标准），按最近一次反馈时间计；重开后尚未再次反馈的不计。',
      en: 'Tickets whose feedback reached the customer in the period (feedback is the completion standard), by the latest feedback; a reopened ticket counts again only once feedback is given again.',
    },
  },
  backlog: {
    id: 'backlog',
    unit: 'count',
    cohort: 'backlog',
    higherIsBetter: false,
    name: { zh: '积压量', en: 'Backlog' },
    definition: {
      zh: '期末仍未反馈的工单数：期末之前受理，且在期末之前没有反馈（以当前状态计）。',
      en: 'Tickets open at the end of the period: received before the end and not given feedback before it (as they stand now).',
    },
  },
  compliance: {
    id: 'compliance',
    unit: 'percent',
    cohort: 'completed',
    higherIsBetter: true,
    name: { zh: 'SLA 达标率', en: 'SLA compliance' },
    definition: {
      zh: '本期办结的工单中，在到期时间之前（含到期时刻）反馈的比例；等待客户的暂停时间不计入时限。',
      en: 'Share of the tickets completed in the period whose feedback came at or before their due time; time paused waiting on the customer does not count against the target.',
    },
  },
  breaches: {
    id: 'breaches',
    unit: 'count',
    cohort: 'completed',
    higherIsBetter: false,
    name: { zh: '超时量', en: 'Breaches' },
    definition: {
      zh: '本期办结的工单中，反馈晚于到期时间的工单数（暂停时间不计）。',
      en: 'Tickets completed in the period whose feedback came after their due time (pauses excluded).',
    },
  },
  firstResponse: {
    id: 'firstResponse',
    unit: 'minutes',
    cohort: 'created',
    higherIsBetter: false,
    name: { zh: '首次响应时长', en: 'First response' },
    definition: {
      zh: '本期受理并已被接单的工单，从受理到首次接单的平均分钟数（自然时间）。',
      en: 'Average minutes from intake to the first accept, over the tickets received in the period that have been accepted (elapsed time).',
    },
  },
  handling: {
    id: 'handling',
    unit: 'minutes',
    cohort: 'completed',
    higherIsBetter: false,
    name: { zh: '处理时长', en: 'Handling time' },
    definition: {
      zh: '本期办结的工单，从首次接单到反馈的平均工作分钟数（按工单的工作日历，暂停不计）。',
      en: "Average working minutes from the first accept to feedback, over the tickets completed in the period (on the ticket's working calendar, pauses excluded).",
    },
  },
  resolution: {
    id: 'resolution',
    unit: 'minutes',
    cohort: 'completed',
    higherIsBetter: false,
    name: { zh: '解决时长', en: 'Resolution time' },
    definition: {
      zh: '本期办结的工单，从受理到反馈在其 SLA 时钟上的平均分钟数（工作时间目标按工作分钟，暂停不计）。',
      en: "Average minutes from intake to feedback on the ticket's SLA clock (working minutes for working-time targets), pauses excluded, over the tickets completed in the period.",
    },
  },
  fcr: {
    id: 'fcr',
    unit: 'percent',
    cohort: 'completed',
    higherIsBetter: true,
    name: { zh: '一次解决率', en: 'First-contact resolution' },
    definition: {
      zh: '本期办结的工单中，既未重开、接单后也未转派（转给他人或转部门）的比例；受理后派给坐席不算转派。',
      en: 'Share of the tickets completed in the period that were never reopened and never transferred (to another agent or a department) after being accepted; dispatching a new ticket to an agent is not a transfer.',
    },
  },
  reopenRate: {
    id: 'reopenRate',
    unit: 'percent',
    cohort: 'completed',
    higherIsBetter: false,
    name: { zh: '重开率', en: 'Reopen rate' },
    definition: {
      zh: '本期办结的工单中，至少重开过一次的比例。',
      en: 'Share of the tickets completed in the period that were reopened at least once.',
    },
  },
  complaints: {
    id: 'complaints',
    unit: 'count',
    cohort: 'created',
    higherIsBetter: false,
    name: { zh: '投诉量', en: 'Complaints' },
    definition: {
      zh: '本期受理的投诉类工单数，按投诉分类和责任部门分组（未填写的归入“未分类”）。',
      en: 'Complaint tickets received in the period, grouped by complaint category and responsible department ("unclassified" where not filled in).',
    },
  },
  complaintReply: {
    id: 'complaintReply',
    unit: 'minutes',
    cohort: 'created',
    higherIsBetter: false,
    name: { zh: '投诉回复时长', en: 'Complaint reply time' },
    definition: {
      zh: '本期受理且已反馈的投诉，从受理到反馈在其 SLA 时钟上的平均分钟数（暂停不计）。',
      en: "Average minutes from intake to feedback on the ticket's SLA clock (pauses excluded), over the complaints received in the period that have been answered.",
    },
  },
};

/** The hour × weekday arrival pattern is a distribution, not a single figure; its text lives here too. */
export const ARRIVALS_DEFINITION = {
  name: { zh: '来单时段分布', en: 'Arrivals by hour and weekday' },
  definition: {
    zh: '本期受理的工单按受理时刻（中心时区）的星期和小时计数，用于排班。',
    en: "Tickets received in the period counted by the weekday and hour of intake (centre's time zone), for staffing.",
  },
};

export const figureDefinition = (id: FigureId): FigureDefinition => FIGURES[id];
