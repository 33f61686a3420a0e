// The seat's side of the hub protocol over node-postgres: connect, make sure the schema is there,
// find or create the centre, register the seat, push outbox rows idempotently, pull changes in
// hub order, and LISTEN for other seats' pushes.
import pg from 'pg';
import type { HubChange } from './apply';
import { HUB_CHANNEL, HUB_LOCK, HUB_SCHEMA, HUB_SCHEMA_VERSION } from './hubSchema';
import type { OutboxRow } from './outbox';

export interface HubConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tls: boolean;
}

export interface HubCentre {
  id: string;
  name: string;
  timeZone: string;
}

export class HubRefusal extends Error {
  constructor(
    readonly reason: 'SEAT_CODE_TAKEN' | 'CENTRE_EXISTS' | 'NO_CENTRE' | 'HUB_TOO_NEW',
    message: string,
  ) {
    super(message);
    this.name = 'HubRefusal';
  }
}

function clientConfig(c: HubConnection, timeoutMs: number): pg.ClientConfig {
  return {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    // TLS: verify the server's certificate against the system's roots (a centre's own CA can be
    // added through NODE_EXTRA_CA_CERTS).
    ssl: c.tls ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: 30_000,
    keepAlive: true,
    application_name: 'kefu-desk',
  };
}

export interface HubSession {
  readonly client: pg.Client;
  close(): Promise<void>;
}

export async function connectHub(c: HubConnection, onError: (err: Error) => void, timeoutMs = 5000): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(c, timeoutMs));
  // An idle client whose server goes away emits 'error': without a listener it would crash the app.
  client.on('error', onError);
  try {
    await client.connect();
  } catch (err) {
    client.removeListener('error', onError);
    client.on('error', () => {});
    await client.end().catch(() => {});
    throw err;
  }
  return client;
}

/** "Test connection": connects, reads the server version and whether a centre is there. */
export async function testHub(c: HubConnection): Promise<{ serverVersion: string; centre: HubCentre | null }> {
  const client = await connectHub(c, () => {});
  try {
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    const exists = (await client.query(`SELECT to_regclass('kefu_centres') AS t`)).rows[0]?.t !== null;
    const centre = exists ? await readCentre(client) : null;
    return { serverVersion: version, centre };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureSchema(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  try {
    // Two seats connecting at once must not both run CREATE TABLE IF NOT EXISTS (it can clash).
    await client.query('SELECT pg_advisory_xact_lock($1)', [HUB_LOCK]);
    await client.query(HUB_SCHEMA);
    const found = (await client.query<{ value: string }>(`SELECT value FROM kefu_meta WHERE key = 'schema_version'`)).rows[0];
    if (found && Number(found.value) > HUB_SCHEMA_VERSION) {
      throw new HubRefusal('HUB_TOO_NEW', `The hub was set up by a newer Kefu Desk (hub schema ${found.value}); update this seat.`);
    }
    if (!found) await client.query(`INSERT INTO kefu_meta (key, value) VALUES ('schema_version', $1)`, [String(HUB_SCHEMA_VERSION)]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

async function readCentre(client: pg.Client): Promise<HubCentre | null> {
  const r = (await client.query<{ id: string; name: string; time_zone: string }>('SELECT id, name, time_zone FROM kefu_centres ORDER BY created_at LIMIT 1')).rows[0];
  return r ? { id: r.id, name: r.name, timeZone: r.time_zone } : null;
}

/**
 * The first seat of an empty hub creates the centre there (and will upload its data); a seat
 * whose centre id the hub already knows is a member; anything else is refused with a reason.
 */
export async function claimCentre(
  client: pg.Client,
  want: { mode: 'upload' | 'join' | 'member'; centreId: string | null; newCentre: HubCentre | null; seatId: string; seatCode: string },
): Promise<{ centre: HubCentre; created: boolean }> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [HUB_LOCK]);
    let centre = await readCentre(client);
    let created = false;
    if (!centre) {
      if (want.mode !== 'upload' || !want.newCentre) throw new HubRefusal('NO_CENTRE', 'The hub holds no centre yet: connect the first seat (the one with the centre’s data) before the others join.');
      centre = want.newCentre;
      await client.query('INSERT INTO kefu_centres (id, name, time_zone, uploaded_by) VALUES ($1, $2, $3, $4)', [centre.id, centre.name, centre.timeZone, want.seatId]);
      created = true;
    } else if (want.mode === 'upload') {
      throw new HubRefusal('CENTRE_EXISTS', `The hub already holds the centre “${centre.name}”. This PC has its own centre; set up a new PC by joining instead.`);
    } else if (want.mode === 'member' && want.centreId !== centre.id) {
      throw new HubRefusal('CENTRE_EXISTS', `The hub holds the centre “${centre.name}”, not the one this seat belongs to.`);
    }
    const taken = (await client.query<{ seat_id: string }>('SELECT seat_id FROM kefu_seats WHERE centre_id = $1 AND seat_code = $2 AND seat_id <> $3', [centre.id, want.seatCode, want.seatId])).rows[0];
    if (taken) throw new HubRefusal('SEAT_CODE_TAKEN', `Seat code ${want.seatCode} is already used by another seat of the centre; choose another one.`);
    await client.query(
      `INSERT INTO kefu_seats (seat_id, centre_id, seat_code) VALUES ($1, $2, $3)
       ON CONFLICT (seat_id) DO UPDATE SET seat_code = excluded.seat_code, last_seen = now()`,
      [want.seatId, centre.id, want.seatCode],
    );
    await client.query('COMMIT');
    return { centre, created };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/** Stores outbox rows; a change id the hub already has is skipped. NOTIFY reaches listeners at commit. */
export async function pushChanges(client: pg.Client, centreId: string, seatId: string, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query('BEGIN');
  try {
    // Serialises pushes so that a higher seq is never visible before a lower one: a seat that
    // pulled up to seq N can never later miss a change below N.
    await client.query('SELECT pg_advisory_xact_lock($1)', [HUB_LOCK]);
    await client.query(
      `INSERT INTO kefu_changes (centre_id, change_id, tbl, pk, op, row, changed, base, seat, seat_id, at)
       SELECT $1, u.change_id, u.tbl, u.pk, u.op, u.row, u.changed, u.base, u.seat, $2, u.at
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::bigint[])
            WITH ORDINALITY AS u(change_id, tbl, pk, op, row, changed, base, seat, at, n)
       ORDER BY u.n
       ON CONFLICT (change_id) DO NOTHING`,
      [
        centreId,
        seatId,
        rows.map((r) => r.change_id),
        rows.map((r) => r.tbl),
        rows.map((r) => r.pk),
        rows.map((r) => r.op),
        rows.map((r) => r.row),
        rows.map((r) => r.changed),
        rows.map((r) => r.base),
        rows.map((r) => r.seat),
        rows.map((r) => r.at),
      ],
    );
    await client.query(`SELECT pg_notify($1, $2)`, [HUB_CHANNEL, centreId]);
    await client.query('UPDATE kefu_seats SET last_seen = now() WHERE seat_id = $1', [seatId]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

interface ChangeRow {
  seq: string;
  change_id: string;
  tbl: string;
  pk: string;
  op: HubChange['op'];
  row: string | null;
  changed: string | null;
  base: string;
  seat: string | null;
  at: string;
}

export async function pullChanges(client: pg.Client, centreId: string, since: number, limit: number): Promise<HubChange[]> {
  const rows = (
    await client.query<ChangeRow>(
      `SELECT seq, change_id, tbl, pk, op, row, changed, base, seat, at FROM kefu_changes
       WHERE centre_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [centreId, since, limit],
    )
  ).rows;
  return rows.map((r) => ({
    seq: Number(r.seq),
    changeId: r.change_id,
    table: r.tbl,
    pk: r.pk,
    op: r.op,
    row: r.row === null ? null : (JSON.parse(r.row) as Record<string, unknown>),
    changed: r.changed === null ? null : (JSON.parse(r.changed) as string[]),
    base: Number(r.base),
    seat: r.seat,
    at: Number(r.at),
  }));
}

export async function latestSeq(client: pg.Client, centreId: string): Promise<number> {
  const r = (await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM kefu_changes WHERE centre_id = $1', [centreId])).rows[0];
  return r?.seq ? Number(r.seq) : 0;
}

export async function listen(client: pg.Client, centreId: string, wake: () => void): Promise<void> {
  client.on('notification', (n) => {
    if (n.channel === HUB_CHANNEL && n.payload === centreId) wake();
  });
  await client.query(`LISTEN ${HUB_CHANNEL}`);
}
