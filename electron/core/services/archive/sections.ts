// What a monthly archive holds: a list of declared sections. Each is one sheet of tickets.xlsx,
// one CSV and one table of month.sqlite, written from the same rows in one pass. A table added
// later (callbacks) joins the archive by adding a section with registerArchiveSection; sections
// whose table does not exist in this database are left out (and named so in bag-info).
//
// Every section reads the month "as it stood at the month's end": times after the month are
// blanked and the status and assignee come from the last event before the end, so regenerating a
// closed month gives the same rows even after its tickets moved on.
import { computeDeductions, DEFAULT_DEDUCTION_RULES } from '../../../../shared/sla';
import type { Db } from '../../db/open';
import { getSetting } from '../settings';

export type ColumnKind = 'text' | 'number' | 'time' | 'json';

export interface ArchiveColumn {
  key: string;
  zh: string;
  en: string;
  kind: ColumnKind;
}

export interface MonthSource {
  /** A read-only connection holding one read transaction: one consistent snapshot. */
  db: Db;
  /** "YYYY-MM" */
  month: string;
  from: number;
  to: number;
  timeZone: string;
  /** The month's contiguous segment of each hash chain, by seq (inclusive; empty when lo > hi). */
  segments: Record<'ticket_events' | 'audit_log', { lo: number; hi: number }>;
}

export interface ArchiveSection {
  /** File and table name: data/<name>.csv, table <name> in month.sqlite. */
  name: string;
  sheet: { zh: string; en: string };
  columns: ArchiveColumn[];
  /** Whether this database has the section's table (a later migration may add it). */
  available(db: Db): boolean;
  count(src: MonthSource): number;
  /** The rows in a stable order, raw values matching `columns` (times as epoch ms). */
  rows(src: MonthSource): Iterable<unknown[]>;
}

const col = (key: string, zh: string, en: string, kind: ColumnKind = 'text'): ArchiveColumn => ({ key, zh, en, kind });
const hasTable = (name: string) => (db: Db) =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;

/**
 * The month's tickets: opened in the month, or changed in it (an event in its chain segment).
 * Filled once per run into a temp table, so every section joins the same set.
 */
export function prepareMonthTickets(src: MonthSource): void {
  const { db, from, to, segments } = src;
  db.exec('DROP TABLE IF EXISTS temp.month_tickets');
  db.exec('CREATE TEMP TABLE month_tickets (id TEXT PRIMARY KEY) WITHOUT ROWID');
  db.prepare('INSERT OR IGNORE INTO temp.month_tickets (id) SELECT id FROM tickets WHERE created_at >= ? AND created_at < ?').run(from, to);
  db.prepare('INSERT OR IGNORE INTO temp.month_tickets (id) SELECT ticket_id FROM ticket_events WHERE seq BETWEEN ? AND ?').run(
    segments.ticket_events.lo,
    segments.ticket_events.hi,
  );
}

/** A ticket as it stood at the month's end (the status and assignee of the last event before it). */
const TICKET_AT_END = `
  SELECT t.number, t.created_at, c.name AS customer, t.customer_id, t.type_code, t.category, t.tier, t.channel, t.priority,
         t.subject, t.seat,
         -- Every change bumps updated_at: a ticket untouched since the month's end stands as it is.
         CASE WHEN t.updated_at < @to THEN t.status ELSE
           coalesce((SELECT json_extract(e.after, '$.status') FROM ticket_events e
                     WHERE e.ticket_id = t.id AND e.at < @to AND json_extract(e.after, '$.status') IS NOT NULL
                     ORDER BY e.seq DESC LIMIT 1), t.status) END AS status_at_end,
         CASE WHEN t.updated_at < @to THEN (SELECT u.display_name FROM users u WHERE u.id = t.assignee_id) ELSE
           (SELECT u.display_name FROM ticket_events e LEFT JOIN users u ON u.id = json_extract(e.after, '$.assigneeId')
            WHERE e.ticket_id = t.id AND e.at < @to AND json_type(e.after, '$.assigneeId') IS NOT NULL
            ORDER BY e.seq DESC LIMIT 1) END AS assignee,
         t.due_at,
         CASE WHEN t.resolved_at < @to THEN t.resolved_at END AS resolved_at,
         CASE WHEN t.feedback_at < @to THEN t.feedback_at END AS feedback_at,
         CASE WHEN t.closed_at < @to THEN t.closed_at END AS closed_at,
         CASE WHEN t.feedback_at < @to THEN t.overtime_minutes END AS overtime_minutes,
         t.id
  FROM temp.month_tickets m JOIN tickets t ON t.id = m.id JOIN customers c ON c.id = t.customer_id
  ORDER BY t.created_at, t.number`;

const ticketsSection: ArchiveSection = {
  name: 'tickets',
  sheet: { zh: '工单', en: 'tickets' },
  columns: [
    col('number', '工单号', 'number'),
    col('created_at', '受理时间', 'created at', 'time'),
    col('customer', '客户', 'customer'),
    col('customer_id', '客户编号', 'customer id'),
    col('type_code', '业务类型', 'request type'),
    col('category', '类别', 'category'),
    col('tier', '客户等级', 'tier'),
    col('channel', '渠道', 'channel'),
    col('priority', '优先级', 'priority'),
    col('subject', '摘要', 'subject'),
    col('seat', '坐席', 'seat'),
    col('status_at_end', '月末状态', 'status at month end'),
    col('assignee', '处理人', 'assignee'),
    col('due_at', '截止时间', 'due at', 'time'),
    col('resolved_at', '处理完成', 'resolved at', 'time'),
    col('feedback_at', '反馈时间', 'feedback at', 'time'),
    col('closed_at', '关闭时间', 'closed at', 'time'),
    col('overtime_minutes', '超时分钟', 'overtime minutes', 'number'),
    col('id', '内部编号', 'id'),
  ],
  available: hasTable('tickets'),
  count: ({ db }) => db.prepare('SELECT count(*) FROM temp.month_tickets').pluck().get() as number,
  rows: ({ db, to }) => db.prepare(TICKET_AT_END).raw(true).iterate({ to }) as Iterable<unknown[]>,
};

const eventsSection: ArchiveSection = {
  name: 'ticket_events',
  sheet: { zh: '工单事件', en: 'events' },
  columns: [
    col('seq', '序号', 'seq', 'number'),
    col('id', '事件编号', 'event id'),
    col('ticket_id', '工单内部编号', 'ticket id'),
    col('number', '工单号', 'ticket number'),
    col('at', '时间', 'at', 'time'),
    col('actor_id', '操作人编号', 'actor id'),
    col('actor', '操作人', 'actor'),
    col('seat', '坐席', 'seat'),
    col('kind', '事件', 'kind'),
    col('before', '变更前', 'before', 'json'),
    col('after', '变更后', 'after', 'json'),
    col('prev_hash', '前一哈希', 'previous hash'),
    col('hash', '哈希', 'hash'),
  ],
  available: hasTable('ticket_events'),
  count: ({ db, segments: { ticket_events: s } }) =>
    db.prepare('SELECT count(*) FROM ticket_events WHERE seq BETWEEN ? AND ?').pluck().get(s.lo, s.hi) as number,
  rows: ({ db, segments: { ticket_events: s } }) =>
    db
      .prepare(
        `SELECT e.seq, e.id, e.ticket_id, t.number, e.at, e.actor_id, u.display_name, e.seat, e.kind, e.before, e.after, e.prev_hash, e.hash
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.seq BETWEEN ? AND ? ORDER BY e.seq`,
      )
      .raw(true)
      .iterate(s.lo, s.hi) as Iterable<unknown[]>,
};

const customersSection: ArchiveSection = {
  name: 'customers',
  sheet: { zh: '涉及客户', en: 'customers referred to' },
  columns: [
    col('id', '客户编号', 'customer id'),
    col('name', '名称', 'name'),
    col('kind', '类型', 'kind'),
    col('tier', '等级', 'tier'),
    col('role', '角色', 'role'),
    col('phones', '电话', 'phones', 'json'),
    col('email', '邮箱', 'e-mail'),
    col('wechat', '微信', 'WeChat'),
    col('contact', '对接人', 'contact person'),
  ],
  available: hasTable('customers'),
  count: ({ db }) =>
    db.prepare('SELECT count(DISTINCT t.customer_id) FROM temp.month_tickets m JOIN tickets t ON t.id = m.id').pluck().get() as number,
  rows: ({ db }) =>
    db
      .prepare(
        `SELECT c.id, c.name, c.kind, c.tier, c.role, c.phones, c.email, c.wechat, u.display_name
         FROM customers c LEFT JOIN users u ON u.id = c.contact_user_id
         WHERE c.id IN (SELECT t.customer_id FROM temp.month_tickets m JOIN tickets t ON t.id = m.id)
         ORDER BY c.id`,
      )
      .raw(true)
      .iterate() as Iterable<unknown[]>,
};

/** Complaints: the month's complaint tickets with their handling as recorded by the month's end. */
const COMPLAINTS = `
  SELECT t.number, t.created_at, c.name, t.type_code,
         json_extract(x.complaint, '$.category'), json_extract(x.complaint, '$.cause'),
         json_extract(x.complaint, '$.responsibleDepartmentId'), json_extract(x.complaint, '$.outcome'),
         CASE WHEN t.feedback_at < @to THEN t.feedback_at END, t.id
  FROM temp.month_tickets m JOIN tickets t ON t.id = m.id JOIN customers c ON c.id = t.customer_id
  LEFT JOIN (SELECT e.ticket_id, json_extract(e.after, '$.complaint') AS complaint, max(e.seq)
             FROM ticket_events e JOIN temp.month_tickets mm ON mm.id = e.ticket_id
             WHERE e.kind = 'complaint' AND e.at < @to GROUP BY e.ticket_id) x ON x.ticket_id = t.id
  WHERE t.category = 'complaint'
  ORDER BY t.created_at, t.number`;

const complaintsSection: ArchiveSection = {
  name: 'complaints',
  sheet: { zh: '投诉', en: 'complaints' },
  columns: [
    col('number', '工单号', 'number'),
    col('created_at', '受理时间', 'created at', 'time'),
    col('customer', '客户', 'customer'),
    col('type_code', '业务类型', 'request type'),
    col('complaint_category', '投诉分类', 'complaint category'),
    col('cause', '原因', 'cause'),
    col('department', '责任部门', 'responsible department'),
    col('outcome', '处理结果', 'outcome'),
    col('feedback_at', '回复时间', 'replied at', 'time'),
    col('ticket_id', '内部编号', 'ticket id'),
  ],
  available: hasTable('tickets'),
  count: ({ db }) =>
    db.prepare(`SELECT count(*) FROM temp.month_tickets m JOIN tickets t ON t.id = m.id WHERE t.category = 'complaint'`).pluck().get() as number,
  rows: ({ db, to }) => db.prepare(COMPLAINTS).raw(true).iterate({ to }) as Iterable<unknown[]>,
};

export interface AgentDeduction {
  agentId: string;
  agent: string;
  overtimeLines: number;
  errorLines: number;
  deducted: number;
  credited: number;
  total: number;
}

const deductionsMemo = new WeakMap<object, AgentDeduction[]>();

/**
 * Per-agent deductions of the month (shared/sla/deductions.ts), from overtime at feedback and
 * recorded errors. One range scan each (feedback_at is indexed), computed once per snapshot.
 */
export function monthDeductions(src: Pick<MonthSource, 'db' | 'from' | 'to'>): AgentDeduction[] {
  const memo = deductionsMemo.get(src);
  if (memo) return memo;
  const { db, from, to } = src;
  const rules = getSetting(db, 'deductions.rules') ?? DEFAULT_DEDUCTION_RULES;
  const agents = db.prepare(`SELECT id, display_name FROM users ORDER BY display_name, id`).all() as { id: string; display_name: string }[];
  const late = db
    .prepare(
      `SELECT assignee_id AS agentId, id AS ticketId, due_at AS due, feedback_at AS feedbackAt, overtime_minutes AS overtimeMinutes FROM tickets
       WHERE feedback_at >= ? AND feedback_at < ? AND overtime_minutes > 0 AND assignee_id IS NOT NULL ORDER BY feedback_at, id`,
    )
    .all(from, to) as { agentId: string; ticketId: string; due: number; feedbackAt: number; overtimeMinutes: number }[];
  const errors = db
    .prepare(`SELECT agent_id AS agentId, id, at, reason, ticket_id AS ticketId FROM agent_errors WHERE at >= ? AND at < ? ORDER BY at, id`)
    .all(from, to) as { agentId: string; id: string; at: number; reason: string; ticketId: string | null }[];
  const out: AgentDeduction[] = [];
  for (const a of agents) {
    const tickets = late.filter((t) => t.agentId === a.id);
    const errs = errors
      .filter((e) => e.agentId === a.id)
      .map((e) => ({ id: e.id, at: e.at, reason: e.reason, ...(e.ticketId ? { ticketId: e.ticketId } : {}) }));
    if (tickets.length === 0 && errs.length === 0) continue;
    const report = computeDeductions({ tickets, errors: errs, credits: [] }, rules, { from, to });
    out.push({
      agentId: a.id,
      agent: a.display_name,
      overtimeLines: report.lines.filter((l) => l.kind === 'overtime').length,
      errorLines: report.lines.filter((l) => l.kind === 'error').length,
      deducted: report.deducted,
      credited: report.credited,
      total: report.total,
    });
  }
  deductionsMemo.set(src, out);
  return out;
}

const deductionsSection: ArchiveSection = {
  name: 'deductions',
  sheet: { zh: '坐席扣分', en: 'per-agent deductions' },
  columns: [
    col('agent_id', '坐席编号', 'agent id'),
    col('agent', '坐席', 'agent'),
    col('overtime_lines', '超时次数', 'overtime lines', 'number'),
    col('error_lines', '过失次数', 'error lines', 'number'),
    col('deducted', '扣分', 'deducted', 'number'),
    col('credited', '抵消', 'credited', 'number'),
    col('total', '合计', 'total', 'number'),
  ],
  available: hasTable('agent_errors'),
  count: (src) => monthDeductions(src).length,
  rows: (src) => monthDeductions(src).map((d) => [d.agentId, d.agent, d.overtimeLines, d.errorLines, d.deducted, d.credited, d.total]),
};

const auditSection: ArchiveSection = {
  name: 'audit_log',
  sheet: { zh: '审计日志', en: 'audit log' },
  columns: [
    col('seq', '序号', 'seq', 'number'),
    col('id', '编号', 'id'),
    col('at', '时间', 'at', 'time'),
    col('actor_id', '操作人编号', 'actor id'),
    col('seat', '坐席', 'seat'),
    col('action', '操作', 'action'),
    col('subject', '对象', 'subject'),
    col('before', '变更前', 'before', 'json'),
    col('after', '变更后', 'after', 'json'),
    col('prev_hash', '前一哈希', 'previous hash'),
    col('hash', '哈希', 'hash'),
  ],
  available: hasTable('audit_log'),
  count: ({ db, segments: { audit_log: s } }) => db.prepare('SELECT count(*) FROM audit_log WHERE seq BETWEEN ? AND ?').pluck().get(s.lo, s.hi) as number,
  rows: ({ db, segments: { audit_log: s } }) =>
    db
      .prepare('SELECT seq, id, at, actor_id, seat, action, subject, before, after, prev_hash, hash FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq')
      .raw(true)
      .iterate(s.lo, s.hi) as Iterable<unknown[]>,
};

const sections: ArchiveSection[] = [ticketsSection, eventsSection, customersSection, complaintsSection, deductionsSection, auditSection];

/** The archive's sections, in sheet order. */
export function archiveSections(): readonly ArchiveSection[] {
  return sections;
}

/**
 * Adds a section (e.g. callbacks, once its table exists), after the built-in ones. Its name must
 * be new: a table name in month.sqlite and a CSV file name.
 */
export function registerArchiveSection(section: ArchiveSection): void {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(section.name)) throw new Error(`Archive section name ${section.name} is not a plain table name.`);
  if (sections.some((s) => s.name === section.name)) throw new Error(`Archive section ${section.name} is already registered.`);
  sections.push(section);
}
