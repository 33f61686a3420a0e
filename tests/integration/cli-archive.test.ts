// archive create / verify and db backup / restore from the command line, against a real data folder.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER } from './samples';
import { startCore, tempDir } from './helpers';

const tmp = tempDir('kefu-cli-archive-');
const cliIn = (lang: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../electron/cli/index.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, KEFU_LANG: lang },
  });
const cli = (...args: string[]) => cliIn('en', ...args);

beforeAll(async () => {
  const t = await startCore({ dir: tmp.dir });
  t.must('tickets.create', { customer: { new: CUSTOMER }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: '重置密码', description: '' });
  await t.close();
});
afterAll(() => tmp.remove());

describe('npm run cli -- archive', () => {
  const folder = join(tmp.dir, 'out', 'kefu-archive-A1-2026-03');
  it('creates a month’s archive and verifies it against the database', () => {
    const made = cli('archive', 'create', '--month', '2026-03', '--out', join(tmp.dir, 'out'), '--data', tmp.dir);
    expect(made.status, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ name: 'kefu-archive-A1-2026-03', counts: { tickets: 1 } });
    const r = cli('archive', 'verify', `${folder}.zip`, '--data', tmp.dir);
    expect(r.status, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
  });

  it('names a changed file and exits 1', () => {
    const file = join(folder, 'data', 'tickets.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('重置密码', '重置密吗'));
    const r = cli('archive', 'verify', folder);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files).toContainEqual({ path: 'data/tickets.csv', ok: false, problem: 'changed' });
    expect(JSON.parse(r.stdout).problems).toContainEqual({
      key: 'checksumMismatch',
      params: { path: 'data/tickets.csv', manifest: 'manifest-sha256.txt' },
      message: 'data/tickets.csv does not match its checksum in manifest-sha256.txt: the file was changed.',
    });
  });

  it('says what is wrong in the CLI’s language', () => {
    const r = cliIn('zh-CN', 'archive', 'verify', folder);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).problems.map((p: { message: string }) => p.message)).toContain('data/tickets.csv 与 manifest-sha256.txt 中的校验和不符：文件已被修改。');
  });

  it('db backup makes a backup; db restore puts it back, keeping the current state', () => {
    const b = cli('db', 'backup', '--data', tmp.dir);
    expect(b.status, b.stderr).toBe(0);
    const name = JSON.parse(b.stdout).name as string;
    const r = cli('db', 'restore', name, '--data', tmp.dir);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ restored: name, keptAs: expect.stringMatching(/pre-restore\.sqlite$/) });
    expect(cli('db', 'check', '--data', tmp.dir).status).toBe(0);
  });
});
