// The application menu. Its main job beyond the usual Edit roles (which make copy/paste work on
// macOS) is View → Wall-board with Ctrl/Cmd+Shift+B. A menu accelerator, not a global shortcut:
// the key works while the app has focus and is never stolen from other programs.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ShellLabels } from './labels';

export const WALLBOARD_ACCELERATOR = 'CmdOrCtrl+Shift+B';

export interface MenuActions {
  openWallboard(): void;
  quit(): void;
}

export function appMenuTemplate(
  labels: ShellLabels,
  actions: MenuActions,
  options: { platform: NodeJS.Platform; devTools: boolean },
): MenuItemConstructorOptions[] {
  const quit: MenuItemConstructorOptions = { label: labels.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() };
  const view: MenuItemConstructorOptions[] = [
    { id: 'wallboard', label: labels.wallboard, accelerator: WALLBOARD_ACCELERATOR, click: () => actions.openWallboard() },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  // Developer tools only in development: in the field they would let anyone poke at the bridge.
  if (options.devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') {
    template.push({ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, quit] });
  } else {
    template.push({ role: 'fileMenu', submenu: [quit] });
  }
  template.push(
    { label: labels.edit, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: labels.view, submenu: view },
    { label: labels.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
  );
  return template;
}

export function installAppMenu(labels: ShellLabels, actions: MenuActions, devTools: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(labels, actions, { platform: process.platform, devTools })));
}
