// window-state.json in the userData folder: where the windows were. Losing it costs a window
// position, never data, so a missing or garbled file simply means "no saved state".
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseWallboardState, type WallboardState } from './wallboard-state';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';
export const windowStateFileIn = (userDataDir: string) => join(userDataDir, WINDOW_STATE_FILE_NAME);

export interface WindowStateFile {
  wallboard: WallboardState | null;
}

export function readWindowState(file: string): WindowStateFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { wallboard: null };
  }
  const wallboard = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).wallboard : null;
  return { wallboard: parseWallboardState(wallboard) };
}

/** Written to a temp name, flushed, then renamed: a crash mid-write leaves the old file whole. */
export function writeWindowState(file: string, state: WindowStateFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify({ version: 1, ...state }, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
