// Steps shared by the end-to-end tests, written the way a person uses the screens.
import { expect, type Page } from '@playwright/test';

export const ADMIN = { name: 'admin', displayName: '张敏', password: 'admin-pass-1' };
export const AGENT = { name: 'wangwei', displayName: '王伟', password: 'agent-pass-1' };

export async function completeSetup(page: Page, centre = '华东区客服中心'): Promise<void> {
  await page.getByTestId('setup-centre').fill(centre);
  await page.getByTestId('setup-seat').fill('a1');
  await page.getByTestId('setup-admin-name').fill(ADMIN.name);
  await page.getByTestId('setup-admin-display').fill(ADMIN.displayName);
  await page.getByTestId('setup-admin-password').fill(ADMIN.password);
  await page.getByTestId('setup-admin-confirm').fill(ADMIN.password);
  await page.getByTestId('setup-submit').click();
}

export async function signIn(page: Page, who: { name: string; password: string }): Promise<void> {
  await page.getByTestId('signin-name').fill(who.name);
  await page.getByTestId('signin-password').fill(who.password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('status-bar')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.locator('.ant-dropdown-menu-item').last().click();
  await expect(page.getByTestId('signin-submit')).toBeVisible();
}

export async function chooseLanguage(page: Page, label: '简体中文' | 'English'): Promise<void> {
  await page.getByTestId('language-switch').first().click();
  await page.locator('.ant-select-item-option', { hasText: label }).click();
}

export async function addUser(page: Page, user: { name: string; displayName: string; password: string }): Promise<void> {
  await page.getByTestId('users-add').click();
  await page.getByTestId('user-form-name').fill(user.name);
  await page.getByTestId('user-form-display').fill(user.displayName);
  await page.getByTestId('user-form-password').fill(user.password);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.getByTestId('users-table')).toContainText(user.displayName);
}

/** Lets antd's open/close animations finish so screenshots show settled screens. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Closes every toast on screen, one at a time from the top. Closing one re-indexes the rest (and a
 * timed one may close itself meanwhile), so it always clicks the first one still there. A toast's
 * leave animation runs on the page's clock, which the harness stops: `advance` moves it on.
 */
export async function dismissNotices(page: Page, advance?: (ms: number) => Promise<void>): Promise<void> {
  // A toast already leaving stays in the page, hidden, until its animation ends: count the others.
  const notices = page.locator('.ant-notification-notice:visible');
  await expect(async () => {
    const close = page.locator('.ant-notification-notice-close:visible').first();
    // Dispatched to the button itself: a forced click lands on whatever covers that point (a
    // drawer's mask, the next toast sliding up), and then the toast never closes.
    if ((await close.count()) > 0) await close.dispatchEvent('click', undefined, { timeout: 2_000 });
    if (advance) await advance(500);
    await expect(notices).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Opens the seeded festival greeting rule (Settings → Callback rules already showing) and checks
 * what it was seeded with: five festivals, to key accounts; waits until the dialog has settled.
 */
export async function openFestivalRule(page: Page, row: { name: string; trigger: string; audience: string }): Promise<void> {
  const festival = page.getByTestId('callback-rules').locator('.ant-table-row', { hasText: row.name });
  await expect(festival).toContainText(row.trigger);
  await festival.getByTestId('rule-edit').click();
  await expect(page.getByTestId('rule-festivals').getByRole('checkbox', { checked: true })).toHaveCount(5);
  await expect(page.getByTestId('rule-audience')).toContainText(row.audience);
  // The modal's opening animation settled, so a screenshot shows it.
  await expect(page.locator('.ant-modal').last()).not.toHaveClass(/-(appear|enter)/);
  await expect(page.locator('.ant-modal-mask').last()).not.toHaveClass(/-(appear|enter)/);
  await settle(page);
}
