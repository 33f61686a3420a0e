// Kill the process at any moment: no acknowledged write is lost and the file stays sound.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { dbFileIn } from '../../electron/core/paths';
import { startCore, tempDir } from './helpers';

const tmp = tempDir('kefu-crash-');
afterEach(() => tmp.remove());

it('a writer killed with SIGKILL loses no acknowledged write; integrity_check is ok', async () => {
  await (await startCore({ dir: tmp.dir })).close();
  const acked: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'fixtures/writer.ts'), tmp.dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const target = 15 + Math.floor(Math.random() * 10);
  await new Promise<void>((done, fail) => {
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acked.push(l.slice(4));
      if (acked.length >= target) {
        child.kill('SIGKILL');
        done();
      }
    });
    child.on('exit', (code) => (acked.length >= target ? done() : fail(new Error(`writer exited ${code}: ${stderr}`))));
  });
  await new Promise((r) => child.once('close', r));

  const db = new Database(dbFileIn(tmp.dir));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const names = new Set(db.prepare(`SELECT name FROM users`).pluck().all() as string[]);
  for (const name of acked) expect(names.has(name), `${name} was acknowledged`).toBe(true);
  db.close();
}, 60_000);
