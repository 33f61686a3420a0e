// The wall-board's snapshot.
import { boardSnapshot } from '../services/board';
import { type boardMethods } from '../../../shared/contract/board';
import type { HandlersOf } from './types';

export const boardHandlers: HandlersOf<typeof boardMethods> = {
  'board.snapshot': ({ urgentLimit }, ctx) => boardSnapshot(ctx.db, ctx.openQueue, ctx.clock.now(), urgentLimit ?? 48),
};
