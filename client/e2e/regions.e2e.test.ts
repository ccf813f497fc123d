// A county officer's question on a phone (390x844): which elders of which village were not
// visited this month? From the sites page to coverage by region, down county, township and village
// to the village's site, and on it the unvisited elders by name. And a township officer: appointed
// on the township's page by platform staff, landing on their own township when they log in.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE, UI_WAIT_MS, browserSuite, logIn, looker, newPhone, repoRoot, zh, type A11yProblem } from './harness';

const shots = join(repoRoot, 'screenshots', 'regions');
const suite = browserSuite();
const ELDER_PHONE = '13900000007';
const problems: A11yProblem[] = [];
const look = looker(shots, /mem_|site_|region_|COUNTY|TOWNSHIP|VILLAGE/, problems);

describe('coverage by region', () => {
  it('drills from the county down to a village’s unvisited elders, by name', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.admin);
    await page.goto('/admin/sites');
    await page.getByRole('link', { name: zh.regions.link }).click();
    await page.waitForURL('**/admin/regions');
    await page.getByTestId('region-total').waitFor({ timeout: UI_WAIT_MS });
    await look(page, '01-all-regions');

    // County, township, village: each a row to tap until the village's site shows.
    for (let level = 0; level < 3 && (await page.getByTestId('region-site').count()) === 0; level++) {
      const child = page.getByTestId('region-child').first();
      await child.waitFor({ timeout: UI_WAIT_MS });
      expect(await child.innerText()).toMatch(/应探访 \d+ 人，已探访 \d+ 人/);
      await child.click();
      await page.getByTestId('region-total').waitFor({ timeout: UI_WAIT_MS });
    }
    await look(page, '02-village');
    const site = page.getByTestId('region-site').first();
    await site.click();
    await page.waitForURL('**/admin/sites/**');
    const unvisited = page.getByTestId('site-unvisited');
    await unvisited.first().waitFor({ timeout: UI_WAIT_MS });
    expect(await unvisited.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('周桂香')]));
    await look(page, '03-site-unvisited');

    await ctx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });

  it('platform staff appoint a township officer, who lands on their township and nowhere higher', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.admin);
    await page.goto('/admin/regions');
    // County, then township.
    for (let level = 0; level < 2; level++) {
      await page.getByTestId('region-child').first().click();
      await page.getByTestId('region-total').waitFor({ timeout: UI_WAIT_MS });
    }
    const staff = page.getByTestId('region-staff');
    await staff.waitFor({ timeout: UI_WAIT_MS });
    // 吴长庚's phone (an elder of the demo village) made the township's officer.
    await staff.locator('input[name="officer-phone"]').fill(ELDER_PHONE);
    await staff.getByRole('button', { name: zh.regions.staffAppoint }).click();
    await staff.locator('.staff__row').first().waitFor({ timeout: UI_WAIT_MS });
    await look(page, '04-township-staff');
    await ctx.close();

    const officerCtx = await newPhone(suite.browser, suite.server.url);
    const officer = await officerCtx.newPage();
    await logIn(officer, ELDER_PHONE);
    await officer.waitForURL('**/admin/regions');
    await officer.getByTestId('region-total').waitFor({ timeout: UI_WAIT_MS });
    expect(await officer.locator('.crumbs').innerText()).not.toContain(zh.regions.all);
    await look(officer, '05-officer-home');
    // The platform's list of every site is not theirs.
    await officer.goto('/admin/sites');
    await officer.waitForURL('**/admin/regions');
    await officerCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
