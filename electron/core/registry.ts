// The handler registry: the one door into the core, used by Electron's ipcMain, the e2e bridge and
// the tests alike. It validates, checks the role, runs the handler in a transaction and returns an
// envelope. Nothing thrown leaves it.
import type { z } from 'zod';
import { contract, isMethodName, type AppEvent, type MethodName } from '../../shared/contract';
import { DomainError, fail, ok, type AppError, type Result } from '../../shared/result';
import { roleAllows } from '../../shared/roles';
import type { SessionUser } from '../../shared/types';
import type { CoreDeps } from './context';
import { RecordedRefusal } from './errors';
import type { HandlerMap } from './handlers/types';
import { describeError } from './log';
import { getSetting } from './services/settings';
import { activeSessionUser } from './services/users';

/** Inputs are small forms; anything larger is a bug or an attack, refused before parsing. */
export const MAX_INPUT_BYTES = 256 * 1024;

export interface Registry {
  invoke(method: unknown, input: unknown): Result<unknown>;
}

export function createRegistry(handlers: HandlerMap, deps: CoreDeps, publish: (e: AppEvent) => void): Registry {
  const currentUser = (): SessionUser | null => {
    const id = deps.session.userId;
    if (!id) return null;
    const user = activeSessionUser(deps.db, id);
    // A user disabled or removed meanwhile is signed out on their next action.
    if (!user) deps.session.userId = null;
    return user;
  };

  const run = <M extends MethodName>(method: M, input: unknown): Result<unknown> => {
    const def = contract[method];
    const tooLarge = inputTooLarge(input);
    if (tooLarge) return tooLarge;
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return validationFailure(method, parsed.error);

    const user = currentUser();
    if (!roleAllows(user?.role, def.access)) {
      return user
        ? fail('FORBIDDEN', 'errors.forbidden', `${method} needs the ${def.access} role; ${user.name} is ${user.role}.`, {
            method,
            role: def.access,
          })
        : fail('UNAUTHENTICATED', 'errors.signInFirst', `${method} needs a signed-in user.`, { method });
    }

    const events: AppEvent[] = [];
    const handler = handlers[method] as (input: unknown, ctx: unknown) => unknown;
    let refusal: RecordedRefusal | null = null;
    const value = deps.db.transaction(() => {
      try {
        return handler(parsed.data, {
          ...deps,
          user,
          seat: getSetting(deps.db, 'centre')?.seatCode ?? null,
          emit: (e: AppEvent) => events.push(e),
        });
      } catch (err) {
        // Committed, then refused: what the handler recorded about the refusal stays.
        if (err instanceof RecordedRefusal) {
          refusal = err;
          return null;
        }
        throw err;
      }
    })();
    // Only after commit: a window must never see a change that was rolled back. The open queue
    // follows first, so a listener reading it (the tray badge) sees the change.
    deps.openQueue.follow(events);
    for (const e of events) publish(e);
    if (refusal) throw refusal;
    if (events.some((e) => e.type === 'ticket.changed' || e.type === 'callbacks.changed')) deps.rearmScheduler();
    return ok(value);
  };

  return {
    invoke(method, input) {
      if (!isMethodName(method)) {
        return fail('VALIDATION', 'errors.unknownMethod', `There is no method ${String(method)}.`, {
          method: String(method),
        });
      }
      try {
        return run(method, input);
      } catch (err) {
        if (err instanceof DomainError) {
          return { ok: false, error: { code: err.code, messageKey: err.messageKey, message: err.message, ...(err.params ? { params: err.params } : {}) } };
        }
        deps.logger.error(`Unexpected failure in ${method}`, { method, ...describeError(err) });
        return fail('INTERNAL', 'errors.internal', `Something went wrong in ${method}; it was logged.`, { method });
      }
    },
  };
}

function inputTooLarge(input: unknown): Result<never> | null {
  let size: number;
  try {
    size = JSON.stringify(input ?? {}).length;
  } catch {
    return fail('VALIDATION', 'errors.inputUnreadable', 'The input could not be read.');
  }
  return size > MAX_INPUT_BYTES
    ? fail('VALIDATION', 'errors.inputTooLarge', `The input is ${size} bytes; the limit is ${MAX_INPUT_BYTES}.`, {
        size,
        limit: MAX_INPUT_BYTES,
      })
    : null;
}

function validationFailure(method: string, error: z.ZodError): { ok: false; error: AppError } {
  const issues = error.issues.map((i) => ({
    path: i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : ''),
    // Our schemas carry i18n keys as messages; zod's own messages map to a key per issue code.
    message: i.message.startsWith('validation.') ? i.message : `validation.${i.code}`,
  }));
  const summary = error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      messageKey: 'errors.validation',
      message: `Invalid input for ${method}: ${summary}`,
      issues,
    },
  };
}
