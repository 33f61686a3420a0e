// The clean-shutdown marker: `kefu.sqlite.open` exists while a core has the database open and is
// removed by close() after the WAL checkpoint. Found at start-up, it means the last session was
// killed or crashed (or found damage): start-up then runs the full quick_check before opening.
import { closeSync, existsSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function sessionMarkerFile(dbFile: string): string {
  return `${dbFile}.open`;
}

/** True when the previous session did not end with close() (killed, crashed, power lost). */
export function uncleanShutdown(dbFile: string): boolean {
  return existsSync(sessionMarkerFile(dbFile));
}

/** Written and fsynced (file and folder) before the session changes anything. */
export function writeSessionMarker(dbFile: string, info: { at: number; pid?: number; reason?: string }): void {
  const fd = openSync(sessionMarkerFile(dbFile), 'w');
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, ...info }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncFolder(dirname(dbFile));
}

export function removeSessionMarker(dbFile: string): void {
  rmSync(sessionMarkerFile(dbFile), { force: true });
  syncFolder(dirname(dbFile));
}

/** Makes a create/remove in the folder durable; not possible on Windows, where it is skipped. */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a directory; NTFS journals the metadata change itself.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
