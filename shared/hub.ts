// The centre hub as the renderer sees it: the status bar's line and the conflicts list.
export type HubState = 'off' | 'connecting' | 'online' | 'offline' | 'refused';

/**
 * Why a hub connection failed, for a translated message: the network or the server could not be
 * reached, the user name or password was refused, the database does not exist, TLS failed, or the
 * hub refused this seat (a seat code already used, another centre, no centre yet, a newer hub).
 */
export type HubErrorReason =
  | 'UNREACHABLE'
  | 'AUTH'
  | 'NO_DATABASE'
  | 'TLS'
  | 'SEAT_CODE_TAKEN'
  | 'CENTRE_EXISTS'
  | 'NO_CENTRE'
  | 'HUB_TOO_NEW'
  | 'OTHER';

export interface HubStatus {
  configured: boolean;
  state: HubState;
  host: string | null;
  database: string | null;
  /** When this seat lost the hub (null while online or never connected). */
  offlineSince: number | null;
  /** Changes written here that the hub has not stored yet. */
  toSend: number;
  lastSyncAt: number | null;
  /** Why the hub refused this seat or why the last attempt failed. */
  error: { reason: HubErrorReason; message: string } | null;
  conflicts: number;
}

export interface HubTestResult {
  ok: boolean;
  /** Why it failed (null when ok). */
  reason: HubErrorReason | null;
  serverVersion: string | null;
  centreName: string | null;
  message: string | null;
}

export interface SyncConflict {
  id: string;
  /** reference.gone: a row referred to a row another seat deleted; sync/apply.ts settled it. */
  kind: 'ticket.lifecycle' | 'customer.fields' | 'customer.duplicate' | 'reference.gone';
  table: string;
  subjectId: string;
  otherId: string | null;
  hubSeq: number;
  winnerSeat: string | null;
  loserSeat: string | null;
  details: Record<string, unknown>;
  at: number;
  /** A duplicate whose customers were merged (or one removed) is no longer open. */
  open: boolean;
}
