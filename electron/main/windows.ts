// The two kinds of window: the agent's main window and the supervisors' wall-board. Both get the
// same webPreferences from security.ts; the wall-board remembers its monitor, size, full screen.
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { webPreferences, type AppOrigin, type AppPage } from './security';
import { restoreWallboardPlacement, WALLBOARD_MIN_SIZE, type WallboardState } from './wallboard-state';
import { readWindowState, writeWindowState } from './window-state-file';

export const MAIN_WINDOW_TITLE = '客服台 Kefu Desk';
export const WALLBOARD_TITLE = '大屏 Wall-board — 客服台 Kefu Desk';

export interface WindowDeps {
  origin: AppOrigin;
  preloadPath: string;
  iconPath: string;
  /** userData/window-state.json */
  stateFile: string;
  logError(message: string, context?: Record<string, unknown>): void;
}

export interface Windows {
  /** Shows (creating if needed), restores and focuses the main window. */
  showMainWindow(): BrowserWindow;
  /** Opens the wall-board, or focuses it when it is already open. */
  openWallboard(): BrowserWindow;
  mainWindow(): BrowserWindow | null;
}

/** Where a page loads from: the dev server in development, the built file otherwise. */
export function pageLocation(page: AppPage, origin: AppOrigin): { url: string } | { file: string } {
  if (origin.devServerUrl) {
    const base = origin.devServerUrl.endsWith('/') ? origin.devServerUrl : `${origin.devServerUrl}/`;
    return { url: new URL(page, base).toString() };
  }
  return { file: join(origin.rendererDir, page) };
}

export function createWindows(deps: WindowDeps): Windows {
  let main: BrowserWindow | null = null;
  let wallboard: BrowserWindow | null = null;

  const load = (win: BrowserWindow, page: AppPage) => {
    const where = pageLocation(page, deps.origin);
    const loading = 'url' in where ? win.loadURL(where.url) : win.loadFile(where.file);
    loading.catch((err: unknown) => deps.logError(`Could not load ${page}`, { error: String(err) }));
    win.webContents.on('render-process-gone', (_e, details) =>
      deps.logError(`The ${page} renderer is gone`, { reason: details.reason, exitCode: details.exitCode }),
    );
  };

  const focus = (win: BrowserWindow) => {
    if (win.isMinimized()) win.restore();
    if (!win.isVisible()) win.show();
    win.focus();
  };

  const createMain = () => {
    const win = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 680,
      title: MAIN_WINDOW_TITLE,
      icon: deps.iconPath,
      // Shown on ready-to-show so the agent never sees a white flash of an empty window.
      show: false,
      webPreferences: webPreferences(deps.preloadPath),
    });
    // The window title is the product's name whatever <title> the page sets.
    win.on('page-title-updated', (e) => e.preventDefault());
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (main === win) main = null;
    });
    load(win, 'index.html');
    return win;
  };

  const createWallboard = () => {
    const saved = readWindowState(deps.stateFile).wallboard;
    const placement = restoreWallboardPlacement(saved, screen.getAllDisplays(), screen.getPrimaryDisplay());
    const win = new BrowserWindow({
      ...placement.bounds,
      minWidth: WALLBOARD_MIN_SIZE.width,
      minHeight: WALLBOARD_MIN_SIZE.height,
      fullscreen: placement.fullScreen,
      title: WALLBOARD_TITLE,
      icon: deps.iconPath,
      show: false,
      // Dark until the page paints: the wall-board is a dark screen on a big TV.
      backgroundColor: '#0b1220',
      webPreferences: webPreferences(deps.preloadPath),
    });
    win.on('page-title-updated', (e) => e.preventDefault());
    win.once('ready-to-show', () => win.show());
    // 'close', not 'closed': the window still has its bounds and full-screen state here.
    win.on('close', () => saveWallboard(win));
    win.on('closed', () => {
      if (wallboard === win) wallboard = null;
    });
    load(win, 'wallboard.html');
    return win;
  };

  const saveWallboard = (win: BrowserWindow) => {
    const state: WallboardState = {
      displayId: screen.getDisplayMatching(win.getBounds()).id,
      // The normal bounds, so leaving full screen next time returns to the size the user chose.
      bounds: win.getNormalBounds(),
      fullScreen: win.isFullScreen(),
    };
    try {
      writeWindowState(deps.stateFile, { ...readWindowState(deps.stateFile), wallboard: state });
    } catch (err) {
      deps.logError('Could not save the wall-board window state', { file: deps.stateFile, error: String(err) });
    }
  };

  return {
    showMainWindow() {
      if (!main || main.isDestroyed()) main = createMain();
      else focus(main);
      return main;
    },
    openWallboard() {
      if (!wallboard || wallboard.isDestroyed()) wallboard = createWallboard();
      else focus(wallboard);
      return wallboard;
    },
    mainWindow: () => (main && !main.isDestroyed() ? main : null),
  };
}
