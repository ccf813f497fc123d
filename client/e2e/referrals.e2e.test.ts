// A follow-up referred to the township (转介), on phones: the coordinator refers it with what it
// is about and what is asked, the platform admin (township staff to come) accepts and then
// resolves it from the referrals page, and the coordinator sees it resolved, with its history, on
// the follow-up list and in the inbox.
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
  newPhone,
  repoRoot,
  settle,
  zh,
} from './harness';
import type { A11yProblem } from './harness';

const shots = join(repoRoot, 'screenshots', 'referrals');
const MACHINE = /mem_|site_|visit_|ref_|REFERRED|ACCEPTED|RESOLVED|HOUSING|followUp/;
const suite = browserSuite();
const problems: A11yProblem[] = [];
const look = looker(shots, MACHINE, problems);

/** A visit with a follow-up, recorded by the coordinator through the API: the elder's name. */
async function followUpThroughApi(url: string): Promise<string> {
  const { login } = await graphqlAt<{ login: { token: string } }>(
    url,
    'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
    { p: PHONE.coordinator, w: PASSWORD },
  );
  const { viewer } = await graphqlAt<{ viewer: { site: { id: string } } }>(
    url,
    '{ viewer { site { id } } }',
    {},
    login.token,
  );
  const { members } = await graphqlAt<{ members: { edges: { node: { id: string; name: string } }[] } }>(
    url,
    'query ($s: ID!) { members(siteId: $s, role: ELDER, first: 1) { edges { node { id name } } } }',
    { s: viewer.site.id },
    login.token,
  );
  const elder = members.edges[0]!.node;
  await graphqlAt(
    url,
    'mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }',
    {
      input: {
        elderId: elder.id,
        visitedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        note: '房顶漏雨，床铺湿了',
        followUpNeeded: true,
      },
    },
    login.token,
  );
  return elder.name;
}

describe('a referral to the township', () => {
  it('is referred by the coordinator, accepted and resolved by the admin, and seen resolved by the coordinator', async () => {
    const elder = await followUpThroughApi(suite.server.url);

    // The coordinator refers the follow-up: what it is about, and what is asked.
    const coordinator = await newPhone(suite.browser, suite.server.url);
    const page = await coordinator.newPage();
    await logIn(page, PHONE.coordinator);
    await page.goto('/coordinator/visits');
    await settle(page);
    const item = page.getByTestId('follow-up').filter({ hasText: elder });
    await item.waitFor();
    await item.scrollIntoViewIfNeeded();
    await look(page, '01-follow-up-three-ways');
    await item.getByRole('button', { name: zh.followUps.refer }).click();
    await page.getByRole('button', { name: zh.referrals.kinds.HOUSING }).click();
    const ask = page.locator('.sheet textarea');
    expect(await ask.inputValue()).toContain('房顶漏雨');
    await ask.fill('房顶漏雨，请镇里安排危房改造');
    await look(page, '02-refer-form');
    await page.getByRole('button', { name: zh.followUps.referSave, exact: true }).click();
    await expect.poll(() => item.count(), { timeout: UI_WAIT_MS }).toBe(0);
    const passed = page.getByTestId('linked-follow-up').filter({ hasText: elder });
    await passed.waitFor();
    expect(await passed.getByTestId('referral-status').innerText()).toBe(zh.referrals.status.REFERRED);
    await look(page, '03-referred');

    // The platform admin accepts it, then resolves it with a word on what was done.
    const admin = await newPhone(suite.browser, suite.server.url);
    const adminPage = await admin.newPage();
    await logIn(adminPage, PHONE.admin);
    await adminPage.goto('/admin/referrals');
    await settle(adminPage);
    const card = adminPage.locator('li.hz-card', { hasText: elder }).filter({ hasText: '危房改造' });
    await card.waitFor();
    expect(await card.innerText()).toContain(zh.referrals.kinds.HOUSING);
    await look(adminPage, '04-township-list');
    await card.getByRole('button', { name: zh.referrals.accept }).click();
    await expect
      .poll(() => card.getByTestId('referral-status').innerText(), { timeout: UI_WAIT_MS })
      .toBe(zh.referrals.status.ACCEPTED);
    await card.getByRole('button', { name: zh.referrals.resolve }).click();
    await adminPage.locator('.sheet textarea').fill('镇里已派维修队上门修好房顶');
    await look(adminPage, '05-resolve-form');
    await adminPage.getByRole('button', { name: zh.referrals.save }).click();
    // Resolved: off the list of those to act on.
    await expect.poll(() => card.count(), { timeout: UI_WAIT_MS }).toBe(0);
    await look(adminPage, '06-township-list-after');

    // The coordinator sees it resolved, with each step, and was told in the inbox.
    await page.reload();
    await settle(page);
    await passed.waitFor();
    await expect
      .poll(() => passed.getByTestId('referral-status').innerText(), { timeout: UI_WAIT_MS })
      .toBe(zh.referrals.status.RESOLVED);
    const text = await passed.innerText();
    for (const s of ['REFERRED', 'ACCEPTED', 'RESOLVED'] as const) expect(text).toContain(zh.referrals.status[s]);
    expect(text).toContain('镇里已派维修队上门修好房顶');
    await passed.scrollIntoViewIfNeeded();
    await look(page, '07-coordinator-sees-resolved');
    await page.goto('/inbox');
    await settle(page);
    await page.getByText(`${elder} 的转介：${zh.referrals.status.RESOLVED}`).first().waitFor();
    await look(page, '08-inbox');

    await coordinator.close();
    await admin.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
