// A repeating need at a phone's size (390x844): the coordinator posts a meal round for every
// weekday at 11:00, finds its days of the next two weeks on the needs overview (each card saying
// it repeats), moves one day's time, calls off one day only, then "this and the following" from a
// later day. No screen shows an id or an API field name; axe finds nothing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PHONE,
  browserSuite,
  logIn,
  newPhone,
  repoRoot,
  settle,
  startedMinutesAgo,
  zh,
  looker,
  type A11yProblem,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'series');
const MACHINE = /need_|series_|mem_|THIS_ONE|THIS_AND_FOLLOWING|timeOfDay/;
const suite = browserSuite();
const problems: A11yProblem[] = [];

const look = looker(shots, MACHINE, problems);

/** The overview with every page of open needs shown. */
async function openNeeds(page: Page): Promise<void> {
  await page.goto('/coordinator/needs');
  await settle(page);
  const more = page.getByRole('button', { name: zh.common.more });
  while (await more.isVisible()) {
    await more.click();
    await settle(page);
  }
}

describe('a weekday meal round', () => {
  it('is posted once, shows its two weeks, and is called off one day, then from a later day', async () => {
    const title = `E2E 每日午饭 ${Date.now() % 100000}`;
    const ctx = await newPhone(suite.browser, suite.server.url);
    const coord = await ctx.newPage();
    await logIn(coord, PHONE.coordinator);

    await coord.goto('/coordinator/post');
    await settle(coord);
    await coord.locator('.van-cell', { hasText: '吴长庚' }).first().click();
    await coord.locator('input[name="title"]').fill(title);
    const tomorrow = startedMinutesAgo(-24 * 60).day;
    await coord.locator('input[type="date"]').first().fill(tomorrow);
    await coord.locator('input[type="time"]').fill('11:00');
    await coord.getByText(zh.series.repeat).click();
    for (const d of [1, 2, 3, 4, 5]) await coord.getByTestId(`weekday-${d}`).click();
    await coord.getByRole('button', { name: zh.series.endCount }).click();
    await coord.locator('input[name="count"]').fill('20');
    await look(coord, '10-post-repeat');
    await coord.getByRole('button', { name: zh.common.next }).click();
    await coord.getByText('每个工作日 11:00').waitFor();
    await look(coord, '11-post-review');
    await coord.getByRole('button', { name: zh.post.submit }).click();
    await coord.getByText(/已发布，往后两周有 \d+ 次/).waitFor();

    // Each weekday of the next two weeks is a need of its own, and says it repeats.
    await openNeeds(coord);
    const cards = coord.locator('article', { hasText: title });
    const posted = await cards.count();
    expect(posted).toBeGreaterThanOrEqual(9);
    expect(posted).toBeLessThanOrEqual(10);
    for (const text of await cards.allInnerTexts()) expect(text).toContain('重复：每个工作日 11:00');
    await look(coord, '20-overview');

    // Move the first day to 11:30, for that day only.
    await cards.first().getByRole('button', { name: zh.series.edit }).click();
    const sheet = coord.locator('.van-popup form');
    await sheet.locator('input[name="newTime"]').fill('11:30');
    await look(coord, '30-edit-time');
    await sheet.getByRole('button', { name: zh.series.save }).click();
    await coord.getByRole('status').getByText(zh.series.saved).waitFor();
    await openNeeds(coord);
    await expect.poll(async () => (await cards.first().innerText()).includes('11:30')).toBe(true);
    expect((await cards.nth(1).innerText()).includes('11:30')).toBe(false);

    // Call off the second day only: one card fewer.
    await cards.nth(1).getByRole('button', { name: zh.overview.cancel }).click();
    await coord.locator('.van-popup textarea').fill('那天食堂不开伙');
    await coord.locator('.van-popup').getByRole('button', { name: zh.series.thisOne }).waitFor();
    await look(coord, '40-cancel-one');
    await coord.locator('.van-popup form').getByRole('button', { name: zh.overview.cancel }).click();
    await coord.getByRole('status').getByText(zh.overview.cancelled).waitFor();
    await openNeeds(coord);
    await expect.poll(() => cards.count()).toBe(posted - 1);

    // From the fourth remaining day on: the first three stay.
    await cards.nth(3).getByRole('button', { name: zh.overview.cancel }).click();
    await coord.locator('.van-popup textarea').fill('老人去女儿家住了');
    await coord.locator('.van-popup').getByRole('button', { name: zh.series.thisAndFollowing }).click();
    await look(coord, '41-cancel-following');
    await coord.locator('.van-popup form').getByRole('button', { name: zh.overview.cancel }).click();
    await coord.getByRole('status').getByText(zh.overview.cancelled).waitFor();
    await openNeeds(coord);
    await expect.poll(() => cards.count()).toBe(3);
    await look(coord, '50-overview-after');
    await ctx.close();

    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
