// Methods of the wall-board.
import { z } from 'zod';
import type { BoardSnapshot } from '../board';
import { def } from './define';

export const boardMethods = {
  /** Today's figures, per-agent load and the most urgent open tickets. */
  /** Also for the board-only sign-in of a TV PC (role wallboard). */
  'board.snapshot': def<BoardSnapshot>()('wallboard', z.strictObject({ urgentLimit: z.number().int().min(1).max(2000).optional() })),
} as const;
