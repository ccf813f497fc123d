// A daughter in another village pays for her mother's bath (issue 18, hours that travel): 赵丽 of
// 石门村 (the demo's second village of the county, with hours banked there) and her mother
// 赵玉梅 of 三和村. The coordinator of 三和村 records the link on the mother's page with the
// mother's consent; the daughter confirms it on 我的; the coordinator posts a bath paid by the
// daughter; the daughter agrees to pay on 我的 (the inbox asked her); 张建国 serves and reports;
// the coordinator confirms. The daughter's balance drops by the minutes, the volunteer's rises, and
// both villages' reports show the hour: withdrawn in at 三和村, owed by 石门村. She then gives her
// mother half an hour, shown as given out at 石门村 and received at 三和村.
// Screenshots and axe at each step; no id or API name on any screen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserSuite,
  capture,
  logIn,
  newLaptop,
  newPhone,
  parseMinutes,
  PHONE,
  repoRoot,
  settle,
  startedMinutesAgo,
  UI_WAIT_MS,
  zh,
  type A11yProblem,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'families');
const suite = browserSuite();
const problems: A11yProblem[] = [];
const MACHINE = /mem_|fam_|need_|site_|claim_|recordFamilyLink|consentToPay|PAYER_CONSENT/;
/** 赵丽, 赵玉梅's daughter, a volunteer of 石门村; 吴春燕, its coordinator. */
const DAUGHTER = '13900000012';
const COORDINATOR_B = '13900000011';

const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

async function minutesOn(page: Page): Promise<number> {
  await page.goto('/volunteer/account');
  await settle(page);
  return parseMinutes(await page.getByTestId('balance-minutes').innerText());
}

async function look(page: Page, name: string): Promise<void> {
  await settle(page);
  await capture(page, shots, name, problems);
  expect(await page.locator('body').innerText()).not.toMatch(MACHINE);
}

describe('a daughter in another village pays for her mother’s care', () => {
  it('links them, posts the bath paid by her, she agrees, it is served and confirmed, and both villages’ books show it', async () => {
    const title = `助浴 ${Date.now() % 100000}`;
    const coordCtx = await newLaptop(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    const daughterCtx = await newPhone(suite.browser, suite.server.url);
    const daughter = await daughterCtx.newPage();
    await logIn(daughter, DAUGHTER);
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    const daughterBefore = await minutesOn(daughter);
    const volBefore = await minutesOn(vol);
    expect(daughterBefore).toBeGreaterThanOrEqual(60);

    // 1. On the mother's page, the coordinator records her daughter by phone, with the mother's consent.
    await coord.goto('/coordinator/members');
    await settle(coord);
    await coord.locator('input[type="search"]').fill('赵玉梅');
    await coord.locator('.van-cell', { hasText: '赵玉梅' }).first().click();
    await coord.waitForURL('**/coordinator/members/**');
    const family = coord.getByTestId('family-section');
    await family.getByRole('button', { name: zh.families.add }).click();
    await family.locator('input[name="relativePhone"]').fill(DAUGHTER);
    await family.getByRole('button', { name: zh.families.relation.CHILD }).click();
    await family.getByRole('button', { name: zh.families.consentSelf }).click();
    await look(coord, '01-coordinator-records-daughter');
    await family.getByRole('button', { name: zh.families.save }).click();
    const linkRow = family.getByTestId('family-link').filter({ hasText: '赵丽' });
    await linkRow.getByText(zh.families.waitingRelative).waitFor({ timeout: UI_WAIT_MS });
    expect(await linkRow.innerText()).toContain('石门村');
    await look(coord, '02-coordinator-link-waiting');

    // 2. The daughter confirms on 我的: her mother, from her side, is her parent.
    await daughter.goto('/volunteer/account');
    const mine = daughter.getByTestId('family-section');
    const toMother = mine.getByTestId('family-link').filter({ hasText: '赵玉梅' });
    await toMother.waitFor({ timeout: UI_WAIT_MS });
    expect(await toMother.innerText()).toContain(zh.families.relation.PARENT);
    await look(daughter, '03-daughter-confirms');
    await toMother.getByRole('button', { name: zh.families.confirm }).click();
    await toMother.getByText(zh.families.inForce).waitFor({ timeout: UI_WAIT_MS });

    // 3. The coordinator posts the bath, paid by the daughter's time.
    await coord.goto('/coordinator/post');
    await settle(coord);
    await coord.locator('.van-cell', { hasText: '赵玉梅' }).first().click();
    await coord.getByRole('button', { name: zh.categories.BATHING }).click();
    await coord.locator('input[name="title"]').fill(title);
    const began = startedMinutesAgo(5);
    await coord.locator('input[type="date"]').fill(began.day);
    await coord.locator('input[type="time"]').fill(began.time);
    const payer = coord.getByTestId('payer-choice');
    await payer.getByRole('button', { name: zh.families.payerRelative }).click();
    await payer.getByRole('button', { name: /赵丽/ }).waitFor({ timeout: UI_WAIT_MS });
    await look(coord, '04-coordinator-post-paid-by-daughter');
    await coord.getByRole('button', { name: zh.common.next }).click();
    await coord.getByText(fill(zh.families.payerRelativeLine, { name: '赵丽' })).waitFor();
    await coord.getByRole('button', { name: zh.post.submit }).click();
    await coord.getByText(zh.post.posted).waitFor({ timeout: UI_WAIT_MS });

    // 4. The daughter is asked in her inbox and agrees on 我的.
    await daughter.goto('/inbox');
    await daughter
      .getByText(fill(zh.inbox.kinds.PAYMENT_CONSENT_ASKED, { name: '赵玉梅', title }))
      .waitFor({ timeout: UI_WAIT_MS });
    await look(daughter, '05-daughter-inbox');
    await daughter.goto('/volunteer/account');
    const request = daughter.getByTestId('payment-request').filter({ hasText: title });
    await request.waitFor({ timeout: UI_WAIT_MS });
    await request.getByRole('button', { name: zh.families.consent }).click();
    await request.getByText(zh.families.consented).waitFor({ timeout: UI_WAIT_MS });
    await look(daughter, '06-daughter-agreed');

    // 5. 张建国 claims, checks in and reports an hour.
    await vol.goto('/volunteer/needs');
    const card = vol.locator('article', { hasText: title });
    await card.waitFor({ timeout: UI_WAIT_MS });
    await card.getByRole('button', { name: zh.needs.claim }).click();
    await vol.locator('.van-dialog__confirm').click();
    await vol.waitForURL('**/volunteer/claims');
    const claim = vol.locator('article', { hasText: title });
    await claim.getByRole('button', { name: zh.claims.checkIn }).click();
    await claim.getByRole('button', { name: zh.claims.report }).click();
    await vol.getByRole('button', { name: '1 小时', exact: true }).click();
    await vol.getByRole('button', { name: zh.claims.sendReport }).click();
    await claim.getByText(zh.claimStatus.REPORTED).waitFor({ timeout: UI_WAIT_MS });

    // 6. The coordinator confirms the hour.
    await coord.goto('/coordinator/queue');
    const reported = coord.locator('article', { hasText: title });
    await reported.waitFor({ timeout: UI_WAIT_MS });
    await reported.getByRole('button', { name: zh.queue.confirm }).click();
    await coord.getByRole('button', { name: '确认入账 1 小时' }).click();
    await coord.getByText(zh.pending.done).first().waitFor({ timeout: UI_WAIT_MS });
    await reported.waitFor({ state: 'detached', timeout: UI_WAIT_MS });

    // 7. Her hour went to the volunteer.
    expect(await minutesOn(daughter)).toBe(daughterBefore - 60);
    await look(daughter, '07-daughter-account');
    expect(await minutesOn(vol)).toBe(volBefore + 60);

    // And a gift: half an hour of her time to her mother, from 我的.
    await daughter.goto('/volunteer/account');
    const link = daughter.getByTestId('family-link').filter({ hasText: '赵玉梅' });
    await link.getByRole('button', { name: fill(zh.families.giveTo, { name: '赵玉梅' }) }).click();
    await link.getByRole('button', { name: '30 分钟', exact: true }).click();
    await link.getByRole('button', { name: fill(zh.families.giveNow, { duration: '30 分钟' }) }).click();
    await daughter.getByText(fill(zh.families.given, { name: '赵玉梅', duration: '30 分钟' })).waitFor();
    expect(await minutesOn(daughter)).toBe(daughterBefore - 90);
    await look(daughter, '07b-daughter-gift');

    // 8. Both villages' books: 三和村 took the hour in from elsewhere; 石门村 owes it.
    await coord.goto('/coordinator/report');
    const here = coord.getByTestId('family-figures');
    await here.waitFor({ timeout: UI_WAIT_MS });
    await expect
      .poll(async () => here.locator('.figs__item', { hasText: zh.families.withdrawalIn }).innerText(), {
        timeout: UI_WAIT_MS,
      })
      .toContain('1 小时');
    expect(await here.locator('.figs__item', { hasText: zh.families.giftIn }).innerText()).toContain('30 分钟');
    await look(coord, '08-sanhe-report');
    const coordB = await (await newLaptop(suite.browser, suite.server.url)).newPage();
    await logIn(coordB, COORDINATOR_B);
    await coordB.goto('/coordinator/report');
    const there = coordB.getByTestId('family-figures');
    await there.waitFor({ timeout: UI_WAIT_MS });
    expect(await there.locator('.figs__item', { hasText: zh.families.withdrawalOwed }).innerText()).toContain('1 小时');
    expect(await there.locator('.figs__item', { hasText: zh.families.giftOut }).innerText()).toContain('30 分钟');
    await look(coordB, '09-shimen-report');

    expect(problems).toEqual([]);
  });
});
