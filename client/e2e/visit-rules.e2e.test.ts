// Visit tiers on two phones (390x844): the coordinator opens 赵玉梅's member page, sees her visit
// tier in words, reports a fall today in a small sheet, and the duty board shows the visit the
// fall made, marked 跌倒后探访. Platform staff open the county's page, set its tier A age to 75
// in the visit rules section, and see the rules as the county's own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  PHONE,
  UI_WAIT_MS,
  browserSuite,
  logIn,
  looker,
  newPhone,
  repoRoot,
  settle,
  zh,
  type A11yProblem,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'visit-rules');
const MACHINE = /mem_|site_|region_|vtask_|vraise_|FALL|WEEKLY|MONTHLY|QUARTERLY|minAge/;
const suite = browserSuite();
const problems: A11yProblem[] = [];
const ELDER = '赵玉梅';
const look = looker(shots, MACHINE, problems);

/** Once the success toast has gone (axe would measure it mid-fade). */
async function toastGone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.van-toast')].every((t) => getComputedStyle(t).display === 'none'),
    undefined,
    { timeout: UI_WAIT_MS },
  );
}

/** Scrolls the section's heading to just under the page's header. */
async function atTop(section: Locator): Promise<void> {
  await section.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 80));
}

describe('visit tiers', () => {
  it('a fall reported from the member page makes a marked task; the county sets its own A age', async () => {
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    await coord.goto('/coordinator/members');
    await settle(coord);
    await coord.locator('input[type="search"]').fill(ELDER);
    await coord.locator('.van-cell', { hasText: ELDER }).first().click();
    await coord.waitForURL('**/coordinator/members/**');
    const tier = coord.getByTestId('member-tier');
    await tier.waitFor({ timeout: UI_WAIT_MS });
    expect(await tier.innerText()).toMatch(
      /探访等级：(A 级 · 每周探访|B 级 · 每月探访|C 级 · 每季探访|不在探访名单上)/,
    );
    await look(coord, '01-member-page');

    await coord.getByRole('button', { name: zh.majorEvent.report }).click();
    const sheet = coord.getByTestId('event-sheet');
    await sheet.waitFor({ timeout: UI_WAIT_MS });
    await sheet.getByRole('button', { name: zh.majorEvent.kinds.FALL }).click();
    expect(await sheet.getByRole('button', { name: zh.majorEvent.today }).getAttribute('aria-pressed')).toBe('true');
    await sheet.locator('input').fill('在院子里摔了一跤');
    await look(coord, '02-event-sheet');
    await sheet.getByRole('button', { name: zh.majorEvent.submit }).click();
    await coord.locator('.van-toast', { hasText: '已报告' }).waitFor({ timeout: UI_WAIT_MS });
    await toastGone(coord);
    await look(coord, '03-reported');

    await coord.goto('/coordinator/duty');
    const marked = coord
      .getByTestId('duty-task')
      .filter({ hasText: ELDER })
      .filter({ hasText: zh.majorEvent.taskTag.FALL });
    await expect
      .poll(
        async () => {
          if ((await marked.count()) === 0) await coord.reload();
          return marked.count();
        },
        { timeout: UI_WAIT_MS, interval: 2000 },
      )
      .toBeGreaterThanOrEqual(1);
    await marked.first().scrollIntoViewIfNeeded();
    await look(coord, '04-duty-event-task');
    await coordCtx.close();

    // Platform staff: the county's page, its visit rules.
    const adminCtx = await newPhone(suite.browser, suite.server.url);
    const admin = await adminCtx.newPage();
    await logIn(admin, PHONE.admin);
    await admin.goto('/admin/regions');
    const county = admin.getByTestId('region-child').first();
    await county.waitFor({ timeout: UI_WAIT_MS });
    await county.click();
    const section = admin.getByTestId('visit-rules');
    await section.waitFor({ timeout: UI_WAIT_MS });
    expect(await admin.getByTestId('visit-rules-holder').innerText()).not.toBe(zh.tierRules.own);
    await atTop(section);
    await look(admin, '05-county-rules');
    await section.getByRole('button', { name: zh.tierRules.editOwn }).click();
    await admin.getByTestId('rules-a-age').locator('input').fill('75');
    await look(admin, '06-rules-edit');
    await section.getByRole('button', { name: zh.tierRules.save }).click();
    await expect
      .poll(() => admin.getByTestId('visit-rules-holder').innerText(), { timeout: UI_WAIT_MS })
      .toBe(zh.tierRules.own);
    expect(await admin.getByTestId('visit-rules-a').innerText()).toContain('75 岁及以上');
    await toastGone(admin);
    await atTop(section);
    await look(admin, '07-own-rules');
    await admin.getByTestId('visit-raise-form').scrollIntoViewIfNeeded();
    await look(admin, '08-raises');
    await adminCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
