// A real PostgreSQL server for the hub tests, started by the test itself in a temp folder on a
// random 127.0.0.1 port, from Debian's binaries (apt: postgresql-15, which .ci/run installs).
// initdb refuses to run as root, so as root the server runs as the `postgres` OS user.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { HubConnection } from '../../../electron/core/sync/hubClient';

export interface PgServer {
  readonly port: number;
  readonly dir: string;
  connection(database?: string): HubConnection;
  /** Stops the server: 'fast' closes sessions cleanly, 'immediate' is like pulling the plug. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops and deletes everything. */
  destroy(): void;
}

/** The folder with initdb and pg_ctl, or null (with the reason) when PostgreSQL is not installed. */
export function findPgBin(): { bin: string | null; reason: string } {
  const fromEnv = process.env.KEFU_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? { bin: fromEnv, reason: '' } : { bin: null, reason: `KEFU_PG_BIN=${fromEnv} has no initdb` };
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return { bin: null, reason: `no PostgreSQL binaries under ${root} (apt-get install postgresql-15)` };
  const versions = readdirSync(root).filter((v) => Number(v) >= 15 && existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? { bin: join(root, versions[0], 'bin'), reason: '' } : { bin: null, reason: `no PostgreSQL 15 or newer under ${root}` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function runPg(bin: string, tool: string, args: string[]): void {
  const cmd = join(bin, tool);
  if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
  else execFileSync(cmd, args, { stdio: 'pipe' });
}

export const HUB_PASSWORD = 'kefu-hub-pass';

/**
 * `auth: 'password'` makes the server check passwords (scram-sha-256), as a centre's hub does;
 * the default trusts every local connection (quicker to reason about in most tests).
 */
export async function startPgServer(opts: { auth?: 'trust' | 'password' } = {}): Promise<PgServer> {
  const { bin, reason } = findPgBin();
  if (!bin) throw new Error(reason);
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pg-'));
  chmodSync(dir, 0o755);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  const auth = opts.auth === 'password' ? ['-A', 'scram-sha-256', `--pwfile=${join(dir, 'pwfile')}`] : ['-A', 'trust'];
  if (opts.auth === 'password') writeFileSync(join(dir, 'pwfile'), `${HUB_PASSWORD}\n`, { mode: 0o644 });
  runPg(bin, 'initdb', ['-D', data, ...auth, '-U', 'kefu', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
  const server: PgServer = {
    port,
    dir,
    connection: (database = 'kefu') => ({ host: '127.0.0.1', port, database, user: 'kefu', password: HUB_PASSWORD, tls: false }),
    start: () => runPg(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', options, 'start']),
    stop: (mode = 'fast') => runPg(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    destroy() {
      try {
        server.stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  const admin = new pg.Client({ ...server.connection('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE kefu');
  await admin.end();
  return server;
}
