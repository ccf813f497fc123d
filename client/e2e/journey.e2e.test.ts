// The whole day in a real browser: a coordinator posts a need; a volunteer in a second browser
// sees it appear without reloading, claims it, checks in and reports 90 minutes; the coordinator
// confirms; the volunteer's balance shows the minutes and points; the volunteer redeems goods; the
// clerk sees the stock go down; the coordinator records a visit and the coverage changes.
// Every main page is screenshotted at 390x844 and 1280x800 and checked with axe-core.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PHONE,
  capture,
  logIn,
  newLaptop,
  newPhone,
  parseMinutes,
  repoRoot,
  settle,
  shoot,
  UI_WAIT_MS,
  zh,
  type A11yProblem,
  browserSuite,
  startedMinutesAgo,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'journey');
const suite = browserSuite();
const problems: A11yProblem[] = [];

async function balance(page: Page): Promise<{ minutes: number; points: number }> {
  await page.goto('/volunteer/account');
  await settle(page);
  const minutes = parseMinutes(await page.getByTestId('balance-minutes').innerText());
  const points = Number(await page.getByTestId('balance-points').innerText());
  return { minutes, points };
}

async function stockOf(page: Page, product: string): Promise<number> {
  const text = await page.locator(`[data-product="${product}"] [data-testid="stock"]`).innerText();
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

describe('a day at the mutual-aid site', () => {
  it('runs from a posted need to goods handed out and a visit recorded', async () => {
    const title = `E2E 送午饭 ${Date.now() % 100000}`;

    // The log-in page itself.
    const anon = await (await newPhone(suite.browser, suite.server.url)).newPage();
    await anon.goto('/login');
    await capture(anon, shots, '00-login', problems);
    await anon.context().close();

    // Two browsers: the coordinator on the site's laptop, the volunteer on a phone.
    const coordCtx = await newLaptop(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    expect(new URL(coord.url()).pathname).toBe('/coordinator/queue');

    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    expect(new URL(vol.url()).pathname).toBe('/volunteer/needs');
    const before = await balance(vol);
    await vol.goto('/volunteer/needs');
    await settle(vol);
    await capture(vol, shots, '10-volunteer-needs', problems);

    // 1. The coordinator posts a need in three steps.
    await coord.goto('/coordinator/post');
    await settle(coord);
    await capture(coord, shots, '20-coordinator-post-step1', problems);
    await coord.locator('.van-cell', { hasText: '赵玉梅' }).first().click();
    await coord.locator('input[name="title"]').fill(title);
    // Check-in opens 2 hours before the start and a report waits for it: a need that began a few
    // minutes ago can be walked to its end at once.
    const began = startedMinutesAgo(5);
    await coord.locator('input[type="date"]').fill(began.day);
    await coord.locator('input[type="time"]').fill(began.time);
    await capture(coord, shots, '21-coordinator-post-step2', problems);
    await coord.getByRole('button', { name: zh.common.next }).click();
    await coord.getByRole('button', { name: zh.post.submit }).click();
    await coord.getByText(zh.post.posted).waitFor();

    // 2. The volunteer sees it without a reload, and claims it.
    const card = vol.locator('article', { hasText: title });
    await card.waitFor({ timeout: UI_WAIT_MS });
    await card.getByRole('button', { name: zh.needs.claim }).click();
    await vol.locator('.van-dialog__confirm').click();
    await vol.waitForURL('**/volunteer/claims');
    const myClaim = vol.locator('article', { hasText: title });
    await myClaim.getByRole('button', { name: zh.claims.checkIn }).click();
    await myClaim.getByRole('button', { name: zh.claims.report }).click();
    await vol.getByRole('button', { name: '1 小时 30 分钟' }).click();
    await capture(vol, shots, '11-volunteer-report', problems);
    await vol.getByRole('button', { name: zh.claims.sendReport }).click();
    await myClaim.getByText(zh.claimStatus.REPORTED).waitFor();
    await capture(vol, shots, '12-volunteer-claims', problems);

    // 3. The coordinator confirms the 90 minutes (the reported service shows up live).
    await coord.goto('/coordinator/queue');
    const reported = coord.locator('article', { hasText: title });
    await reported.waitFor({ timeout: UI_WAIT_MS });
    await capture(coord, shots, '22-coordinator-queue', problems);
    await reported.getByRole('button', { name: zh.queue.confirm }).click();
    await coord.getByRole('button', { name: '确认入账 1 小时 30 分钟' }).click();
    await coord.getByText(zh.pending.done).first().waitFor();
    await reported.waitFor({ state: 'detached' });

    // 4. The volunteer's balance shows the minutes and the points.
    const after = await balance(vol);
    expect(after.minutes - before.minutes).toBe(90);
    expect(after.points).toBeGreaterThan(before.points);
    await capture(vol, shots, '13-volunteer-account', problems);

    // 5. The volunteer redeems goods: one towel.
    const product = '毛巾';
    await vol.goto('/volunteer/shop');
    await settle(vol);
    const stockBefore = await stockOf(vol, product);
    await vol.getByRole('button', { name: zh.shop.add.replace('{name}', product) }).click();
    await capture(vol, shots, '14-volunteer-shop', problems);
    await vol.locator('.cartbar').getByRole('button', { name: zh.shop.redeem }).click();
    await vol.locator('.van-dialog__confirm').click();
    await vol.getByText(zh.pending.done).first().waitFor();
    expect(await balance(vol)).toMatchObject({ points: after.points - 15 });

    // 6. The clerk sees the stock go down.
    const clerkCtx = await newPhone(suite.browser, suite.server.url);
    const clerk = await clerkCtx.newPage();
    await logIn(clerk, PHONE.clerk);
    expect(new URL(clerk.url()).pathname).toBe('/clerk/counter');
    await clerk.goto('/clerk/goods');
    await settle(clerk);
    expect(await stockOf(clerk, product)).toBe(stockBefore - 1);
    await capture(clerk, shots, '40-clerk-goods', problems);

    // 7. The coordinator records a visit in one step and the coverage changes.
    await coord.goto('/coordinator/visits');
    await settle(coord);
    const unvisitedBefore = await coord.getByTestId('unvisited').count();
    const rateBefore = await coord.getByTestId('visit-rate').innerText();
    await capture(coord, shots, '23-coordinator-visits', problems);
    await coord.getByTestId('unvisited').first().getByRole('button', { name: zh.visits.record }).click();
    await coord.getByRole('button', { name: zh.visits.save }).click();
    await expect.poll(() => coord.getByTestId('unvisited').count(), { timeout: UI_WAIT_MS }).toBe(unvisitedBefore - 1);
    expect(await coord.getByTestId('visit-rate').innerText()).not.toBe(rateBefore);

    await coordCtx.close();
    await volCtx.close();
    await clerkCtx.close();
  });

  it('every main page of every role passes axe and is screenshotted', async () => {
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    for (const [path, name] of [
      ['/volunteer/claims', '15-volunteer-claims-all'],
      ['/volunteer/donate', '16-volunteer-donate'],
      ['/volunteer/redemptions', '17-volunteer-redemptions'],
      ['/volunteer/certificate', '18-volunteer-certificate'],
    ] as const) {
      await vol.goto(path);
      await capture(vol, shots, name, problems);
    }
    await vol.getByRole('button', { name: zh.certificate.open }).click();
    await vol.locator('iframe.cert').waitFor();
    await capture(vol, shots, '19-volunteer-certificate-open', problems);
    await volCtx.close();

    const coordCtx = await newLaptop(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    for (const [path, name] of [
      ['/coordinator/members', '24-coordinator-members'],
      ['/coordinator/more', '25-coordinator-more'],
      ['/coordinator/needs', '26-coordinator-needs'],
      ['/coordinator/goods', '27-coordinator-goods'],
      ['/coordinator/report', '28-coordinator-report'],
    ] as const) {
      await coord.goto(path);
      if (path.endsWith('report')) await coord.locator('canvas').first().waitFor({ timeout: UI_WAIT_MS });
      await capture(coord, shots, name, problems);
    }
    await coord.goto('/coordinator/members');
    await coord.getByRole('button', { name: zh.members.add }).first().click();
    await capture(coord, shots, '29-coordinator-register', problems);
    await coordCtx.close();

    const clerkCtx = await newPhone(suite.browser, suite.server.url);
    const clerk = await clerkCtx.newPage();
    await logIn(clerk, PHONE.clerk);
    await clerk.getByRole('searchbox').or(clerk.locator('input[type="search"]')).first().fill('张');
    await clerk.locator('.van-cell', { hasText: '张建国' }).first().click();
    await capture(clerk, shots, '41-clerk-counter', problems);
    await clerk.goto('/clerk/redemptions');
    await capture(clerk, shots, '42-clerk-log', problems);
    await clerkCtx.close();

    const adminCtx = await newLaptop(suite.browser, suite.server.url);
    const admin = await adminCtx.newPage();
    await logIn(admin, PHONE.admin);
    expect(new URL(admin.url()).pathname).toBe('/admin/sites');
    await admin.locator('canvas').first().waitFor({ timeout: UI_WAIT_MS });
    await capture(admin, shots, '50-admin-sites', problems);
    await adminCtx.close();

    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });

  it('opens offline from cache, and a redemption made offline is sent once when the link is back', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.volunteer);
    await page.goto('/volunteer/shop');
    await settle(page);
    // The worker must be installed (its precache complete) before the link drops; bounded, so a
    // worker that never installs fails here with a clear message instead of hanging the run.
    // It must also control this page (clientsClaim), or an offline reload would not reach it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 90_000,
      polling: 500,
    });
    const product = '毛巾';
    const stockBefore = await stockOf(page, product);
    const { points } = await balance(page);
    await page.goto('/volunteer/shop');
    await settle(page);

    // The link drops; the redemption is kept, with its key, and shown as pending.
    await ctx.setOffline(true);
    await page.getByRole('button', { name: zh.shop.add.replace('{name}', product) }).click();
    await page.locator('.cartbar').getByRole('button', { name: zh.shop.redeem }).click();
    await page.locator('.van-dialog__confirm').click();
    await page.locator('.pending__item--pending').waitFor();
    await shoot(page, shots, '60-offline-pending');

    // A reload while offline: the shell comes from the service worker, the action is still there.
    await page.reload();
    await page.locator('.shell__header').waitFor();
    await page.locator('.pending__item--pending').waitFor();
    await shoot(page, shots, '61-offline-reloaded');

    // The link is back: the same request goes out and applies exactly once.
    await ctx.setOffline(false);
    await page.locator('.pending__item--done').waitFor({ timeout: 60_000 });
    expect((await balance(page)).points).toBe(points - 15);
    await page.goto('/volunteer/shop');
    await settle(page);
    expect(await stockOf(page, product)).toBe(stockBefore - 1);
    await ctx.close();
  });
});
