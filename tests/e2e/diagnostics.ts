// What a failed end-to-end test prints beside Playwright's own message, so that a failure seen once
// on CI (where tests/.tmp is gone with the checkout) can be understood from the log alone: the
// page's uncaught errors and console errors, the core's log, and the words on the screen (open
// drawers, dialogs, alerts and messages first: that is where an error shown to the user sits).
import { existsSync, readFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';

export interface PageTrouble {
  lines: string[];
}

export function watchPage(page: Page): PageTrouble {
  const trouble: PageTrouble = { lines: [] };
  page.on('pageerror', (err) => trouble.lines.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') trouble.lines.push(`console.${msg.type()}: ${msg.text()}`);
  });
  return trouble;
}

function failedTest(): string | null {
  try {
    const info = test.info();
    return info.status !== info.expectedStatus ? info.title : null;
  } catch {
    return null; // not inside a test (a script using the harness)
  }
}

const SCREEN_PARTS = ['.ant-drawer-content-wrapper:visible', '.ant-modal-content:visible', '.ant-alert:visible', '.ant-message-notice:visible', '.ant-notification-notice:visible'];

async function screenWords(page: Page): Promise<string> {
  const parts: string[] = [];
  for (const selector of SCREEN_PARTS) {
    for (const text of await page.locator(selector).allInnerTexts().catch(() => [])) parts.push(`[${selector}] ${text.replace(/\s+/g, ' ').trim()}`);
  }
  const body = await page.locator('body').innerText({ timeout: 2000 }).catch((e: unknown) => `(no body text: ${String(e)})`);
  parts.push(`[body] ${body.replace(/\s+/g, ' ').trim().slice(0, 3000)}`);
  return parts.join('\n');
}

/** Prints the page's errors, the core's log and the screen's words when the running test failed. */
export async function printIfFailed(page: Page, trouble: PageTrouble, logFile: string): Promise<void> {
  const title = failedTest();
  if (!title) return;
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '(no core log)';
  const screen = page.isClosed() ? '(page closed)' : await screenWords(page);
  console.log(
    [
      `──── diagnostics of the failed test “${title}” ────`,
      `url: ${page.isClosed() ? '(closed)' : page.url()}`,
      '── page errors and console ──',
      trouble.lines.slice(-30).join('\n') || '(none)',
      '── core log (last 40 lines) ──',
      log,
      '── on the screen ──',
      screen,
      '────',
    ].join('\n'),
  );
}
