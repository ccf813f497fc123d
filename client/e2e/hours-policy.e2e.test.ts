// The hours policy on a phone (390x844): platform staff open the county's page, read the policy
// in force in sentences (the defaults: 1,500 hours, 60, never, 1:1), set the county's own cap to
// 1,000 hours and bathing at 150%, and read them back as the county's own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { PHONE, UI_WAIT_MS, browserSuite, logIn, looker, newPhone, repoRoot, zh, type A11yProblem } from './harness';

const shots = join(repoRoot, 'screenshots', 'hours-policy');
const MACHINE = /region_|BATHING|MEALS|perMille|capMinutes|minWithdrawAge|expiryMonths|hoursPolicy\./;
const suite = browserSuite();
const problems: A11yProblem[] = [];
const look = looker(shots, MACHINE, problems);

async function atTop(section: Locator): Promise<void> {
  await section.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 80));
}

describe('hours policy', () => {
  it('the county reads the defaults in words and sets its own cap and a bathing rate', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const admin = await ctx.newPage();
    await logIn(admin, PHONE.admin);
    await admin.goto('/admin/regions');
    const county = admin.getByTestId('region-child').first();
    await county.waitFor({ timeout: UI_WAIT_MS });
    await county.click();
    const section = admin.getByTestId('hours-policy');
    await section.waitFor({ timeout: UI_WAIT_MS });
    const lines = () => section.getByTestId('hours-policy-line').allInnerTexts();
    await expect.poll(lines, { timeout: UI_WAIT_MS }).toContain(zh.hoursPolicy.capLine.replace('{h}', '1500'));
    expect(await lines()).toContain(zh.hoursPolicy.neverExpires);
    expect(await admin.getByTestId('hours-policy-holder').innerText()).toBe(zh.hoursPolicy.inherited);
    await atTop(section);
    await look(admin, '01-defaults');

    await section.getByRole('button', { name: zh.hoursPolicy.editOwn }).click();
    await admin.getByTestId('hours-policy-cap').locator('input').fill('1000');
    await section.locator('.van-field', { hasText: zh.categories.BATHING }).locator('input').fill('150');
    await look(admin, '02-edit');
    await section.getByRole('button', { name: zh.hoursPolicy.save }).click();
    await expect
      .poll(() => admin.getByTestId('hours-policy-holder').innerText(), { timeout: UI_WAIT_MS })
      .toBe(zh.hoursPolicy.own);
    expect(await lines()).toContain(zh.hoursPolicy.capLine.replace('{h}', '1000'));
    expect((await lines()).join('\n')).toContain(`${zh.categories.BATHING} 150%`);
    await admin.waitForFunction(
      () => [...document.querySelectorAll('.van-toast')].every((t) => getComputedStyle(t).display === 'none'),
      undefined,
      { timeout: UI_WAIT_MS },
    );
    await atTop(section);
    await look(admin, '03-own');
    await ctx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
