// The one search box over customers and tickets.
import { type searchMethods } from '../../../shared/contract/search';
import { searchAll } from '../services/search';
import type { HandlersOf } from './types';

export const searchHandlers: HandlersOf<typeof searchMethods> = {
  'search.all': ({ q }, ctx) => searchAll(ctx.db, q),
};
