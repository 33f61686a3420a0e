// The command line, run as a user runs it, against a real data folder.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, tempDir } from './helpers';

const tmp = tempDir('kefu-cli-');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../electron/cli/index.ts'), ...args], { encoding: 'utf8' });

beforeAll(async () => {
  const t = await startCore({ dir: tmp.dir });
  t.must('users.create', { name: 'wangwei', displayName: '王伟', role: 'agent', password: 'agent-pass-1' });
  await t.close();
});
afterAll(() => tmp.remove());

describe('npm run cli', () => {
  it('--help lists the commands', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('db check');
    expect(r.stdout).toContain('db backups');
  });

  it('an unknown command prints the help and fails', () => {
    const r = cli('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('Usage:');
  });

  it('db check prints the integrity report as JSON', () => {
    const r = cli('db', 'check', '--data', tmp.dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, integrity: ['ok'], chains: expect.arrayContaining([expect.objectContaining({ table: 'audit_log', ok: true, rows: 4 })]) });
  });

  it('db check fails clearly for a folder without a database', () => {
    const r = cli('db', 'check', '--data', resolve(tmp.dir, 'nowhere'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/No Kefu Desk database at .*nowhere/);
  });

  it('stats rebuild rebuilds the statistics cache and says how many tickets it read', () => {
    const r = cli('stats', 'rebuild', '--data', tmp.dir);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ tickets: 0, rollupRows: 0, ms: expect.any(Number) });
    expect(cli('--help').stdout).toContain('stats rebuild');
  });

  it('db check detects a tampered audit row and exits 1', async () => {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(resolve(tmp.dir, 'kefu.sqlite'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET actor_id = NULL WHERE seq = 2`).run();
    db.close();
    const r = cli('db', 'check', '--data', tmp.dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, chains: expect.arrayContaining([expect.objectContaining({ table: 'audit_log', ok: false })]) });
  });
});
