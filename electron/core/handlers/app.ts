// Start-up status, first-run set-up and the seat's language preference.
import { saveCentre } from '../services/centreProfile';
import { DomainError } from '../../../shared/result';
import { hashPassword } from '../passwords';
import { recordAudit } from '../services/audit';
import { getSetting, setSetting } from '../services/settings';
import { insertUser, listUsers } from '../services/users';
import { newId } from '../ids';
import { type appMethods } from '../../../shared/contract/app';
import type { HandlersOf } from './types';

export const appHandlers: HandlersOf<typeof appMethods> = {
  'app.status': (_input, ctx) => {
    const centre = getSetting(ctx.db, 'centre');
    return {
      initialized: centre !== null,
      centreName: centre?.centreName ?? null,
      seatCode: centre?.seatCode ?? null,
      timeZone: centre?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      language: getSetting(ctx.db, 'ui.language'),
      user: ctx.user,
      version: ctx.version,
    };
  },

  'setup.init': (input, ctx) => {
    if (getSetting(ctx.db, 'centre') !== null || listUsers(ctx.db).length > 0) {
      throw new DomainError('CONFLICT', 'errors.alreadyInitialized', 'The centre is already set up on this PC.');
    }
    const now = ctx.clock.now();
    const id = newId(ctx.clock);
    const admin = insertUser(
      ctx.db,
      { id, name: input.admin.name, displayName: input.admin.displayName, role: 'admin', passwordHash: hashPassword(input.admin.password) },
      now,
      null,
    );
    const centre = { centreName: input.centreName, timeZone: input.timeZone, seatCode: input.seatCode };
    saveCentre(ctx.db, centre, now, id);
    const actor = { ...ctx, user: admin, seat: input.seatCode };
    recordAudit(actor, { action: 'centre.setup', subject: 'centre', after: centre });
    recordAudit(actor, { action: 'user.create', subject: id, after: { name: admin.name, displayName: admin.displayName, role: admin.role } });
    ctx.emit({ type: 'centre.changed', centre });
    return admin;
  },

  'prefs.setLanguage': (input, ctx) => {
    setSetting(ctx.db, 'ui.language', input.language, ctx.clock.now(), ctx.user?.id ?? null);
    ctx.emit({ type: 'prefs.changed', language: input.language });
    return null;
  },
};
