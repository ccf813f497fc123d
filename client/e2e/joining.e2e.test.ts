// Joining, walked on a phone (390x844):
// - a villager asks to join from the log-in page and cannot log in yet; the coordinator, on their
//   own phone, lets them in; the villager logs in with the password they chose and says what they
//   can do and when; the coordinator posting a meal for a Tuesday morning sees them fit;
// - a volunteer who also serves another village switches site in the header, and the needs page
//   follows the site.
// No screen on the way shows an id or an API field name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD,
  PHONE,
  graphqlAt,
  logIn,
  newPhone,
  repoRoot,
  settle,
  zh,
  looker,
  type A11yProblem,
  browserSuite,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'joining');
const MACHINE = /mem_|site_|jreq_|siteId|memberId/;
const suite = browserSuite();
const problems: A11yProblem[] = [];

const look = looker(shots, MACHINE, problems);

/** The next Tuesday after today, YYYY-MM-DD in Shanghai. */
function nextTuesday(): string {
  const now = new Date();
  for (let i = 1; i <= 7; i++) {
    const at = new Date(now.getTime() + i * 86_400_000);
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)!.value;
    if (get('weekday') === 'Tue') return `${get('year')}-${get('month')}-${get('day')}`;
  }
  throw new Error('no Tuesday in a week');
}

describe('joining a village', () => {
  it('a villager asks to join, the coordinator lets them in, and they say how they can help', async () => {
    const villagerCtx = await newPhone(suite.browser, suite.server.url);
    const villager = await villagerCtx.newPage();
    await villager.goto('/login');
    await villager.getByRole('button', { name: zh.joining.askLink }).click();
    await villager.waitForURL('**/join');
    await villager.locator('input[name="name"]').fill('何秀梅');
    await villager.locator('input[name="phone"]').fill('13600000077');
    const village = villager.locator('select[name="village"]');
    await village.locator('option', { hasText: '三和村' }).first().waitFor({ state: 'attached' });
    const value = await village.locator('option', { hasText: '三和村' }).first().getAttribute('value');
    await village.selectOption(value!);
    await villager.getByRole('button', { name: zh.categories.MEALS, exact: true }).click();
    await villager.locator('input[name="password"]').fill('heximei-2026');
    await look(villager, '01-ask-to-join');
    await villager.getByRole('button', { name: zh.joining.send }).click();
    await villager.getByTestId('join-sent').waitFor();
    await look(villager, '02-asked');

    // Not yet: the phone and password do not log in.
    await villager.goto('/login');
    await villager.locator('input[name="phone"]').fill('13600000077');
    await villager.locator('input[name="password"]').fill('heximei-2026');
    await villager.getByRole('button', { name: zh.login.submit }).click();
    await villager.getByText(zh.login.wrong).waitFor();

    // The coordinator, on their own phone.
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    await coord.goto('/coordinator/more');
    await coord.getByText(zh.joining.queueTitle).click();
    await coord.waitForURL('**/coordinator/joining');
    const card = coord.getByTestId('join-request').filter({ hasText: '何秀梅' });
    await card.waitFor();
    expect(await card.innerText()).toContain(zh.categories.MEALS);
    await look(coord, '10-join-queue');
    await card.getByTestId('approve').click();
    await coord.locator('.van-dialog').getByRole('button', { name: zh.joining.approve, exact: true }).click();
    await coord.getByText(zh.joining.noneWaiting).waitFor();
    await look(coord, '11-approved');

    // Now the villager logs in, lands on the needs, and says when they are free.
    await villager.getByRole('button', { name: zh.login.submit }).click();
    await villager.waitForURL('**/volunteer/needs');
    await villager.goto('/volunteer/account');
    await villager.getByText(zh.joining.offerTitle).click();
    await villager.waitForURL('**/volunteer/offer');
    await settle(villager);
    const meals = villager.getByRole('button', { name: zh.categories.MEALS, exact: true });
    await expect.poll(() => meals.getAttribute('aria-pressed')).toBe('true');
    await villager.getByRole('button', { name: zh.joining.weekday[2], exact: true }).click();
    await villager.getByRole('button', { name: zh.joining.time.MORNING, exact: true }).click();
    await look(villager, '20-offer');
    await villager.getByRole('button', { name: zh.joining.saveOffer }).click();
    await villager.getByText(zh.joining.offerSaved).waitFor();

    // The coordinator posting a meal for next Tuesday at 09:00 sees her fit.
    await coord.goto('/coordinator/post');
    await settle(coord);
    await coord.locator('.van-cell', { hasText: '赵玉梅' }).first().click();
    await coord.locator('input[type="date"]').fill(nextTuesday());
    await coord.locator('input[type="time"]').fill('09:00');
    await expect.poll(() => coord.getByTestId('fitting').innerText(), { timeout: 20_000 }).toContain('何秀梅');
    await look(coord, '30-post-fitting');

    await coordCtx.close();
    await villagerCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });

  it('a volunteer serving two villages switches site in the header', async () => {
    const url = suite.server.url;
    const tokenOf = async (phone: string, password = PASSWORD) =>
      (
        await graphqlAt<{ login: { token: string } }>(
          url,
          'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
          { p: phone, w: password },
        )
      ).login.token;
    const admin = await tokenOf(PHONE.admin);
    const site = await graphqlAt<{ createSite: { id: string } }>(
      url,
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: '石桥村互助站', region: '平江县/三市镇/石桥村', pointsPerHour: 10 } },
      admin,
    );
    const siteId = site.createSite.id;
    const add = (input: Record<string, unknown>) =>
      graphqlAt<{ addMember: { id: string } }>(
        url,
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
        { input: { siteId, ...input } },
        admin,
      );
    await add({ name: '石协调', phone: '13800000011', password: PASSWORD, roles: ['COORDINATOR'] });
    const elder = await add({ name: '石奶奶', roles: ['ELDER'] });
    const coordinator = await tokenOf('13800000011');
    await graphqlAt(
      url,
      'mutation ($s: ID!, $p: String!) { grantSiteRole(siteId: $s, phone: $p, role: VOLUNTEER) { id } }',
      { s: siteId, p: PHONE.volunteer },
      coordinator,
    );
    await graphqlAt(
      url,
      'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }',
      {
        input: {
          siteId,
          beneficiaryId: elder.addMember.id,
          title: '石桥村送午饭',
          category: 'MEALS',
          estimatedMinutes: 30,
          startsAt: new Date(Date.now() + 26 * 3_600_000).toISOString(),
        },
      },
      coordinator,
    );

    const ctx = await newPhone(suite.browser, url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.volunteer);
    await page.waitForURL('**/volunteer/needs');
    const switcher = page.getByTestId('site-switch');
    await expect.poll(() => switcher.innerText()).toContain('三和村');
    await look(page, '40-home-site');
    await switcher.click();
    await page.locator('.van-popup').getByText('石桥村互助站').click();
    await expect.poll(() => switcher.innerText()).toContain('石桥村');
    await page.getByText('石桥村送午饭').first().waitFor();
    await look(page, '41-other-site');
    // A reload keeps the site chosen.
    await page.reload();
    await expect.poll(() => switcher.innerText()).toContain('石桥村');
    await switcher.click();
    await page.locator('.van-popup').getByText('三和村', { exact: false }).first().click();
    await expect.poll(() => switcher.innerText()).toContain('三和村');
    expect(await page.getByText('石桥村送午饭').count()).toBe(0);
    await ctx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
