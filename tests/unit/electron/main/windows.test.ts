import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetElectronMock, screen } from '../electron-mock';
import { createWindows, MAIN_WINDOW_TITLE, pageLocation, type WindowDeps } from '../../../../electron/main/windows';
import { readWindowState, writeWindowState } from '../../../../electron/main/window-state-file';
import { webPreferences } from '../../../../electron/main/security';

vi.mock('electron', () => import('../electron-mock'));

const rendererDir = join('/app', 'out', 'renderer');
let deps: WindowDeps;
beforeEach(() => {
  resetElectronMock();
  deps = {
    origin: { rendererDir },
    preloadPath: '/app/out/preload/index.cjs',
    iconPath: '/app/resources/icon.png',
    stateFile: join(mkdtempSync(join(tmpdir(), 'kefu-windows-')), 'window-state.json'),
    logError: vi.fn(),
  };
});

const only = () => {
  const w = BrowserWindow.instances.at(-1);
  if (!w) throw new Error('no window was created');
  return w;
};

describe('pageLocation', () => {
  it('loads the built file without a dev server', () =>
    expect(pageLocation('wallboard.html', { rendererDir })).toEqual({ file: join(rendererDir, 'wallboard.html') }));
  it('loads from the dev server when there is one', () => {
    expect(pageLocation('index.html', { rendererDir, devServerUrl: 'http://localhost:5173' })).toEqual({ url: 'http://localhost:5173/index.html' });
    expect(pageLocation('wallboard.html', { rendererDir, devServerUrl: 'http://localhost:5173/' })).toEqual({ url: 'http://localhost:5173/wallboard.html' });
  });
});

describe('the main window', () => {
  it('is 1280×800, at least 1024×680, titled, hidden until ready, with the secure preferences', () => {
    createWindows(deps).showMainWindow();
    const w = only();
    expect(w.options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 680, title: MAIN_WINDOW_TITLE, show: false });
    expect(MAIN_WINDOW_TITLE).toBe('客服台 Kefu Desk');
    expect(w.options.webPreferences).toEqual(webPreferences(deps.preloadPath));
    expect(w.loadFile).toHaveBeenCalledWith(join(rendererDir, 'index.html'));
    expect(w.visible).toBe(false);
    w.emit('ready-to-show');
    expect(w.visible).toBe(true);
  });
  it('keeps its title when the page sets another', () => {
    createWindows(deps).showMainWindow();
    expect(only().fire('page-title-updated', {}, 'Something else')).toBe(true);
  });
  it('is focused, not duplicated, when shown again (second instance, tray)', () => {
    const windows = createWindows(deps);
    const first = windows.showMainWindow();
    (first as unknown as BrowserWindow).minimized = true;
    expect(windows.showMainWindow()).toBe(first);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(only().restore).toHaveBeenCalled();
    expect(only().focus).toHaveBeenCalled();
  });
  it('is created again after it was closed', () => {
    const windows = createWindows(deps);
    windows.showMainWindow();
    only().closeByUser();
    expect(windows.mainWindow()).toBeNull();
    windows.showMainWindow();
    expect(BrowserWindow.instances).toHaveLength(2);
  });
  it('logs a renderer crash', () => {
    createWindows(deps).showMainWindow();
    only().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(deps.logError).toHaveBeenCalledWith(expect.stringContaining('index.html'), { reason: 'crashed', exitCode: 1 });
  });
});

describe('the wall-board window', () => {
  const tv = { id: 7, workArea: { x: 1920, y: 0, width: 3840, height: 2160 }, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

  it('loads wallboard.html with the secure preferences', () => {
    createWindows(deps).openWallboard();
    expect(only().loadFile).toHaveBeenCalledWith(join(rendererDir, 'wallboard.html'));
    expect(only().options.webPreferences).toEqual(webPreferences(deps.preloadPath));
  });
  it('reopening focuses the existing one', () => {
    const windows = createWindows(deps);
    const first = windows.openWallboard();
    expect(windows.openWallboard()).toBe(first);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(only().focus).toHaveBeenCalled();
  });
  it('remembers its monitor, size and full-screen state across openings', () => {
    screen.displays = [screen.displays[0]!, tv];
    const windows = createWindows(deps);
    windows.openWallboard();
    const first = only();
    first.bounds = { x: 2000, y: 100, width: 1600, height: 900 };
    first.fullScreen = true;
    first.closeByUser();
    expect(readWindowState(deps.stateFile).wallboard).toEqual({
      displayId: 7,
      bounds: { x: 2000, y: 100, width: 1600, height: 900 },
      fullScreen: true,
    });
    windows.openWallboard();
    expect(only()).not.toBe(first);
    expect(only().options).toMatchObject({ x: 2000, y: 100, width: 1600, height: 900, fullscreen: true });
  });
  it('opens on a monitor that exists when the saved one is gone', () => {
    writeWindowState(deps.stateFile, { wallboard: { displayId: 7, bounds: { x: 2000, y: 100, width: 1600, height: 900 }, fullScreen: true } });
    createWindows(deps).openWallboard();
    const { x, width } = only().options as { x: number; width: number };
    expect(x + width).toBeLessThanOrEqual(1920);
    expect(only().options.fullscreen).toBe(true);
  });
  it('logs, and does not throw, when the state cannot be saved', () => {
    // A folder path that runs through a regular file: every write fails with ENOTDIR.
    const blocker = join(mkdtempSync(join(tmpdir(), 'kefu-windows-')), 'a-file');
    writeFileSync(blocker, '');
    deps.stateFile = join(blocker, 'window-state.json');
    createWindows(deps).openWallboard();
    expect(() => only().closeByUser()).not.toThrow();
    expect(deps.logError).toHaveBeenCalledWith(expect.stringContaining('wall-board'), expect.anything());
  });
});
