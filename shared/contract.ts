// The single source of truth for the IPC surface: every method with its strict input schema,
// its output type and the role it needs (grouped by domain under contract/); every event the main
// process pushes. The core's handler registry implements exactly this map; the renderer's api.ts
// is typed from it.
import type { z } from 'zod';
import type { CentreSettings, SessionUser } from './types';
import type { Language } from './validation';
import { appMethods } from './contract/app';
import { authMethods } from './contract/auth';
import { meMethods } from './contract/me';
import { centreMethods } from './contract/centre';
import { userMethods } from './contract/users';
import { customerMethods } from './contract/customers';
import { departmentMethods } from './contract/departments';
import { searchMethods } from './contract/search';
import { slaMethods } from './contract/sla';
import { ticketMethods } from './contract/tickets';
import { boardMethods } from './contract/board';
import { archiveMethods } from './contract/archive';
import type { ArchiveJob } from './archive';
import { statsMethods } from './contract/stats';
import { hubMethods } from './contract/hub';
import type { HubStatus, HubTestResult, SyncConflict } from './hub';
import { customers360Methods, type ImportApplyStatus } from './contract/customers360';
import type { CustomerSummary, TicketDetail, TicketRow } from './tickets/types';
import type { Notice } from './notifications';

export const contract = {
  ...appMethods,
  ...authMethods,
  ...meMethods,
  ...centreMethods,
  ...userMethods,
  ...customerMethods,
  ...departmentMethods,
  ...searchMethods,
  ...slaMethods,
  ...ticketMethods,
  ...boardMethods,
  ...archiveMethods,
  ...statsMethods,
  ...hubMethods,
  ...customers360Methods,
} as const;

export type { AppStatus } from './contract/app';
export type { MethodDef } from './contract/define';
export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Events pushed from the main process to every window of the app. */
export type AppEvent =
  | { type: 'session.changed'; user: SessionUser | null }
  | { type: 'prefs.changed'; language: Language }
  | { type: 'centre.changed'; centre: CentreSettings }
  | { type: 'users.changed' }
  /** An audit entry was written: open audit views refresh. */
  | { type: 'audit.changed' }
  | { type: 'catalogue.changed' }
  | { type: 'calendars.changed' }
  | { type: 'deductions.changed' }
  /**
   * A ticket changed, here or at another seat: its row as the open queue holds it (a row whose
   * status is not open leaves the queue, shared/tickets/lifecycle.ts's isOpen) and its detail as
   * tickets.get returns it (not to a board-only session, which may not read customers' details).
   * Screens apply them in place and keep the higher `version` (shared/tickets/changes.ts). Many
   * changes at once come as one hub.caughtUp instead.
   */
  | { type: 'ticket.changed'; ticket: TicketRow; detail?: TicketDetail }
  | { type: 'customer.changed'; customer: CustomerSummary }
  | { type: 'departments.changed' }
  | { type: 'callbacks.changed' }
  | { type: 'inbox.changed' }
  | { type: 'notification'; notice: Notice }
  /** Something the wall-board counts changed (a moment fired); tickets send ticket.changed. */
  | { type: 'board.changed' }
  /** The shell asks the main window to show a ticket (a notification was clicked). */
  | { type: 'ticket.open'; ticketId: string }
  /**
   * The background integrity check (quick_check after a clean start) found damage: tell the admin.
   * Nothing was changed or deleted; `latestBackup` is the newest backup taken before this session.
   */
  | { type: 'db.problem'; messageKey: 'errors.dbDamagedBackground'; latestBackup: string | null }
  /** A month close or verification moved on (progress, done, failed, cancelled). */
  | { type: 'archive.job'; job: ArchiveJob }
  | { type: 'archives.changed' }
  /** Applying an import moved on (rows written), committed or failed. */
  | { type: 'import.applying'; status: ImportApplyStatus }
  /** The first working day of a month: the admin is reminded to close the month before. */
  | { type: 'archive.reminder'; month: string }
  | { type: 'backups.changed' }
  /** A restore is staged: the host closes the core and opens it again (the app restarts). */
  | { type: 'db.restoreStaged'; backup: string }
  /** The hub connection changed state, or the count of changes to send moved. */
  | { type: 'hub.status'; status: HubStatus }
  | { type: 'hub.tested'; token: string; result: HubTestResult }
  /** A conflict decided by rule concerns this seat (e.g. another seat took a ticket first). */
  | { type: 'hub.conflict'; conflict: SyncConflict }
  /** Many changes arrived from the hub at once: reload lists instead of patching them. */
  | { type: 'hub.caughtUp'; tables: string[] };
export type AppEventType = AppEvent['type'];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

