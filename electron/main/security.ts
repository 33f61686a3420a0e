// Every security setting of the shell in one place, so a review (and a unit test) can see all of
// them together and no window can be created with different ones.
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shell, type Session, type WebContents, type WebPreferences } from 'electron';

/** Where the app's own pages come from. `devServerUrl` is set only in development. */
export interface AppOrigin {
  /** The folder holding the built pages (out/renderer). */
  rendererDir: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); never honoured in a packaged app. */
  devServerUrl?: string | null;
}

/** The renderer's pages. Anything else under out/renderer (scripts, fonts) is not a page. */
export const APP_PAGES = ['index.html', 'wallboard.html'] as const;
export type AppPage = (typeof APP_PAGES)[number];

// antd's CSS-in-JS injects <style> elements, hence style-src 'unsafe-inline'; scripts stay 'self'.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    // The spell checker downloads dictionaries from Google's servers; the app is offline-first.
    spellcheck: false,
  };
}

/** True only for the app's own pages: a built page under rendererDir, or the dev server's origin. */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === 'file:') {
    // A host would make it a UNC path (file://server/share/...), never one of ours.
    if (u.host !== '') return false;
    let path: string;
    try {
      path = fileURLToPath(u);
    } catch {
      return false;
    }
    const rel = relative(resolve(origin.rendererDir), resolve(path));
    return (APP_PAGES as readonly string[]).includes(rel) && !isAbsolute(rel);
  }
  if (!origin.devServerUrl) return false;
  const dev = parseUrl(origin.devServerUrl);
  return dev !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
}

/** Links the page may hand to the OS browser: web pages only, never file:, smb:, custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const hardenedSessions = new WeakSet<Session>();

/**
 * Denies everything a page could use to leave the app or gain powers: navigation away, new
 * windows, permissions, webviews; and adds the CSP header (the HTML carries it as a meta tag too,
 * which is what applies to file:// pages, where there are no response headers).
 */
export function harden(contents: WebContents, origin: AppOrigin, openWallboard: () => void = () => {}): void {
  const denyUnlessApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyUnlessApp(event, event.url));
  contents.on('will-frame-navigate', (event) => denyUnlessApp(event, event.url));
  contents.on('will-redirect', (event) => denyUnlessApp(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    // The page asks for the wall-board with window.open('./wallboard.html'): the shell opens (or
    // focuses) its own hardened wall-board window instead of letting the page create one.
    if (isAppUrl(url, origin) && new URL(url).pathname.endsWith('/wallboard.html')) openWallboard();
    // Links to the web (a manual, a customer's site) open in the user's browser, outside the app.
    else if (isSafeExternalUrl(url) && !isAppUrl(url, origin)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  hardenSession(contents.session);
}

export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  // The app needs no camera, microphone, geolocation, notifications-from-page (main sends them)...
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Ours replaces any CSP the response brings, whatever the header's case.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
