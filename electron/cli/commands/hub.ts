// `hub connect` and `hub status`: connect this seat's centre to a PostgreSQL hub from the command
// line (the first seat uploads its centre; `--seat` on a PC not set up joins and downloads it).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from '../../core';
import { closeDatabase, openDatabase } from '../../core/db/open';
import { newId } from '../../core/ids';
import { systemClock } from '../../core/clock';
import { dbFileIn, defaultDataDir } from '../../core/paths';
import { getSetting } from '../../core/services/settings';
import { configureHub, getHubConfig } from '../../core/sync/config';
import { hubConnectionSchema } from '../../../shared/contract/hub';
import { seatCodeSchema } from '../../../shared/validation';
import { printJson, type CliCommand } from './types';

export const hubConnect: CliCommand = {
  name: 'hub connect',
  usage: 'hub connect --host <h> [--port 5432] [--database kefu] [--user kefu] [--tls] [--seat <code>] [--data <dir>]',
  summary: 'connect the centre to a PostgreSQL hub and sync once (password from $KEFU_HUB_PASSWORD or --password); --seat joins a PC not set up yet',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string', default: '5432' },
        database: { type: 'string', default: 'kefu' },
        user: { type: 'string', default: 'kefu' },
        password: { type: 'string' },
        tls: { type: 'boolean', default: false },
        seat: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const connection = hubConnectionSchema.parse({
      host: values.host ?? '',
      port: Number(values.port),
      database: values.database,
      user: values.user,
      password: values.password ?? process.env.KEFU_HUB_PASSWORD ?? '',
      tls: values.tls,
    });
    const dataDir = values.data ?? defaultDataDir();
    const core = await createCore({ dataDir });
    try {
      const setUp = getSetting(core.db, 'centre') !== null;
      if (!setUp && !values.seat) throw new Error(`${dataDir} holds no centre yet: give --seat <code> to join the centre on the hub, or set the centre up first.`);
      if (setUp && values.seat) throw new Error(`${dataDir} already holds a centre; --seat is only for a PC that joins.`);
      const join = values.seat ? { seatCode: seatCodeSchema.parse(values.seat) } : null;
      core.db.transaction(() => configureHub(core.db, connection, () => newId(systemClock), Date.now(), join))();
      core.hub.reconnect();
      await core.hub.syncNow();
      await core.hub.syncNow();
      printJson({ dataDir, ...core.hub.status() });
      return 0;
    } catch (err) {
      printJson({ dataDir, ...core.hub.status(), failed: err instanceof Error ? err.message : String(err) });
      return 1;
    } finally {
      await core.close();
    }
  },
};

export const hubStatus: CliCommand = {
  name: 'hub status',
  usage: 'hub status [--data <dir>]',
  summary: 'this seat’s hub connection (no password), changes still to send, last hub order applied',
  async run(args) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: true, allowPositionals: false });
    const file = dbFileIn(values.data ?? defaultDataDir());
    if (!existsSync(file)) throw new Error(`No Kefu Desk database at ${file}.`);
    const db = openDatabase(file, { readonly: true });
    try {
      const cfg = getHubConfig(db);
      const state = db.prepare('SELECT enabled, pulled_seq FROM sync_state WHERE id = 1').get() as { enabled: number; pulled_seq: number };
      printJson({
        configured: cfg !== null,
        hub: cfg ? { host: cfg.host, port: cfg.port, database: cfg.database, user: cfg.user, tls: cfg.tls, mode: cfg.mode, centreId: cfg.centreId, seatId: cfg.seatId } : null,
        capturing: state.enabled === 1,
        pulledSeq: state.pulled_seq,
        toSend: db.prepare('SELECT count(*) FROM sync_outbox WHERE pushed = 0').pluck().get(),
        conflicts: db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get(),
      });
      return 0;
    } finally {
      closeDatabase(db);
    }
  },
};
