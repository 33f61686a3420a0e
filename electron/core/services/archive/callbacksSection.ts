// The month's callbacks (回访, issue 11's callbacks and callback_attempts) as an archive section,
// registered like any table added after the archive: one row per call attempt made in the month
// (outcome, scores, notes), and one row with empty attempt columns for a callback due in the month
// that nobody had tried by the month's end. Loaded by create.ts, so the archive worker has it too.
import { registerArchiveSection, sqlSection } from './sections';

const CALLBACK = `cb.id, r.code, c.name, cb.customer_id, t.number, cb.due_day, cb.due_at`;
const FROM = `FROM callbacks cb JOIN callback_rules r ON r.id = cb.rule_id JOIN customers c ON c.id = cb.customer_id
              LEFT JOIN tickets t ON t.id = cb.origin_ticket_id`;
// A callback cancelled after the month's end was still owed in the month: listed, so that the
// month's archive regenerated later is the same file.
const UNTRIED = `cb.due_at >= @from AND cb.due_at < @to AND (cb.cancelled_at IS NULL OR cb.cancelled_at >= @to)
                 AND NOT EXISTS (SELECT 1 FROM callback_attempts x WHERE x.callback_id = cb.id AND x.at < @to)`;

export const callbacksSection = sqlSection({
  name: 'callbacks',
  sheet: ['回访', 'callbacks'],
  table: 'callback_attempts',
  columns: [
    ['callback_id', '回访编号', 'callback id'],
    ['rule', '回访规则', 'rule'],
    ['customer', '客户', 'customer'],
    ['customer_id', '客户编号', 'customer id'],
    ['ticket_number', '来源工单', 'from ticket'],
    ['due_day', '应回访日', 'due day'],
    ['due_at', '应回访时间', 'due at', 'time'],
    ['attempt_at', '回访时间', 'called at', 'time'],
    ['agent', '回访人', 'called by'],
    ['outcome', '结果', 'outcome'],
    ['scores', '评分', 'scores', 'json'],
    ['notes', '备注', 'notes'],
    ['attempt_id', '记录编号', 'attempt id'],
  ],
  countSql: `SELECT (SELECT count(*) FROM callback_attempts a WHERE a.at >= @from AND a.at < @to)
                  + (SELECT count(*) FROM callbacks cb WHERE ${UNTRIED})`,
  rowsSql: `SELECT ${CALLBACK}, a.at, u.display_name, a.outcome, a.scores, a.notes, a.id
            ${FROM} JOIN callback_attempts a ON a.callback_id = cb.id LEFT JOIN users u ON u.id = a.by_user_id
            WHERE a.at >= @from AND a.at < @to
            UNION ALL
            SELECT ${CALLBACK}, NULL, NULL, NULL, NULL, NULL, NULL
            ${FROM} WHERE ${UNTRIED}
            ORDER BY 7, 1, 8, 13`,
});

registerArchiveSection(callbacksSection);
