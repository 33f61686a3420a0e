// The end-to-end harness: the BUILT renderer in Debian's Chromium, served through page routing
// (no port, no server), with window.kefu bridged to a REAL core in this process. The bridge has
// the same shape as Electron's preload: invoke(method, input) and on(type, fn) → unsubscribe.
// Each launch gets a fresh data folder; the core's clock and the page's clock move together.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createCore, type Core } from '../../electron/core';
import { logsDirIn } from '../../electron/core/paths';
import { printIfFailed, watchPage } from './diagnostics';
import type { AppEvent } from '../../shared/contract';

export const APP_ORIGIN = 'http://kefu.test';
const RENDERER_DIR = resolve(__dirname, '../../out/renderer');
const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENS_DIR = resolve(__dirname, 'screens');

export interface LaunchOptions {
  /** The OS locale Chromium reports (navigator.language). Default zh-CN. */
  locale?: string;
  /** The moment both clocks start at. Default: a Tuesday morning in Shanghai. */
  time?: string;
  /** Reuse a data folder (e.g. to restart on the same database); default a fresh temp folder. */
  dataDir?: string;
  /** Which page to open first. */
  page?: 'index' | 'wallboard';
  viewport?: { width: number; height: number };
  /** Timings of the core's hub sync loop (the multi-seat tests retry sooner than a real seat). */
  hub?: { retryMs?: number; maxRetryMs?: number; pollMs?: number };
}

export interface LaunchedApp {
  page: Page;
  context: BrowserContext;
  core: Core;
  dataDir: string;
  /** Every call the pages made through window.kefu.invoke, in order, with the asking page's path. */
  invocations: { method: string; page: string }[];
  /** The instant both clocks show now (another seat launched later starts at it). */
  now(): number;
  /** Jump both clocks to an instant (timers due in between fire once, as after a sleep). */
  setTime(iso: string): Promise<void>;
  /** Move both clocks forward; timers due in between fire once (as after a short sleep). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_TIME = '2026-03-03T09:00:00+08:00';

let browser: Promise<Browser> | null = null;
function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return browser;
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}); run \`npm run build\` first.`);
  }
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kefu-e2e-'));
  const start = Date.parse(options.time ?? DEFAULT_TIME);
  // The page's fake clock keeps running at real speed after install (antd's animations need it);
  // the core's clock follows the same course: the start instant plus real time elapsed plus jumps.
  const realStart = Date.now();
  let jumped = 0;
  const clock = { now: () => start + (Date.now() - realStart) + jumped };
  const core = await createCore({ dataDir, clock, version: 'e2e', backupCheckEveryMs: 0, ...(options.hub ? { hub: options.hub } : {}) });

  const context = await (await sharedBrowser()).newContext({
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  await context.clock.install({ time: start });
  await context.route(`${APP_ORIGIN}/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: MIME[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  const invocations: LaunchedApp['invocations'] = [];
  await context.exposeBinding('__kefuInvoke', (source, method: unknown, input: unknown) => {
    invocations.push({ method: String(method), page: new URL(source.page.url()).pathname });
    return core.invokeQueued(method, input);
  });
  // The report page's PDF: in the app the main process prints the asking page with printToPDF
  // (electron/main/reportPdf.ts); here Chromium prints it with page.pdf, into the data folder.
  await context.exposeBinding('__kefuReportPdf', async (source, title: unknown) => {
    const dir = join(dataDir, 'pdf');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${String(title).replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'report'}.pdf`);
    writeFileSync(file, await source.page.pdf({ format: 'A4', printBackground: true }));
    return { ok: true, value: { file } };
  });
  await context.addInitScript(bridgeScript);
  const offEvents = core.on((event: AppEvent) => {
    for (const p of context.pages()) {
      p.evaluate((e) => (window as unknown as { __kefuEmit?: (e: unknown) => void }).__kefuEmit?.(e), event).catch(() => {});
    }
  });

  const page = await context.newPage();
  const pageTrouble = watchPage(page);
  await page.goto(`${APP_ORIGIN}/${options.page === 'wallboard' ? 'wallboard' : 'index'}.html`);
  core.startScheduler();

  return {
    page,
    context,
    core,
    dataDir,
    invocations,
    now: () => clock.now(),
    async setTime(iso) {
      const target = Date.parse(iso);
      const delta = target - clock.now();
      jumped += delta;
      if (delta > 0) await context.clock.fastForward(delta);
      else await context.clock.setSystemTime(target);
      // Like a PC waking from sleep: the core looks at what fell due meanwhile.
      core.onResume();
    },
    async advance(ms) {
      jumped += ms;
      // fastForward, not runFor: running a 1-second ticker through every second of a
      // half-hour wait re-renders the page 1,800 times and stalls a busy 2-core machine.
      await context.clock.fastForward(ms);
      core.onResume();
    },
    async close() {
      await printIfFailed(page, pageTrouble, join(logsDirIn(dataDir), 'kefu.log'));
      offEvents();
      await context.close();
      await core.close();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in every page before its scripts: the same surface Electron's preload exposes. Kept as
 * source text (not a function) so no transpiler helper (e.g. esbuild's __name) leaks into the page.
 */
const bridgeScript = `
(() => {
  const listeners = new Set();
  window.__kefuEmit = (e) => listeners.forEach((l) => l(e));
  window.kefu = Object.freeze({
    invoke: (method, input) => window.__kefuInvoke(method, input),
    saveReportPdf: (title) => window.__kefuReportPdf(String(title)),
    on(type, fn) {
      const listener = (e) => { if (e.type === type) fn(e); };
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
})();
`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Saves a screenshot under tests/e2e/screens/ (not committed) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: false });
}
