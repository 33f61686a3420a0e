// Ticket history: any ticket ever, open or closed, by number, customer (name, pinyin initials,
// phone), subject or description text, intake date range, status and agent. The text goes through
// the same indexes as the search box (number prefix, trigram FTS, customer search); the other
// filters narrow the candidates; the newest come first.
import { parseIsoDate } from '../../../shared/sla';
import { PeriodError, dayStart } from '../../../shared/stats/period';
import { HISTORY_COUNT_CAP, type HistoryQuery, type HistoryResult } from '../../../shared/stats/types';
import type { Db } from '../db/open';
import { ftsLiteral, searchCustomers, searchTerm } from './customers';
import { TICKET_SELECT, toTicketRow, type TicketRecord } from './ticketRows';

/** Text matches beyond this many are not looked at: refine the query or the dates. */
const TEXT_CANDIDATES = 5_000;

export function ticketHistory(db: Db, q: HistoryQuery, timeZone: string): HistoryResult {
  const parts: string[] = ['1'];
  const params: (string | number)[] = [];
  const term = searchTerm(q.q ?? '');
  if (term) {
    const rowids = new Set<number>();
    const upper = term.toUpperCase();
    for (const r of db.prepare('SELECT rowid FROM tickets WHERE number >= ? AND number < ? LIMIT ?').pluck().all(upper, upper + '\uffff', TEXT_CANDIDATES) as number[]) rowids.add(r);
    if (term.length >= 3) {
      for (const r of db.prepare('SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? LIMIT ?').pluck().all(ftsLiteral(term), TEXT_CANDIDATES) as number[]) rowids.add(r);
    }
    const customers = searchCustomers(db, term, 50).map((c) => c.id);
    parts.push('(t.rowid IN (SELECT value FROM json_each(?)) OR t.customer_id IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify([...rowids]), JSON.stringify(customers));
  }
  const from = q.from ? parseIsoDate(q.from) : null;
  const to = q.to ? parseIsoDate(q.to) : null;
  if ((q.from && from === null) || (q.to && to === null)) throw new PeriodError(`Not a day: ${q.from ?? ''} ${q.to ?? ''}`);
  if (from !== null) {
    parts.push('t.created_at >= ?');
    params.push(dayStart(timeZone, from));
  }
  if (to !== null) {
    parts.push('t.created_at < ?');
    params.push(dayStart(timeZone, to + 1));
  }
  if (q.status) {
    parts.push('t.status = ?');
    params.push(q.status);
  }
  if (q.agentId) {
    parts.push('t.assignee_id = ?');
    params.push(q.agentId);
  }
  const where = parts.join(' AND ');
  const total = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM tickets t WHERE ${where} LIMIT ?)`).pluck().get(...params, HISTORY_COUNT_CAP) as number;
  const rows = db
    .prepare(`${TICKET_SELECT} WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit ?? 50, q.offset ?? 0) as TicketRecord[];
  return { total, capped: total >= HISTORY_COUNT_CAP, tickets: rows.map(toTicketRow) };
}
