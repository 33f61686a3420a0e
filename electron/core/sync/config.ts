// This seat's hub connection, kept in a local table (never replicated). The password is stored
// as typed, in the seat's own database in the user's data folder; use a PostgreSQL role that can
// do nothing but reach the hub database.
import type { Db } from '../db/open';
import type { HubConnection } from './hubClient';

export interface HubConfig extends HubConnection {
  seatId: string;
  /** upload: first seat, uploads its centre; join: a new PC downloads the centre; member: done. */
  mode: 'upload' | 'join' | 'member';
  seatCode: string | null;
  centreId: string | null;
}

interface Row {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tls: 0 | 1;
  seat_id: string;
  mode: HubConfig['mode'];
  seat_code: string | null;
  centre_id: string | null;
}

export function getHubConfig(db: Db): HubConfig | null {
  const r = db.prepare('SELECT * FROM hub_config WHERE id = 1').get() as Row | undefined;
  return r
    ? { host: r.host, port: r.port, database: r.database, user: r.user, password: r.password, tls: r.tls === 1, seatId: r.seat_id, mode: r.mode, seatCode: r.seat_code, centreId: r.centre_id }
    : null;
}

export function saveHubConfig(db: Db, c: HubConfig, at: number): void {
  db.prepare(
    `INSERT INTO hub_config (id, host, port, database, user, password, tls, seat_id, mode, seat_code, centre_id, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, database = excluded.database, user = excluded.user,
       password = excluded.password, tls = excluded.tls, mode = excluded.mode, seat_code = excluded.seat_code,
       centre_id = excluded.centre_id, updated_at = excluded.updated_at`,
  ).run(c.host, c.port, c.database, c.user, c.password, c.tls ? 1 : 0, c.seatId, c.mode, c.seatCode, c.centreId, at);
}

export function becameMember(db: Db, centreId: string): void {
  db.prepare(`UPDATE hub_config SET mode = 'member', centre_id = ? WHERE id = 1`).run(centreId);
}

/**
 * Stores the connection an admin entered (Settings or `cli hub connect`). A seat that is set up
 * uploads its centre (unless it is already a member); a PC that is not set up joins with the
 * given seat code and downloads the centre.
 */
export function configureHub(db: Db, connection: HubConnection, newId: () => string, at: number, join: { seatCode: string } | null): HubConfig {
  const existing = getHubConfig(db);
  const config: HubConfig = join
    ? { ...connection, seatId: existing?.seatId ?? newId(), mode: 'join', seatCode: join.seatCode, centreId: null }
    : {
        ...connection,
        seatId: existing?.seatId ?? newId(),
        // Already a member (or joining): only the address or the credentials change.
        mode: existing?.mode === 'member' ? 'member' : existing?.mode === 'join' ? 'join' : 'upload',
        seatCode: existing?.seatCode ?? null,
        centreId: existing?.centreId ?? newId(),
      };
  saveHubConfig(db, config, at);
  return config;
}
