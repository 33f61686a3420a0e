// Admins add, change, disable and reset the centre's users; agents read the staff directory.
// The last active admin is protected, otherwise the centre could lock itself out of its own settings.
import { DomainError } from '../../../shared/result';
import { newId } from '../ids';
import { hashPassword } from '../passwords';
import { recordAudit } from '../services/audit';
import {
  countActiveAdmins,
  findUserById,
  findUserByName,
  insertUser,
  listUsers,
  setPasswordHash,
  staffDirectory,
  toSummary,
  updateUserRow,
} from '../services/users';
import { type userMethods } from '../../../shared/contract/users';
import type { HandlersOf } from './types';

const notFound = (id: string) => new DomainError('NOT_FOUND', 'errors.userNotFound', `No user with id ${id}.`, { id });

export const userHandlers: HandlersOf<typeof userMethods> = {
  'users.list': (_input, ctx) => listUsers(ctx.db),

  'staff.directory': (_input, ctx) => staffDirectory(ctx.db),

  'users.create': (input, ctx) => {
    if (findUserByName(ctx.db, input.name)) {
      throw new DomainError('CONFLICT', 'errors.userNameTaken', `The user name ${input.name} is already taken.`, {
        name: input.name,
      });
    }
    const user = insertUser(
      ctx.db,
      { id: newId(ctx.clock), name: input.name, displayName: input.displayName, role: input.role, passwordHash: hashPassword(input.password) },
      ctx.clock.now(),
      ctx.user.id,
    );
    recordAudit(ctx, { action: 'user.create', subject: user.id, after: { name: user.name, displayName: user.displayName, role: user.role } });
    ctx.emit({ type: 'users.changed' });
    return user;
  },

  'users.update': (input, ctx) => {
    const row = findUserById(ctx.db, input.id);
    if (!row) throw notFound(input.id);
    const before = toSummary(row);
    const next = {
      displayName: input.displayName ?? before.displayName,
      role: input.role ?? before.role,
      disabled: input.disabled ?? before.disabled,
    };
    const losesAdmin = before.role === 'admin' && !before.disabled && (next.role !== 'admin' || next.disabled);
    if (losesAdmin && countActiveAdmins(ctx.db) <= 1) {
      throw new DomainError('CONFLICT', 'errors.lastAdmin', 'The centre needs at least one active admin.');
    }
    if (input.id === ctx.user.id && next.disabled) {
      throw new DomainError('CONFLICT', 'errors.disableSelf', 'You cannot disable your own account.');
    }
    const user = updateUserRow(ctx.db, input.id, next, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, {
      action: 'user.update',
      subject: user.id,
      before: { displayName: before.displayName, role: before.role, disabled: before.disabled },
      after: next,
    });
    ctx.emit({ type: 'users.changed' });
    return user;
  },

  'users.resetPassword': (input, ctx) => {
    if (!findUserById(ctx.db, input.id)) throw notFound(input.id);
    setPasswordHash(ctx.db, input.id, hashPassword(input.password), ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: 'user.resetPassword', subject: input.id });
    return null;
  },
};
