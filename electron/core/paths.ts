// Where a centre's data lives. The Electron shell passes app.getPath('userData'); the CLI and
// tests use the same layout so they can point at the same folder.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DB_FILE_NAME = 'kefu.sqlite';
export const dbFileIn = (dataDir: string) => join(dataDir, DB_FILE_NAME);
export const logsDirIn = (dataDir: string) => join(dataDir, 'logs');

/** The same folder Electron's userData resolves to for "Kefu Desk", so the CLI finds the app's data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KEFU_DATA_DIR) return env.KEFU_DATA_DIR;
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(appData, 'Kefu Desk');
}
