// Where a worker thread finds better-sqlite3. In the packaged app the main bundle resolves it
// inside `resources/app.asar/node_modules/…`; electron-builder unpacks the module (asarUnpack) to
// `resources/app.asar.unpacked/node_modules/…` because a native .node file cannot be loaded from
// an archive. The main thread's require is redirected by Electron's asar support; a worker is given
// the real, unpacked path so it depends on nothing but the file system.
import { existsSync } from 'node:fs';
import { sep } from 'node:path';

const ASAR = `${sep}app.asar${sep}`;
const UNPACKED = `${sep}app.asar.unpacked${sep}`;

/** The unpacked twin of a path inside app.asar when it exists, else the path as given. */
export function unpackedPath(resolved: string, exists: (path: string) => boolean = existsSync): string {
  const at = resolved.lastIndexOf(ASAR);
  if (at < 0) return resolved;
  const unpacked = resolved.slice(0, at) + UNPACKED + resolved.slice(at + ASAR.length);
  return exists(unpacked) ? unpacked : resolved;
}

/** The better-sqlite3 entry point a worker thread should require. */
export function sqliteDriverForWorker(resolve: (id: string) => string = require.resolve): string {
  return unpackedPath(resolve('better-sqlite3'));
}
