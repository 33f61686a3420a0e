// The one search box over customers and tickets.
import { z } from 'zod';
import type { CustomerSummary, TicketRow } from '../tickets/types';
import { searchQuery as query } from './customers';
import { def } from './define';

export interface SearchResults {
  customers: CustomerSummary[];
  tickets: TicketRow[];
}

export const searchMethods = {
  /** One search box over customers and tickets: name (also pinyin initials), phone, number, text. */
  'search.all': def<SearchResults>()('agent', z.strictObject({ q: query })),
} as const;
