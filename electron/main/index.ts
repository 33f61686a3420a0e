// The Electron shell's lifecycle: one instance, start the core (or explain why it cannot start),
// then windows, menu, tray, IPC and power events; on quit, close the core before exiting so the
// database is checkpointed. Everything with logic lives in the small modules beside this one.
import { join } from 'node:path';
import { app } from 'electron';
import { createCore, systemClock, type Core } from '../core/index';
import { printHtmlToPdf } from './pdf';
import { restoreBackup } from '../core/db/backup';
import { describeError, type Logger } from '../core/log';
import { dbFileIn, logsDirIn } from '../core/paths';
import { assets } from './assets';
import { logUncaughtErrors, shellLogger as createShellLogger } from './crash-log';
import { registerIpc } from './ipc';
import { registerReportPdf } from './reportPdf';
import { languageFromLocale, shellLabels } from './labels';
import { installAppMenu } from './menu';
import { createNotifier } from './notifications';
import { watchResume } from './power';
import { harden, type AppOrigin } from './security';
import { askWithNativeDialog, startCoreWithRecovery } from './startup-failure';
import { createAppTray, trayImage, type AppTray } from './tray';
import { createWindows, type Windows } from './windows';
import { windowStateFileIn } from './window-state-file';

const APP_USER_MODEL_ID = 'cn.kefu.desk';

const dataDir = process.env.KEFU_DATA_DIR ?? app.getPath('userData');
// Writes to the same log file as the core; used until the core (and its logger) exists.
const shellLogger: Logger = createShellLogger(logsDirIn(dataDir), systemClock);
let core: Core | null = null;
const log = (): Logger => core?.logger ?? shellLogger;
logUncaughtErrors(log);

const origin: AppOrigin = {
  rendererDir: join(__dirname, '../renderer'),
  // A packaged app ignores the variable: it would let anyone who can set an environment variable
  // load a page of their choosing into a window that has the bridge.
  devServerUrl: app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null),
};

if (!app.requestSingleInstanceLock()) {
  // Two instances would open the same SQLite file and run two schedulers; the first one wins.
  app.quit();
} else {
  main();
}

function main(): void {
  let windows: Windows | null = null;
  let tray: AppTray | null = null;

  // Every web contents, including ones we do not create ourselves, gets the same restrictions.
  app.on('web-contents-created', (_event, contents) => harden(contents, origin, () => windows?.openWallboard()));
  app.on('second-instance', () => windows?.showMainWindow());
  // Windows shows notifications only for an app with an AppUserModelID matching its shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  app.whenReady().then(async () => {
    const started = await startCoreWithRecovery({
      start: () =>
        createCore({
          dataDir,
          clock: systemClock,
          version: app.getVersion(),
          printPdf: printHtmlToPdf,
          notify: createNotifier({
            iconPath: assets.appIcon,
            onClick: ({ ticketId }) => {
              windows?.showMainWindow();
              if (ticketId) core?.requestOpenTicket(ticketId);
            },
            logError: (m, c) => log().error(m, c),
          }),
        }),
      dbFile: dbFileIn(dataDir),
      ask: askWithNativeDialog,
      restore: restoreBackup,
      now: () => systemClock.now(),
      logger: shellLogger,
    });
    if (!started) {
      app.quit();
      return;
    }
    core = started;
    const readyCore = started;

    // The windows' calls wait while an import is applied, rather than being refused.
    registerIpc({ invoke: readyCore.invokeQueued, on: readyCore.on, logger: readyCore.logger }, origin);
    registerReportPdf(origin, (m, c) => log().error(m, c));
    watchResume(readyCore, (m, c) => log().error(m, c));
    windows = createWindows({
      origin,
      preloadPath: join(__dirname, '../preload/index.cjs'),
      iconPath: assets.appIcon,
      stateFile: windowStateFileIn(app.getPath('userData')),
      logError: (m, c) => log().error(m, c),
    });
    const shown = windows;

    const status = readyCore.call('app.status', {});
    const labels = shellLabels((status.ok ? status.value.language : null) ?? languageFromLocale(app.getLocale()));
    const actions = {
      openApp: () => shown.showMainWindow(),
      openWallboard: () => shown.openWallboard(),
      quit: () => app.quit(),
    };
    installAppMenu(labels, actions, !app.isPackaged);
    tray = createAppTray(trayImage(assets.trayIcon16, assets.trayIcon32), labels, actions);
    const appTray = tray;
    // The tray shows how many open tickets are past due: recounted when tickets change or fire.
    const updateBadge = () => appTray.setTrayBadge(readyCore.breachedOpenCount());
    updateBadge();
    readyCore.on((event) => {
      if (event.type === 'ticket.changed' || event.type === 'board.changed') updateBadge();
      // A restore is staged: the core applies it when it next opens the file, so restart the app
      // (before-quit closes the core cleanly first).
      if (event.type === 'db.restoreStaged') {
        app.relaunch();
        app.quit();
        return;
      }
      if (event.type !== 'prefs.changed') return;
      const next = shellLabels(event.language);
      installAppMenu(next, actions, !app.isPackaged);
      appTray.setLabels(next);
    });

    shown.showMainWindow();
    app.on('activate', () => shown.showMainWindow());
    // Listeners are attached: what fell due while the app was closed fires now, as one summary.
    readyCore.startScheduler();
  }).catch((err: unknown) => {
    log().error('The shell failed to start', describeError(err));
    app.exit(1);
  });

  // The app lives on in the tray so reminders keep firing — except on Linux, where many desktops
  // hide tray icons and the user would have no way back to a window.
  app.on('window-all-closed', () => {
    if (process.platform === 'linux') app.quit();
  });

  // Quitting waits for the core to close (it checkpoints the WAL) exactly once, then quits again.
  // The IPC handler stays registered: a late call gets an error envelope, not a missing handler.
  let quit: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (!core || quit === 'closed') return;
    event.preventDefault();
    if (quit === 'closing') return;
    quit = 'closing';
    tray?.destroy();
    core
      .close()
      .catch((err: unknown) => log().error('Closing the core failed', describeError(err)))
      .finally(() => {
        quit = 'closed';
        app.quit();
      });
  });
}
