// Image files the shell needs at run time, through electron-vite's `?asset` import: files under
// resources/ resolve to <app>/resources/... in dev and in the package (electron-builder.yml ships
// resources/*.png and unpacks them). `asarUnpack` points the path at app.asar.unpacked, because
// the OS itself reads these files (Windows toasts, Linux tray) and cannot look inside an asar.
// Kept apart from the modules under unit test, which run in plain vitest without this plugin.
import appIcon from '../../resources/icon.png?asset&asarUnpack';
import trayIcon32 from '../../resources/tray.png?asset&asarUnpack';
import trayIcon16 from '../../resources/tray-16.png?asset&asarUnpack';

export const assets = { appIcon, trayIcon16, trayIcon32 } as const;
