// A stand-in for the 'electron' module, in the spirit of electron/fiddle's tests/mocks: the shell's
// modules run under plain Node and the tests call the handlers they registered.
// Use in a test file:  vi.mock('electron', () => import('./electron-mock'));
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** An EventEmitter that also lets a test fire an event and see whether it was prevented. */
export class FakeEmitter extends EventEmitter {
  /** Emits with an event object first, as Electron does; returns true when a listener prevented it. */
  fire(name: string, event: Record<string, unknown> = {}, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { ...event, preventDefault: () => (prevented = true) };
    this.emit(name, e, ...args);
    return prevented;
  }
  listenersOf(name: string): Listener[] {
    return this.listeners(name) as Listener[];
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListener: Listener | null = null;
  setPermissionRequestHandler = vi.fn((h: Listener) => (this.permissionRequestHandler = h));
  setPermissionCheckHandler = vi.fn((h: (...args: unknown[]) => boolean) => (this.permissionCheckHandler = h));
  setDevicePermissionHandler = vi.fn((h: (...args: unknown[]) => boolean) => (this.devicePermissionHandler = h));
  webRequest = { onHeadersReceived: vi.fn((l: Listener) => (this.headersListener = l)) };
}

export class FakeWebContents extends FakeEmitter {
  session = new FakeSession();
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((h: (details: { url: string }) => { action: string }) => (this.windowOpenHandler = h));
  send = vi.fn();
  getURL = () => this.url;
  isDestroyed = () => this.destroyed;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.instances.filter((w) => !w.destroyed);
  webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  fullScreen: boolean;
  bounds: Bounds;
  loadURL = vi.fn(async (url: string) => void (this.webContents.url = url));
  loadFile = vi.fn(async (file: string) => void (this.webContents.url = `file://${file}`));
  show = vi.fn(() => void (this.visible = true));
  focus = vi.fn();
  restore = vi.fn(() => void (this.minimized = false));
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.fullScreen = options.fullscreen === true;
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    BrowserWindow.instances.push(this);
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  isFullScreen = () => this.fullScreen;
  getBounds = () => ({ ...this.bounds });
  getNormalBounds = () => ({ ...this.bounds });
  /** Simulates the user closing the window: 'close', then 'closed'. */
  closeByUser(): void {
    this.fire('close');
    this.destroyed = true;
    this.emit('closed');
  }
}

export const shell = { openExternal: vi.fn(async () => {}) };

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, h: Listener) => void ipcMain.handlers.set(channel, h)),
  removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel)),
};

export const ipcRenderer = Object.assign(new FakeEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
});
export const contextBridge = { exposeInMainWorld: vi.fn() };

export interface FakeDisplay {
  id: number;
  workArea: Bounds;
  bounds: Bounds;
}
const primary: FakeDisplay = {
  id: 1,
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
};
export const screen = {
  displays: [primary] as FakeDisplay[],
  getAllDisplays: vi.fn(() => screen.displays),
  getPrimaryDisplay: vi.fn(() => screen.displays[0] ?? primary),
  getDisplayMatching: vi.fn((r: Bounds) => {
    const inside = screen.displays.find(
      (d) => r.x >= d.bounds.x && r.x < d.bounds.x + d.bounds.width && r.y >= d.bounds.y && r.y < d.bounds.y + d.bounds.height,
    );
    return inside ?? screen.displays[0] ?? primary;
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export class Tray extends FakeEmitter {
  static instances: Tray[] = [];
  tooltip = '';
  menu: unknown = null;
  setToolTip = vi.fn((t: string) => void (this.tooltip = t));
  setContextMenu = vi.fn((m: unknown) => void (this.menu = m));
  destroy = vi.fn();
  constructor(readonly image: unknown) {
    super();
    Tray.instances.push(this);
  }
}

export const nativeImage = {
  createFromPath: vi.fn((path: string) => ({
    path,
    representations: [] as unknown[],
    isEmpty: () => false,
    toPNG: () => Buffer.from(path),
    addRepresentation(r: unknown) {
      this.representations.push(r);
    },
  })),
};

export class Notification extends FakeEmitter {
  static instances: Notification[] = [];
  static supported = true;
  static isSupported = () => Notification.supported;
  show = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    Notification.instances.push(this);
  }
}

export const powerMonitor = new FakeEmitter();

export const dialog = {
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(async (): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
};

export const app = {
  setBadgeCount: vi.fn(() => true),
  quit: vi.fn(),
  isPackaged: false,
};

/** Puts the shared fakes back to a clean state between tests. */
export function resetElectronMock(): void {
  BrowserWindow.instances = [];
  Tray.instances = [];
  Notification.instances = [];
  Notification.supported = true;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  powerMonitor.removeAllListeners();
  screen.displays = [primary];
  vi.clearAllMocks();
}
