// tickets_assignee_open (assignee_id of open tickets, from 003) served the queue's "mine" filter
// when the queue was read with SQL. The open queue is kept in memory now (services/openQueue.ts)
// and no query left filters open tickets by assignee (history's agent filter covers closed
// tickets too, which a partial index on open ones cannot serve). SQLite still updated it on every
// create, accept, transfer and close: about one page more per commit on the 1M-ticket centre
// (tests/bench/tickets.bench.ts). Dropping an index of open tickets only is instant.
import type { Migration } from './index';

export const m015UnusedTicketIndex: Migration = {
  version: 15,
  name: 'drop-unused-ticket-index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS tickets_assignee_open');
  },
};
