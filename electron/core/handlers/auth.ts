// Signing in and out of this seat.
import { DomainError } from '../../../shared/result';
import { hashPassword, verifyPassword } from '../passwords';
import { recordAudit } from '../services/audit';
import { RecordedRefusal } from '../errors';
import { clearSignInFailures, recordSignInFailure, signInWaitMs } from '../services/signInThrottle';
import { findUserByName, sessionUserOf } from '../services/users';
import { recordSignInSeat } from '../services/userSeats';
import { type authMethods } from '../../../shared/contract/auth';
import type { HandlersOf } from './types';

const wrongCredentials = () =>
  new DomainError('UNAUTHENTICATED', 'errors.wrongCredentials', 'The user name or password is not right.');

export const authHandlers: HandlersOf<typeof authMethods> = {
  'auth.signIn': (input, ctx) => {
    const row = findUserByName(ctx.db, input.name);
    const wait = signInWaitMs(ctx.db, input.name, ctx.clock.now());
    if (wait > 0) {
      // Refused without looking at the password: while locked, even the right one waits.
      const seconds = Math.ceil(wait / 1000);
      recordAudit(ctx, { action: 'session.signInFailed', subject: row?.id ?? null, after: { name: input.name, reason: 'locked', retryAfterSeconds: seconds } });
      throw new RecordedRefusal('UNAUTHENTICATED', 'errors.signInLocked', `Too many wrong passwords for ${input.name}; try again in ${seconds} s.`, {
        seconds,
      });
    }
    // Hash even for an unknown name, so timing does not reveal which names exist.
    const valid = verifyPassword(input.password, row?.password_hash ?? hashPassword('not-a-user'));
    if (!row || !valid) {
      const { failures, lockMs } = recordSignInFailure(ctx.db, ctx.clock, input.name);
      const seconds = Math.ceil(lockMs / 1000);
      recordAudit(ctx, {
        action: 'session.signInFailed',
        subject: row?.id ?? null,
        after: { name: input.name, reason: 'wrongCredentials', failures, ...(seconds ? { retryAfterSeconds: seconds } : {}) },
      });
      if (seconds > 0) {
        throw new RecordedRefusal('UNAUTHENTICATED', 'errors.signInLocked', `Wrong password; ${input.name} is locked for ${seconds} s.`, { seconds });
      }
      const e = wrongCredentials();
      throw new RecordedRefusal(e.code, e.messageKey, e.message);
    }
    if (row.disabled) {
      throw new DomainError('FORBIDDEN', 'errors.accountDisabled', `The account ${row.name} is disabled.`, { name: row.name });
    }
    const user = sessionUserOf(row);
    clearSignInFailures(ctx.db, input.name);
    ctx.session.userId = row.id;
    // Shared with the centre: reminders for this person now come from this seat only.
    if (ctx.seat) recordSignInSeat(ctx.db, row.id, ctx.seat, ctx.clock.now());
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
};
