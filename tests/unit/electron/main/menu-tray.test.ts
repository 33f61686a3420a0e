import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, Menu, nativeImage, resetElectronMock, Tray } from '../electron-mock';
import { languageFromLocale, shellLabels, trayTooltip } from '../../../../electron/main/labels';
import { appMenuTemplate, installAppMenu, WALLBOARD_ACCELERATOR } from '../../../../electron/main/menu';
import { createAppTray, trayImage, trayMenuTemplate } from '../../../../electron/main/tray';

vi.mock('electron', () => import('../electron-mock'));

const zh = shellLabels('zh-CN');
const en = shellLabels('en');
const actions = () => ({ openApp: vi.fn(), openWallboard: vi.fn(), quit: vi.fn() });
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];

beforeEach(() => resetElectronMock());

describe('labels', () => {
  it('follow the OS locale until the user picks a language', () => {
    expect(languageFromLocale('zh-CN')).toBe('zh-CN');
    expect(languageFromLocale('zh-TW')).toBe('zh-CN');
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale('de')).toBe('en');
  });
  it('name the three tray actions in each language', () => {
    expect([zh.openApp, zh.wallboard, zh.quit]).toEqual(['打开客服台', '大屏', '退出']);
    expect([en.openApp, en.wallboard, en.quit]).toEqual(['Open Kefu Desk', 'Wall-board', 'Quit']);
  });
  it('put the product name in the tooltip, and the breached count when there is one', () => {
    expect(trayTooltip(en)).toBe('Kefu Desk 客服台');
    expect(trayTooltip(en, 0)).toBe('Kefu Desk 客服台');
    expect(trayTooltip(en, 3)).toBe('Kefu Desk 客服台 — 3 tickets past due');
    expect(trayTooltip(zh, 1)).toContain('1 个工单已超时');
  });
});

describe('the application menu', () => {
  it('has View → Wall-board on Ctrl/Cmd+Shift+B (视图 → 大屏 in Chinese)', () => {
    const a = actions();
    const template = appMenuTemplate(zh, a, { platform: 'win32', devTools: false });
    const view = template.find((m) => m.label === '视图');
    const wallboard = submenu(view).find((i) => i.id === 'wallboard');
    expect(wallboard?.label).toBe('大屏');
    expect(wallboard?.accelerator).toBe('CmdOrCtrl+Shift+B');
    expect(WALLBOARD_ACCELERATOR).toBe('CmdOrCtrl+Shift+B');
    click(wallboard);
    expect(a.openWallboard).toHaveBeenCalled();
  });
  it('offers developer tools only in development', () => {
    const roles = (devTools: boolean) =>
      appMenuTemplate(en, actions(), { platform: 'linux', devTools }).flatMap((m) => submenu(m).map((i) => i.role));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
  it('has the Edit roles (copy and paste on macOS need them) and an app menu on macOS', () => {
    const template = appMenuTemplate(en, actions(), { platform: 'darwin', devTools: false });
    expect(template[0]?.role).toBe('appMenu');
    const edit = submenu(template.find((m) => m.label === 'Edit')).map((i) => i.role);
    expect(edit).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'undo', 'redo']));
  });
  it('quits through the given action', () => {
    const a = actions();
    const file = appMenuTemplate(en, a, { platform: 'win32', devTools: false })[0];
    click(submenu(file).find((i) => i.label === 'Quit'));
    expect(a.quit).toHaveBeenCalled();
  });
  it('is installed as the application menu', () => {
    installAppMenu(en, actions(), false);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});

describe('the tray', () => {
  const image = {} as NativeImage;
  it('has Open, Wall-board and Quit, each wired to its action', () => {
    const a = actions();
    const items = trayMenuTemplate(zh, a).filter((i) => i.type !== 'separator');
    expect(items.map((i) => i.label)).toEqual(['打开客服台', '大屏', '退出']);
    items.forEach(click);
    expect(a.openApp).toHaveBeenCalled();
    expect(a.openWallboard).toHaveBeenCalled();
    expect(a.quit).toHaveBeenCalled();
  });
  it('shows the product name as its tooltip and opens the app on click', () => {
    const a = actions();
    createAppTray(image, en, a);
    const tray = Tray.instances[0]!;
    expect(tray.tooltip).toBe('Kefu Desk 客服台');
    tray.emit('click');
    expect(a.openApp).toHaveBeenCalled();
  });
  it('setTrayBadge shows the breached count in the tooltip and the badge', () => {
    const t = createAppTray(image, en, actions());
    t.setTrayBadge(4);
    expect(Tray.instances[0]!.tooltip).toBe('Kefu Desk 客服台 — 4 tickets past due');
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(4);
    t.setTrayBadge(-2);
    expect(Tray.instances[0]!.tooltip).toBe('Kefu Desk 客服台');
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(0);
  });
  it('relabels its menu when the language changes', () => {
    const t = createAppTray(image, en, actions());
    t.setLabels(zh);
    const menu = Tray.instances[0]!.menu as { template: MenuItemConstructorOptions[] };
    expect(menu.template[0]?.label).toBe('打开客服台');
    expect(Tray.instances[0]!.tooltip).toBe('客服台 Kefu Desk');
  });
  it('builds a 16 px icon with a 32 px representation for high-DPI screens', () => {
    const img = trayImage('/r/tray-16.png', '/r/tray.png') as unknown as { path: string; representations: { scaleFactor: number }[] };
    expect(img.path).toBe('/r/tray-16.png');
    expect(img.representations).toEqual([expect.objectContaining({ scaleFactor: 2 })]);
    expect(nativeImage.createFromPath).toHaveBeenCalledWith('/r/tray.png');
  });
});
