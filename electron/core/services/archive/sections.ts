// What a monthly archive holds: one declarative table of sections. Each is one sheet of
// tickets.xlsx, one CSV and one table of month.sqlite, written from the same rows in one pass.
// A section is its name, its sheet's names, its columns and two SQL statements (how many rows,
// the rows in a stable order) over named parameters every section may use:
//   @from, @to          the month's bounds (UTC ms)
//   @eventsLo/@eventsHi the month's segment of the ticket-event chain (seq, inclusive)
//   @auditLo/@auditHi   the month's segment of the audit chain
// and temp.month_tickets (the month's ticket ids). A table added later joins the archive by
// registering a section (registerArchiveSection, e.g. sections/callbacks.ts) from a module that
// archiveSections() loads, so the archive worker sees it too; sections whose table does not exist
// in this database are left out (and named so in bag-info).
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

/** A section as data: [key, 中文, English, kind] per column, and its two statements. */
export interface SqlSectionSpec {
  name: string;
  sheet: [zh: string, en: string];
  /** The table the section needs in the source database. */
  table: string;
  columns: readonly (readonly [key: string, zh: string, en: string, kind?: ColumnKind])[];
  countSql: string;
  rowsSql: string;
}

const hasTable = (name: string) => (db: Db) =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;

/** The named parameters every section's SQL may use. */
export function sectionParams(src: MonthSource): Record<string, number> {
  const { from, to, segments } = src;
  return { from, to, eventsLo: segments.ticket_events.lo, eventsHi: segments.ticket_events.hi, auditLo: segments.audit_log.lo, auditHi: segments.audit_log.hi };
}

export const columnsOf = (columns: SqlSectionSpec['columns']): ArchiveColumn[] => columns.map(([key, zh, en, kind]) => ({ key, zh, en, kind: kind ?? 'text' }));

export function sqlSection(spec: SqlSectionSpec): ArchiveSection {
  return {
    name: spec.name,
    sheet: { zh: spec.sheet[0], en: spec.sheet[1] },
    columns: columnsOf(spec.columns),
    available: hasTable(spec.table),
    count: (src) => src.db.prepare(spec.countSql).pluck().get(sectionParams(src)) as number,
    rows: (src) => src.db.prepare(spec.rowsSql).raw(true).iterate(sectionParams(src)) as Iterable<unknown[]>,
  };
}

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

const ticketsSection = sqlSection({
  name: 'tickets',
  sheet: ['工单', 'tickets'],
  table: 'tickets',
  columns: [
    ['number', '工单号', 'number'],
    ['created_at', '受理时间', 'created at', 'time'],
    ['customer', '客户', 'customer'],
    ['customer_id', '客户编号', 'customer id'],
    ['type_code', '业务类型', 'request type'],
    ['category', '类别', 'category'],
    ['tier', '客户等级', 'tier'],
    ['channel', '渠道', 'channel'],
    ['priority', '优先级', 'priority'],
    ['subject', '摘要', 'subject'],
    ['seat', '坐席', 'seat'],
    ['status_at_end', '月末状态', 'status at month end'],
    ['assignee', '处理人', 'assignee'],
    ['due_at', '截止时间', 'due at', 'time'],
    ['resolved_at', '处理完成', 'resolved at', 'time'],
    ['feedback_at', '反馈时间', 'feedback at', 'time'],
    ['closed_at', '关闭时间', 'closed at', 'time'],
    ['overtime_minutes', '超时分钟', 'overtime minutes', 'number'],
    ['id', '内部编号', 'id'],
  ],
  countSql: 'SELECT count(*) FROM temp.month_tickets',
  rowsSql: TICKET_AT_END,
});

const eventsSection = sqlSection({
  name: 'ticket_events',
  sheet: ['工单事件', 'events'],
  table: 'ticket_events',
  columns: [
    ['seq', '序号', 'seq', 'number'],
    ['id', '事件编号', 'event id'],
    ['ticket_id', '工单内部编号', 'ticket id'],
    ['number', '工单号', 'ticket number'],
    ['at', '时间', 'at', 'time'],
    ['actor_id', '操作人编号', 'actor id'],
    ['actor', '操作人', 'actor'],
    ['seat', '坐席', 'seat'],
    ['kind', '事件', 'kind'],
    ['before', '变更前', 'before', 'json'],
    ['after', '变更后', 'after', 'json'],
    ['prev_hash', '前一哈希', 'previous hash'],
    ['hash', '哈希', 'hash'],
  ],
  countSql: 'SELECT count(*) FROM ticket_events WHERE seq BETWEEN @eventsLo AND @eventsHi',
  rowsSql: `SELECT e.seq, e.id, e.ticket_id, t.number, e.at, e.actor_id, u.display_name, e.seat, e.kind, e.before, e.after, e.prev_hash, e.hash
            FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id LEFT JOIN users u ON u.id = e.actor_id
            WHERE e.seq BETWEEN @eventsLo AND @eventsHi ORDER BY e.seq`,
});

const customersSection = sqlSection({
  name: 'customers',
  sheet: ['涉及客户', 'customers referred to'],
  table: 'customers',
  columns: [
    ['id', '客户编号', 'customer id'],
    ['name', '名称', 'name'],
    ['kind', '类型', 'kind'],
    ['tier', '等级', 'tier'],
    ['role', '角色', 'role'],
    ['phones', '电话', 'phones', 'json'],
    ['email', '邮箱', 'e-mail'],
    ['wechat', '微信', 'WeChat'],
    ['contact', '对接人', 'contact person'],
  ],
  countSql: `SELECT count(DISTINCT t.customer_id) FROM temp.month_tickets m JOIN tickets t ON t.id = m.id`,
  rowsSql: `SELECT c.id, c.name, c.kind, c.tier, c.role, c.phones, c.email, c.wechat, u.display_name
            FROM customers c LEFT JOIN users u ON u.id = c.contact_user_id
            WHERE c.id IN (SELECT t.customer_id FROM temp.month_tickets m JOIN tickets t ON t.id = m.id)
            ORDER BY c.id`,
});

const complaintsSection = sqlSection({
  name: 'complaints',
  sheet: ['投诉', 'complaints'],
  table: 'tickets',
  columns: [
    ['number', '工单号', 'number'],
    ['created_at', '受理时间', 'created at', 'time'],
    ['customer', '客户', 'customer'],
    ['type_code', '业务类型', 'request type'],
    ['complaint_category', '投诉分类', 'complaint category'],
    ['cause', '原因', 'cause'],
    ['department', '责任部门', 'responsible department'],
    ['outcome', '处理结果', 'outcome'],
    ['feedback_at', '回复时间', 'replied at', 'time'],
    ['ticket_id', '内部编号', 'ticket id'],
  ],
  countSql: `SELECT count(*) FROM temp.month_tickets m JOIN tickets t ON t.id = m.id WHERE t.category = 'complaint'`,
  rowsSql: COMPLAINTS,
});

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

/** Per-agent deductions are computed (shared/sla/deductions.ts), not selected: the one section with code. */
const deductionsSection: ArchiveSection = {
  name: 'deductions',
  sheet: { zh: '坐席扣分', en: 'per-agent deductions' },
  columns: columnsOf([
    ['agent_id', '坐席编号', 'agent id'],
    ['agent', '坐席', 'agent'],
    ['overtime_lines', '超时次数', 'overtime lines', 'number'],
    ['error_lines', '过失次数', 'error lines', 'number'],
    ['deducted', '扣分', 'deducted', 'number'],
    ['credited', '抵消', 'credited', 'number'],
    ['total', '合计', 'total', 'number'],
  ]),
  available: hasTable('agent_errors'),
  count: (src) => monthDeductions(src).length,
  rows: (src) => monthDeductions(src).map((d) => [d.agentId, d.agent, d.overtimeLines, d.errorLines, d.deducted, d.credited, d.total]),
};

const auditSection = sqlSection({
  name: 'audit_log',
  sheet: ['审计日志', 'audit log'],
  table: 'audit_log',
  columns: [
    ['seq', '序号', 'seq', 'number'],
    ['id', '编号', 'id'],
    ['at', '时间', 'at', 'time'],
    ['actor_id', '操作人编号', 'actor id'],
    ['seat', '坐席', 'seat'],
    ['action', '操作', 'action'],
    ['subject', '对象', 'subject'],
    ['before', '变更前', 'before', 'json'],
    ['after', '变更后', 'after', 'json'],
    ['prev_hash', '前一哈希', 'previous hash'],
    ['hash', '哈希', 'hash'],
  ],
  countSql: 'SELECT count(*) FROM audit_log WHERE seq BETWEEN @auditLo AND @auditHi',
  rowsSql: `SELECT seq, id, at, actor_id, seat, action, subject, before, after, prev_hash, hash FROM audit_log
            WHERE seq BETWEEN @auditLo AND @auditHi ORDER BY seq`,
});

/** The sheet order: the built-in sections, then registered ones. */
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
