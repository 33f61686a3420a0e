// The tickets behind a figure, or behind one point of its chart: the same cohort and filters as
// the figure (statsQuery.ts), narrowed by the slice that was clicked.
import { FIGURES } from '../../../shared/stats/definitions';
import { resolvePeriod } from '../../../shared/stats/period';
import type { DrillInput, DrillResult } from '../../../shared/stats/types';
import type { Db } from '../db/open';
import { TICKET_SELECT, toTicketRow, type TicketRecord } from './ticketRows';
import { filterSql, type SqlPart } from './statsQuery';

function cohortSql(input: DrillInput, now: number, timeZone: string): SqlPart {
  const { current } = resolvePeriod(input.period, now, timeZone);
  const w = filterSql(input.filters);
  const parts = [w.sql];
  const params = [...w.params];
  const def = FIGURES[input.figure];
  let from = current.from;
  let to = current.to;
  if (input.slice?.kind === 'bucket') {
    from = Math.max(from, input.slice.from);
    to = Math.min(to, input.slice.to);
  }
  if (def.cohort === 'created') {
    parts.push('f.created_at >= ? AND f.created_at < ?');
    params.push(from, to);
  } else if (def.cohort === 'completed') {
    parts.push('f.feedback_at >= ? AND f.feedback_at < ?');
    params.push(from, to);
  } else {
    // As backlogAt: two index ranges (still open; given feedback only after the end).
    parts.push(`f.ticket_id IN (SELECT ticket_id FROM ticket_facts WHERE feedback_at IS NULL AND created_at < ?
      UNION ALL SELECT ticket_id FROM ticket_facts WHERE feedback_at >= ? AND created_at < ?)`);
    params.push(to, to, to);
  }
  switch (input.figure) {
    case 'firstResponse':
      parts.push('f.response_min IS NOT NULL');
      break;
    case 'breaches':
      parts.push('f.breached = 1');
      break;
    case 'handling':
      parts.push('f.handling_min IS NOT NULL');
      break;
    case 'fcr':
      parts.push('f.reopens = 0 AND f.transfers = 0');
      break;
    case 'reopenRate':
      parts.push('f.reopens > 0');
      break;
    case 'complaints':
      parts.push("f.category = 'complaint'");
      break;
    case 'complaintReply':
      parts.push("f.category = 'complaint' AND f.resolution_min IS NOT NULL");
      break;
    default:
      break;
  }
  if (input.breached !== undefined && def.cohort === 'completed') {
    parts.push('f.breached = ?');
    params.push(input.breached ? 1 : 0);
  }
  if (input.slice?.kind === 'arrival') {
    parts.push('f.created_how = ?');
    params.push(input.slice.weekday * 24 + input.slice.hour);
  }
  if (input.slice?.kind === 'complaint') {
    const { category, departmentId } = input.slice;
    parts.push(category === null ? 'f.complaint_category IS NULL' : 'f.complaint_category = ?');
    if (category !== null) params.push(category);
    parts.push(departmentId === null ? 'f.complaint_department IS NULL' : 'f.complaint_department = ?');
    if (departmentId !== null) params.push(departmentId);
  }
  return { sql: parts.join(' AND '), params };
}

export function drillTickets(db: Db, input: DrillInput, now: number, timeZone: string): DrillResult {
  const w = cohortSql(input, now, timeZone);
  const total = db.prepare(`SELECT count(*) FROM ticket_facts f WHERE ${w.sql}`).pluck().get(...w.params) as number;
  const rows = db
    .prepare(`${TICKET_SELECT} JOIN ticket_facts f ON f.ticket_id = t.id WHERE ${w.sql} ORDER BY t.created_at DESC, t.id LIMIT ? OFFSET ?`)
    .all(...w.params, input.limit ?? 100, input.offset ?? 0) as TicketRecord[];
  return { total, tickets: rows.map(toTicketRow) };
}
