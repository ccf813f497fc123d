// A county officer's question on a phone (390x844): which elders of which village were not
// visited? From the sites page to coverage by region with its chart of twelve months, back to
// last month, down county, township and village to the village's visits not made, by name and
// with who is paired; then the village's site with this month's unvisited elders by name. The
// same page on a laptop.
// And a township officer: appointed on the township's page by platform staff, landing on their
// own township when they log in.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD,
  PHONE,
  UI_WAIT_MS,
  browserSuite,
  graphqlAt,
  logIn,
  looker,
  newLaptop,
  newPhone,
  repoRoot,
  zh,
  type A11yProblem,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'regions');
const suite = browserSuite();
const ELDER_PHONE = '13900000007';
const problems: A11yProblem[] = [];
const look = looker(shots, /mem_|site_|region_|vtask_|COUNTY|TOWNSHIP|VILLAGE|MISSED|OPEN/, problems);

/** The coordinator pairs 吴长庚 with 张建国 and 黄淑珍 as a backup, over the API. */
async function pairWu(): Promise<void> {
  const url = suite.server.url;
  const token = (
    await graphqlAt<{ login: { token: string } }>(
      url,
      'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
      { p: PHONE.coordinator, w: PASSWORD },
    )
  ).login.token;
  const me = await graphqlAt<{ viewer: { site: { id: string } } }>(url, '{ viewer { site { id } } }', {}, token);
  const people = await graphqlAt<{ members: { edges: { node: { id: string; name: string } }[] } }>(
    url,
    'query ($s: ID!) { members(siteId: $s, first: 100) { edges { node { id name } } } }',
    { s: me.viewer.site.id },
    token,
  );
  const id = (name: string) => people.members.edges.find((e) => e.node.name === name)!.node.id;
  await graphqlAt(
    url,
    'mutation ($i: SetVisitPairInput!) { setVisitPair(input: $i) { elder { id } } }',
    { i: { elderId: id('吴长庚'), visitorId: id('张建国'), backupId: id('黄淑珍') } },
    token,
  );
}

describe('coverage by region', () => {
  it('drills from the county down to a village’s visits not made, by name and pair, under a chart', async () => {
    await pairWu();
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.admin);
    await page.goto('/admin/sites');
    await page.getByRole('link', { name: zh.regions.link }).click();
    await page.waitForURL('**/admin/regions');
    await page.getByTestId('region-total').waitFor({ timeout: UI_WAIT_MS });
    // The chart: one image with every month's figures in words.
    const chart = page.getByTestId('region-trend').getByRole('img');
    await chart.waitFor({ timeout: UI_WAIT_MS });
    expect(await chart.getAttribute('aria-label')).toMatch(/^每月探访率和服务时长：.*探访率.*服务/);
    expect(await page.getByTestId('region-trend').locator('rect').count()).toBe(12);
    await look(page, '01-all-regions');

    // Last month: the demo village's visits not made (吴长庚's month, and 周桂香's week when last
    // week ended in it).
    await page.getByRole('button', { name: zh.month.previous }).click();
    await expect
      .poll(() => page.getByTestId('region-overdue-elder').count(), { timeout: UI_WAIT_MS })
      .toBeGreaterThanOrEqual(1);

    // County, township, village: each a row to tap until the village's site shows.
    for (let level = 0; level < 3 && (await page.getByTestId('region-site').count()) === 0; level++) {
      const child = page.getByTestId('region-child').first();
      await child.waitFor({ timeout: UI_WAIT_MS });
      const text = await child.innerText();
      expect(text).toMatch(/应探访 \d+ 人，已探访 \d+ 人/);
      await child.click();
      // The level below is on screen when its name ends the path, not while the level just left
      // is still drawn (a slow machine would otherwise tap its rows again).
      const name = text.split('\n')[0]!.trim();
      await expect
        .poll(async () => (await page.locator('nav.crumbs').innerText()).trim().endsWith(name), { timeout: UI_WAIT_MS })
        .toBe(true);
      await page.getByTestId('region-total').waitFor({ timeout: UI_WAIT_MS });
    }
    const overdue = page.getByTestId('region-overdue-elder');
    const wu = overdue.filter({ hasText: '吴长庚' });
    await wu.waitFor({ timeout: UI_WAIT_MS });
    expect(await wu.innerText()).toContain('结对探访人：张建国');
    expect(await wu.innerText()).toContain('备用：黄淑珍');
    expect(await wu.innerText()).toContain(zh.regionDuty.missed);
    expect(await page.getByTestId('region-overdue').innerText()).toContain('三和村');
    await look(page, '02-village');
    await page.getByTestId('region-overdue').scrollIntoViewIfNeeded();
    await look(page, '03-village-overdue');

    const site = page.getByTestId('region-site').first();
    await site.click();
    await page.waitForURL('**/admin/sites/**');
    const unvisited = page.getByTestId('site-unvisited');
    await unvisited.first().waitFor({ timeout: UI_WAIT_MS });
    expect(await unvisited.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('周桂香')]));
    await look(page, '04-site-unvisited');
    await ctx.close();

    // The township on a laptop: the chart beside the list, nothing cut off.
    const wide = await newLaptop(suite.browser, suite.server.url);
    const lp = await wide.newPage();
    await logIn(lp, PHONE.admin);
    await lp.goto('/admin/regions');
    await lp.getByTestId('region-trend').waitFor({ timeout: UI_WAIT_MS });
    await lp.getByRole('button', { name: zh.month.previous }).click();
    await expect.poll(() => lp.getByTestId('region-overdue-elder').count(), { timeout: UI_WAIT_MS }).toBe(2);
    await look(lp, '05-laptop');
    await lp.getByTestId('region-overdue').scrollIntoViewIfNeeded();
    await look(lp, '06-laptop-overdue');
    await wide.close();

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
