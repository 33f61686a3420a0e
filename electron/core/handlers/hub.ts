// The centre hub: connection settings (admin), joining from a new PC, status, conflicts, and
// merging duplicates. Network work never happens here: a handler stores the configuration and
// the sync loop acts on it after the transaction commits.
import { DomainError } from '../../../shared/result';
import type { HubStatus } from '../../../shared/hub';
import type { CallContext } from '../context';
import { newId } from '../ids';
import { recordAudit } from '../services/audit';
import { listConflicts, mergeCustomers } from '../services/conflicts';
import { getCustomer } from '../services/customers';
import { getSetting } from '../services/settings';
import { configureHub } from '../sync/config';
import { type hubMethods } from '../../../shared/contract/hub';
import type { HandlersOf } from './types';


const offStatus: HubStatus = { configured: false, state: 'off', host: null, database: null, offlineSince: null, toSend: 0, lastSyncAt: null, error: null, conflicts: 0 };

function port(ctx: CallContext) {
  if (!ctx.hub) throw new DomainError('INTERNAL', 'errors.hubUnavailable', 'The hub sync is not running in this process.');
  return ctx.hub;
}

function startTest(ctx: CallContext, connection: Parameters<NonNullable<CallContext['hub']>['startTest']>[0]) {
  const token = newId(ctx.clock);
  port(ctx).startTest(connection, token);
  return { token };
}

export const hubHandlers: HandlersOf<typeof hubMethods> = {
  'hub.status': (_input, ctx) => ctx.hub?.status() ?? offStatus,

  'hub.test': ({ connection }, ctx) => startTest(ctx, connection),

  'hub.testJoin': ({ connection }, ctx) => {
    if (getSetting(ctx.db, 'centre')) throw new DomainError('CONFLICT', 'errors.alreadyInitialized', 'The centre is already set up on this PC.');
    return startTest(ctx, connection);
  },

  'hub.connect': ({ connection }, ctx) => {
    configureHub(ctx.db, connection, () => newId(ctx.clock), ctx.clock.now(), null);
    recordAudit(ctx, { action: 'hub.connect', subject: 'hub', after: { host: connection.host, port: connection.port, database: connection.database, user: connection.user, tls: connection.tls } });
    port(ctx).reconnectAfterCommit();
    return { ...port(ctx).status(), state: 'connecting' };
  },

  'hub.join': ({ connection, seatCode }, ctx) => {
    if (getSetting(ctx.db, 'centre')) throw new DomainError('CONFLICT', 'errors.alreadyInitialized', 'The centre is already set up on this PC.');
    configureHub(ctx.db, connection, () => newId(ctx.clock), ctx.clock.now(), { seatCode });
    port(ctx).reconnectAfterCommit();
    return { ...port(ctx).status(), state: 'connecting' };
  },

  'hub.conflicts': ({ subjectId, limit }, ctx) => listConflicts(ctx.db, subjectId ?? null, limit ?? 100),

  'customers.merge': ({ keepId, mergeId }, ctx) => {
    const keep = getCustomer(ctx.db, keepId);
    const merged = getCustomer(ctx.db, mergeId);
    const result = mergeCustomers(ctx.db, keepId, mergeId, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: 'customer.merge', subject: keepId, before: { keep, merged }, after: result });
    const after = getCustomer(ctx.db, keepId);
    if (after) ctx.emit({ type: 'customer.changed', customer: after });
    return null;
  },
};
