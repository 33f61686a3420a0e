// The centre's name, time zone and this PC's seat code; plus the admin's audit and database views.
import { DomainError } from '../../../shared/result';
import { fullCheck } from '../db/check';
import { listAudit, recordAudit } from '../services/audit';
import { assertSeatCodeFree, rememberSeatCode } from '../services/seatCodes';
import { saveCentre } from '../services/centreProfile';
import { getSetting } from '../services/settings';
import { type centreMethods } from '../../../shared/contract/centre';
import type { HandlersOf } from './types';

export const centreHandlers: HandlersOf<typeof centreMethods> = {
  'centre.get': (_input, ctx) => {
    const centre = getSetting(ctx.db, 'centre');
    if (!centre) throw new DomainError('NOT_INITIALIZED', 'errors.notInitialized', 'The centre is not set up yet.');
    return centre;
  },

  'centre.update': (input, ctx) => {
    const before = getSetting(ctx.db, 'centre');
    if (before && before.seatCode !== input.seatCode) {
      assertSeatCodeFree(ctx.db, input.seatCode);
      rememberSeatCode(ctx.db, before.seatCode, ctx.clock.now(), ctx.user.id);
      rememberSeatCode(ctx.db, input.seatCode, ctx.clock.now(), ctx.user.id);
    }
    saveCentre(ctx.db, input, ctx.clock.now(), ctx.user.id);
    recordAudit({ ...ctx, seat: input.seatCode }, { action: 'centre.update', subject: 'centre', before, after: input });
    ctx.emit({ type: 'centre.changed', centre: input });
    return input;
  },

  'audit.list': ({ limit, q, ...filters }, ctx) => listAudit(ctx.db, { limit: limit ?? 200, ...(q ? { q } : {}), ...filters }),

  'db.check': (_input, ctx) => fullCheck(ctx.db, ctx.dbFile),
};
