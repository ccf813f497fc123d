// Visits that bank time, on a phone (390x844): the coordinator switches it on in the site's
// settings, records a visit made by the volunteer 张建国 with how long it took (a quick choice of 30
// minutes), and 张建国 then finds it in his account's history as a visit credit naming the elder.
// Screenshots and axe at each step; no screen shows an id or an API field name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE, UI_WAIT_MS, browserSuite, logIn, newPhone, repoRoot, looker, zh, type A11yProblem } from './harness';

const shots = join(repoRoot, 'screenshots', 'visit-minutes');
const MACHINE = /mem_|site_|visit_|tr_|VISIT_CREDIT|visitsBankTime/;
const suite = browserSuite();
const problems: A11yProblem[] = [];
const look = looker(shots, MACHINE, problems);

describe('visits banking time', () => {
  it('switched on, a volunteer’s visit of 30 minutes lands in their time account', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.coordinator);

    await page.goto('/coordinator/settings');
    const toggle = page.getByTestId('visits-bank-time');
    await toggle.waitFor();
    await toggle.click();
    await look(page, '01-settings-visits-bank-time');
    await page.getByRole('button', { name: zh.siteSettings.save }).click();
    await page.getByText(zh.siteSettings.saved).waitFor();

    await page.goto('/coordinator/visits');
    const row = page.getByTestId('unvisited').first();
    await row.waitFor();
    const elder = (await row.locator('.elders__name').innerText()).trim();
    await row.getByRole('button', { name: zh.visits.record }).click();
    await page.getByTestId('visit-visitor').selectOption({ label: '张建国' });
    const minutes = page.getByTestId('visit-minutes');
    await minutes.waitFor();
    // Not found at home: nothing to bank, so nothing asked.
    await page.locator('.sheet').getByText(zh.visits.foundNo).click();
    await expect.poll(() => minutes.count(), { timeout: UI_WAIT_MS }).toBe(0);
    await page.locator('.sheet').getByText(zh.visits.foundYes).click();
    // Saved without choosing: asked to choose, nothing sent.
    await page.getByRole('button', { name: zh.visits.save }).click();
    await page.getByText(zh.visits.minutesNeeded).waitFor();
    await minutes.getByRole('button', { name: '30 分钟' }).click();
    await look(page, '02-visit-sheet-minutes');
    await page.getByRole('button', { name: zh.visits.save }).click();
    await expect
      .poll(() => page.getByTestId('unvisited').filter({ hasText: elder }).count(), { timeout: UI_WAIT_MS })
      .toBe(0);

    const volunteer = await newPhone(suite.browser, suite.server.url);
    const vPage = await volunteer.newPage();
    await logIn(vPage, PHONE.volunteer);
    await vPage.goto('/volunteer/account');
    const credit = vPage.locator('.tx__row', { hasText: zh.transferKind.VISIT_CREDIT }).filter({ hasText: '分钟' });
    await credit.first().waitFor();
    expect(await credit.first().innerText()).toContain(`探访 ${elder}`);
    expect(await credit.first().innerText()).toContain('+30 分钟');
    await look(vPage, '03-account-visit-credit');

    await ctx.close();
    await volunteer.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
