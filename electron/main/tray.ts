// The tray icon: the app keeps running there (reminders and callbacks must still fire) and it is
// the way back to the main window and the wall-board.
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { trayTooltip, type ShellLabels } from './labels';

export interface TrayActions {
  openApp(): void;
  openWallboard(): void;
  quit(): void;
}

export interface AppTray {
  /** Shows how many tickets are past due (0 hides it). The SLA issue will call this. */
  setTrayBadge(count: number): void;
  /** Rebuilds the menu and tooltip, e.g. when the UI language changes. */
  setLabels(labels: ShellLabels): void;
  destroy(): void;
}

export function trayMenuTemplate(labels: ShellLabels, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: labels.openApp, click: () => actions.openApp() },
    { label: labels.wallboard, click: () => actions.openWallboard() },
    { type: 'separator' },
    { label: labels.quit, click: () => actions.quit() },
  ];
}

/** A 16 px image with a 32 px representation, so the icon is sharp on high-DPI screens too. */
export function trayImage(icon16: string, icon32: string): NativeImage {
  const image = nativeImage.createFromPath(icon16);
  const big = nativeImage.createFromPath(icon32);
  if (!big.isEmpty()) image.addRepresentation({ scaleFactor: 2, buffer: big.toPNG() });
  return image;
}

export function createAppTray(image: NativeImage, labels: ShellLabels, actions: TrayActions): AppTray {
  const tray = new Tray(image);
  let current = labels;
  let breached = 0;
  const refresh = () => {
    tray.setToolTip(trayTooltip(current, breached));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(current, actions)));
  };
  // On Windows a click on the icon is expected to bring the app back; the menu is on right-click.
  tray.on('click', () => actions.openApp());
  refresh();
  return {
    setTrayBadge(count) {
      breached = Math.max(0, Math.floor(count));
      tray.setToolTip(trayTooltip(current, breached));
      // The dock (macOS) and Unity launchers show the number; elsewhere this is a no-op.
      app.setBadgeCount(breached);
    },
    setLabels(labels) {
      current = labels;
      refresh();
    },
    destroy: () => tray.destroy(),
  };
}
