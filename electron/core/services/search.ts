// The one search box: customers (any fragment of a name, pinyin, phone…), then tickets by number
// prefix, by text (FTS, 3+ characters) and the found customers' latest tickets, without repeats.
import type { SearchResults } from '../../../shared/contract/search';
import type { Db } from '../db/open';
import { ftsLiteral, searchCustomers, searchTerm } from './customers';
import { TICKET_SELECT, toTicketRow, type TicketRecord } from './ticketRows';

export function searchAll(db: Db, q: string): SearchResults {
  const customers = searchCustomers(db, q, 10);
  const term = searchTerm(q);
  if (!term) return { customers, tickets: [] };
  const byNumber = db.prepare(`${TICKET_SELECT} WHERE t.number >= ? AND t.number < ? ORDER BY t.number DESC LIMIT 10`).all(term.toUpperCase(), term.toUpperCase() + '\uffff') as TicketRecord[];
  const byText =
    term.length >= 3
      ? (db
          .prepare(`${TICKET_SELECT} WHERE t.rowid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? LIMIT 20) ORDER BY t.created_at DESC`)
          .all(ftsLiteral(term)) as TicketRecord[])
      : [];
  const ofCustomers = customers.length
    ? (db
        .prepare(`${TICKET_SELECT} WHERE t.customer_id IN (SELECT value FROM json_each(?)) ORDER BY t.created_at DESC LIMIT 20`)
        .all(JSON.stringify(customers.map((c) => c.id))) as TicketRecord[])
    : [];
  const seen = new Set<string>();
  const tickets = [...byNumber, ...byText, ...ofCustomers].filter((t) => !seen.has(t.id) && seen.add(t.id)).slice(0, 20).map(toTicketRow);
  return { customers, tickets };
}
