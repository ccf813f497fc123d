// Two paths that used to end in a wall, walked to their end on a phone (390x844):
// - a volunteer gives minutes to a family member found by name (no member number), reads back the
//   sentence that says who gets how much, confirms, and the recipient sees the minutes arrive;
// - the bureau's admin opens a new site, appoints its first coordinator (who then logs in with
//   the password shown once), and opens a site's row to see its report and its unvisited elders.
// No screen on the way shows an id or an API field name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PHONE,
  logIn,
  newPhone,
  parseMinutes,
  repoRoot,
  settle,
  shoot,
  zh,
  looker,
  type A11yProblem,
  browserSuite,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'people');
/** What a person must never read: a member or site id, or the API's name for the recipient. */
const MACHINE = /mem_|site_|toMemberId/;
const RECIPIENT_PHONE = '13900000004'; // 刘桂兰, a volunteer of the demo village
const suite = browserSuite();
const problems: A11yProblem[] = [];

/** A screenshot at the phone size, axe, and no id or field name anywhere in the page's text. */
const look = looker(shots, MACHINE, problems);

async function minutesOf(page: Page): Promise<number> {
  await page.goto('/volunteer/account');
  await settle(page);
  return parseMinutes(await page.getByTestId('balance-minutes').innerText());
}

describe('people found by name, sites staffed and opened', () => {
  it('a volunteer gives minutes to a family member found by name, and she sees them arrive', async () => {
    const herCtx = await newPhone(suite.browser, suite.server.url);
    const her = await herCtx.newPage();
    await logIn(her, RECIPIENT_PHONE);
    const before = await minutesOf(her);

    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    await vol.goto('/volunteer/donate');
    await settle(vol);
    const search = vol.locator('input[type="search"]');

    // Part of a phone number finds nobody, and the page says what to type instead.
    await search.fill('1390000');
    await vol.getByText(zh.donate.wholePhone).waitFor();

    // By name: her row, with a masked phone, then the sentence that names her.
    await search.fill('刘桂兰');
    await vol.locator('.van-cell', { hasText: '刘桂兰' }).first().click();
    await expect.poll(() => vol.getByTestId('donate-to').innerText()).toContain('刘桂兰（139****0004）');
    await look(vol, '10-donate-picked');

    await vol.locator('.submit').getByRole('button', { name: zh.donate.send }).click();
    const dialog = vol.locator('.van-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('将 1 小时 转赠给 刘桂兰（139****0004）');
    await look(vol, '11-donate-confirm');
    await dialog.getByRole('button', { name: zh.donate.confirmSend }).click();
    await vol.waitForURL('**/volunteer/account');
    await look(vol, '12-donate-done');

    // In her own phone: the hour is there.
    expect(await minutesOf(her)).toBe(before + 60);
    await look(her, '13-recipient-account');

    await volCtx.close();
    await herCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });

  it('the admin opens a site, appoints its first coordinator, and opens a site row', async () => {
    const adminCtx = await newPhone(suite.browser, suite.server.url);
    const admin = await adminCtx.newPage();
    await logIn(admin, PHONE.admin);
    await admin.waitForURL('**/admin/sites');
    await admin.locator('[data-testid="site-row"]').first().waitFor();
    await look(admin, '20-admin-sites');

    // A new site: created, then straight on to appointing the one who runs it.
    const siteName = '新屋村互助站';
    await admin.getByRole('button', { name: zh.admin.create }).click();
    const sheet = admin.locator('.van-popup form');
    await sheet.getByLabel(zh.fields.siteName).fill(siteName);
    await sheet.getByLabel(zh.fields.region).fill('平江县/安定镇/新屋村');
    await sheet.getByRole('button', { name: zh.admin.create }).click();
    await admin.waitForURL(/\/admin\/sites\/.+/);
    const appoint = admin.locator('.appoint');
    await appoint.getByLabel(zh.fields.name).fill('周建华');
    await appoint.getByLabel(zh.fields.phone).fill('13800000099');
    await look(admin, '21-admin-appoint');
    await appoint.getByRole('button', { name: zh.adminSite.appointSubmit, exact: true }).click();
    const password = (await admin.getByTestId('initial-password').innerText()).trim();
    expect(password).toMatch(/^[a-z]{4}[0-9]{4}$/);
    await admin.getByText(zh.adminSite.passwordOnce).waitFor();
    await look(admin, '22-admin-appointed');
    await admin.getByRole('button', { name: zh.adminSite.noted }).click();
    await admin.getByTestId('coordinator').filter({ hasText: '周建华' }).waitFor();
    await look(admin, '23-admin-new-site');

    // The new coordinator logs in on their own phone with what the admin handed over.
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await coord.goto('/login');
    await coord.locator('input[name="phone"]').fill('13800000099');
    await coord.locator('input[name="password"]').fill(password);
    await coord.getByRole('button', { name: zh.login.submit }).click();
    await coord.waitForURL('**/coordinator/queue');
    await coord.getByText(siteName).first().waitFor();
    await look(coord, '30-new-coordinator');
    await coordCtx.close();

    // Back at the list, the demo village's row opens its report and its unvisited elders by name.
    await admin.getByRole('button', { name: zh.adminSite.back }).click();
    await admin.waitForURL('**/admin/sites');
    await admin.locator('[data-testid="site-row"]', { hasText: '三和村' }).click();
    await admin.waitForURL(/\/admin\/sites\/.+/);
    await admin.getByText(zh.report.serviceTime).first().waitFor();
    await admin.getByTestId('site-unvisited').first().waitFor();
    const unvisited = await admin.getByTestId('site-unvisited').allInnerTexts();
    expect(unvisited.join('\n')).toContain('周桂香');
    await admin.getByTestId('coordinator').filter({ hasText: '李秀英' }).waitFor();
    await look(admin, '24-admin-site-report');
    await admin.getByTestId('site-unvisited').first().scrollIntoViewIfNeeded();
    await shoot(admin, shots, '25-admin-site-unvisited');
    await adminCtx.close();

    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
