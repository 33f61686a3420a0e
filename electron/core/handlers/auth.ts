// Signing in and out of this seat, and changing one's own password.
import { DomainError } from '../../../shared/result';
import { hashPassword, verifyPassword } from '../passwords';
import { recordAudit } from '../services/audit';
import { findUserById, findUserByName, setPasswordHash } from '../services/users';
import type { HandlerMap } from './types';

const wrongCredentials = () =>
  new DomainError('UNAUTHENTICATED', 'errors.wrongCredentials', 'The user name or password is not right.');

export const authHandlers: HandlerMap<'auth.signIn' | 'auth.signOut' | 'me.changePassword'> = {
  'auth.signIn': (input, ctx) => {
    const row = findUserByName(ctx.db, input.name);
    // Hash even for an unknown name, so timing does not reveal which names exist.
    const valid = verifyPassword(input.password, row?.password_hash ?? hashPassword('not-a-user'));
    if (!row || !valid) throw wrongCredentials();
    if (row.disabled) {
      throw new DomainError('FORBIDDEN', 'errors.accountDisabled', `The account ${row.name} is disabled.`, { name: row.name });
    }
    const user = { id: row.id, name: row.name, displayName: row.display_name, role: row.role };
    ctx.session.userId = row.id;
    recordAudit({ ...ctx, user }, { action: 'session.signIn', subject: row.id });
    ctx.emit({ type: 'session.changed', user });
    return user;
  },

  'auth.signOut': (_input, ctx) => {
    if (ctx.user) recordAudit(ctx, { action: 'session.signOut', subject: ctx.user.id });
    ctx.session.userId = null;
    ctx.emit({ type: 'session.changed', user: null });
    return null;
  },

  'me.changePassword': (input, ctx) => {
    const me = findUserById(ctx.db, ctx.user!.id)!;
    if (!verifyPassword(input.current, me.password_hash)) {
      throw new DomainError('VALIDATION', 'errors.wrongCurrentPassword', 'The current password is not right.');
    }
    setPasswordHash(ctx.db, me.id, hashPassword(input.next), ctx.clock.now(), me.id);
    recordAudit(ctx, { action: 'user.changePassword', subject: me.id });
    return null;
  },
};
