import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, resetElectronMock, shell } from '../electron-mock';
import {
  CONTENT_SECURITY_POLICY,
  harden,
  hardenSession,
  isAppUrl,
  isSafeExternalUrl,
  webPreferences,
  type AppOrigin,
} from '../../../../electron/main/security';

vi.mock('electron', () => import('../electron-mock'));

const rendererDir = join('/opt', 'Kefu Desk', 'resources', 'app.asar', 'out', 'renderer');
const built: AppOrigin = { rendererDir };
const dev: AppOrigin = { rendererDir, devServerUrl: 'http://localhost:5173' };
const page = (name: string) => pathToFileURL(join(rendererDir, name)).toString();

beforeEach(() => resetElectronMock());

describe('webPreferences', () => {
  const prefs = webPreferences('/app/out/preload/index.cjs');
  it('isolates the page from the preload', () => expect(prefs.contextIsolation).toBe(true));
  it('sandboxes the renderer', () => expect(prefs.sandbox).toBe(true));
  it('gives the page no Node.js', () => expect(prefs.nodeIntegration).toBe(false));
  it('gives workers no Node.js', () => expect(prefs.nodeIntegrationInWorker).toBe(false));
  it('allows no <webview>', () => expect(prefs.webviewTag).toBe(false));
  it('keeps the same-origin policy', () => expect(prefs.webSecurity).toBe(true));
  it('refuses http content in the pages', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('turns off the spell checker (it downloads dictionaries)', () => expect(prefs.spellcheck).toBe(false));
  it('uses the given preload', () => expect(prefs.preload).toBe('/app/out/preload/index.cjs'));
  it('sets nothing else', () =>
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    ));
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the policy of the design', () =>
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ));
  it('allows no inline or eval script', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
  });
});

describe('isAppUrl', () => {
  it('accepts the two built pages, with a route in the hash or a query', () => {
    expect(isAppUrl(page('index.html'), built)).toBe(true);
    expect(isAppUrl(page('wallboard.html'), built)).toBe(true);
    expect(isAppUrl(`${page('index.html')}#/tickets/42`, built)).toBe(true);
    expect(isAppUrl(`${page('wallboard.html')}?tv=1`, built)).toBe(true);
  });
  it('refuses other files, even under the renderer folder', () => {
    expect(isAppUrl(page('assets/index-abc.js'), built)).toBe(false);
    expect(isAppUrl(page('other.html'), built)).toBe(false);
    expect(isAppUrl(pathToFileURL('/tmp/index.html').toString(), built)).toBe(false);
    expect(isAppUrl(pathToFileURL(join(rendererDir, '..', 'index.html')).toString(), built)).toBe(false);
  });
  it('refuses a path that climbs out of the renderer folder', () => {
    expect(isAppUrl(`${page('')}/../../../../../etc/index.html`, built)).toBe(false);
    expect(isAppUrl(`${page('')}/%2E%2E/index.html`, built)).toBe(false);
  });
  it('refuses a file URL with a host (a network share)', () =>
    expect(isAppUrl(page('index.html').replace('file://', 'file://evil-server'), built)).toBe(false));
  it('refuses the web, other schemes and garbage', () => {
    for (const url of ['https://example.com/index.html', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', 'devtools://x', '', 'not a url']) {
      expect(isAppUrl(url, built)).toBe(false);
    }
  });
  it('accepts the dev server origin only when one is given', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html', built)).toBe(false);
    expect(isAppUrl('http://localhost:5174/index.html', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false);
    expect(isAppUrl('ws://localhost:5173/', dev)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts http and https', () => {
    expect(isSafeExternalUrl('https://www.example.cn/help')).toBe(true);
    expect(isSafeExternalUrl('http://intranet/kb')).toBe(true);
  });
  it('refuses every other scheme and garbage', () => {
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'smb://server/share', 'javascript:alert(1)', 'ms-settings:', 'mailto:a@b.c', 'garbage', '']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});

describe('harden', () => {
  const setup = (origin: AppOrigin = built) => {
    const contents = new FakeWebContents();
    harden(contents as unknown as WebContents, origin);
    return contents;
  };

  it('denies navigation to anything but an app page', () => {
    const c = setup();
    expect(c.fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(c.fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(c.fire('will-navigate', { url: page('wallboard.html') })).toBe(false);
  });
  it('denies navigation of any frame to a non-app URL', () => {
    const c = setup();
    expect(c.fire('will-frame-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(c.fire('will-frame-navigate', { url: page('index.html') })).toBe(false);
  });
  it('denies redirects away from the app', () => {
    const c = setup(dev);
    expect(c.fire('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(c.fire('will-redirect', { url: 'http://localhost:5173/index.html' })).toBe(false);
  });
  it('denies every window.open, handing http(s) links to the OS browser', () => {
    const c = setup();
    expect(c.windowOpenHandler?.({ url: 'https://www.example.cn/help' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.example.cn/help');
  });
  it('never opens other schemes externally, and still denies them', () => {
    const c = setup();
    for (const url of ['file:///C:/evil.exe', 'javascript:alert(1)', page('index.html'), 'smb://x/y']) {
      expect(c.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
  it('turns window.open of the wall-board page into the shell\'s own wall-board window', () => {
    const contents = new FakeWebContents();
    const openWallboard = vi.fn();
    harden(contents as unknown as WebContents, built, openWallboard);
    expect(contents.windowOpenHandler?.({ url: page('wallboard.html') })).toEqual({ action: 'deny' });
    expect(openWallboard).toHaveBeenCalledTimes(1);
    expect(contents.windowOpenHandler?.({ url: page('index.html') })).toEqual({ action: 'deny' });
    expect(openWallboard).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
  it('refuses to attach a webview', () => expect(setup().fire('will-attach-webview')).toBe(true));
  it('denies every permission request', () => {
    const c = setup();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      c.session.permissionRequestHandler?.(c, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
  });
  it('answers every permission check with no', () => {
    const c = setup();
    expect(c.session.permissionCheckHandler?.(c, 'media', 'file://', {})).toBe(false);
    expect(c.session.permissionCheckHandler?.(null, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
  });
  it('denies device (USB, HID, serial) access', () => expect(setup().session.devicePermissionHandler?.({})).toBe(false));
  it('sets the CSP header on every response, replacing one the response brought', () => {
    const c = setup(dev);
    const callback = vi.fn();
    c.session.headersListener?.(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  it('sets the CSP header when the response has no headers', () => {
    const c = setup();
    const callback = vi.fn();
    c.session.headersListener?.({ url: page('index.html') }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  it('configures a shared session once, however many web contents use it', () => {
    const a = new FakeWebContents();
    const b = new FakeWebContents();
    b.session = a.session;
    harden(a as unknown as WebContents, built);
    harden(b as unknown as WebContents, built);
    hardenSession(a.session as unknown as Electron.Session);
    expect(a.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(a.session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
  });
});
