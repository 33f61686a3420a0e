// The integrity worker in a packaged app: electron-builder unpacks better-sqlite3 beside app.asar
// (asarUnpack), and the worker must load it from there. A fake packaged layout stands in for the
// installed app: an app.asar file and the unpacked copy of the real module.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteDriverForWorker, unpackedPath } from '../../electron/core/db/driverPath';
import { startBackgroundQuickCheck } from '../../electron/core/db/integrityWorker';
import { tempDir } from './helpers';

const tmp = tempDir('kefu-packaged-');
afterAll(() => tmp.remove());

const resources = join(tmp.dir, 'Kefu Desk', 'resources');
const inAsar = join(resources, 'app.asar', 'node_modules', 'better-sqlite3', 'lib', 'index.js');
const unpackedModule = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');

function layOutPackagedApp(): void {
  mkdirSync(resources, { recursive: true });
  writeFileSync(join(resources, 'app.asar'), 'an archive; nothing can be required from inside it here');
  const real = dirname(require.resolve('better-sqlite3/package.json'));
  for (const part of ['package.json', 'lib', 'prebuilds']) cpSync(join(real, part), join(unpackedModule, part), { recursive: true });
}

let databases = 0;
function makeDatabase(): string {
  const file = join(tmp.dir, `kefu-${++databases}.sqlite`);
  const db = new Database(file);
  db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1), (2);');
  db.close();
  return file;
}

describe('better-sqlite3 for a worker in a packaged app', () => {
  it('leaves a path outside an archive as it is', () => expect(unpackedPath('/opt/kefu/node_modules/better-sqlite3/lib/index.js')).toBe('/opt/kefu/node_modules/better-sqlite3/lib/index.js'));

  it('keeps the archive path when nothing was unpacked (the worker then reports it cannot load)', () =>
    expect(unpackedPath(inAsar)).toBe(inAsar));

  it('maps app.asar to the unpacked twin, and the worker runs quick_check with it', async () => {
    layOutPackagedApp();
    const driver = sqliteDriverForWorker(() => inAsar);
    expect(driver).toBe(join(unpackedModule, 'lib', 'index.js'));
    const failures: string[] = [];
    const check = startBackgroundQuickCheck(makeDatabase(), (m) => failures.push(m), driver);
    expect(await check.result).toBe('ok');
    expect(failures).toEqual([]);
  });

  it('a driver that cannot be loaded leaves the file unchecked and says why', async () => {
    const failures: string[] = [];
    const check = startBackgroundQuickCheck(makeDatabase(), (m) => failures.push(m), join(tmp.dir, 'missing', 'index.js'));
    expect(await check.result).toBe('unchecked');
    expect(failures.join()).toMatch(/cannot load better-sqlite3/);
  });
});
