// A member's life walked on a phone (390x844): the coordinator opens a volunteer and edits his
// address; resets his forgotten password, reading the one-time code off the screen; the volunteer,
// on his own phone, logs in with the code and sets a new password; then the coordinator
// deactivates a volunteer who moved away, after a sentence that says where her balance goes, and
// she can no longer log in. No screen shows an id or an API field name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PASSWORD,
  PHONE,
  logIn,
  newPhone,
  repoRoot,
  settle,
  zh,
  looker,
  type A11yProblem,
  browserSuite,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'member-lifecycle');
const MACHINE = /mem_|site_|DONATE_TO_POOL|deactivat/i;
const CHEN = '13900000005'; // 陈志明, a volunteer
const LIU = '13900000004'; // 刘桂兰: 240 minutes and 40 points banked
const suite = browserSuite();
const problems: A11yProblem[] = [];

const look = looker(shots, MACHINE, problems);

/** Opens a member's page from the members page, found by name, and on it the sheet of their facts. */
async function open(page: Page, name: string): Promise<void> {
  await page.goto('/coordinator/members');
  await settle(page);
  await page.locator('input[type="search"]').fill(name);
  await page.locator('.van-cell', { hasText: name }).first().click();
  await page.waitForURL('**/coordinator/members/**');
  await page.getByRole('button', { name: zh.lifecycle.manage }).click();
  await page.locator('.mdetail h2', { hasText: name }).waitFor();
}

describe("a member's life: edit, forgotten password, leaving", () => {
  it('edit -> reset password (the member logs in with the code) -> deactivate', async () => {
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);

    // Edit: a new address, saved, shown.
    await open(coord, '陈志明');
    await look(coord, '10-member-open');
    await coord.getByRole('button', { name: zh.lifecycle.edit }).click();
    await coord.locator('.eform').getByLabel(zh.fields.address).fill('三和村7组2号');
    await look(coord, '11-member-edit');
    await coord.getByRole('button', { name: zh.lifecycle.save }).click();
    await coord.locator('.mdetail .van-cell', { hasText: '三和村7组2号' }).waitFor();

    // Reset: the code in big digits, shown once.
    await coord.getByRole('button', { name: zh.lifecycle.resetPassword }).click();
    const code = (await coord.getByTestId('reset-code').innerText()).replace(/\s/g, '');
    expect(code).toMatch(/^[0-9]{8}$/);
    await look(coord, '12-reset-code');
    await coord.getByRole('button', { name: zh.lifecycle.codeDone }).click();

    // His own phone: the old password no longer works; the code and a new password do.
    const chenCtx = await newPhone(suite.browser, suite.server.url);
    const chen = await chenCtx.newPage();
    await chen.goto('/login');
    await chen.locator('input[name="phone"]').fill(CHEN);
    await chen.locator('input[name="password"]').fill(PASSWORD);
    await chen.getByRole('button', { name: zh.login.submit }).click();
    await chen.getByRole('alert').waitFor();
    await chen.getByRole('button', { name: zh.lifecycle.useCode }).click();
    await chen.locator('input[name="code"]').fill(code);
    await chen.locator('input[name="new-password"]').fill('chen-new-2026');
    await look(chen, '20-login-with-code');
    await chen.getByRole('button', { name: zh.lifecycle.codeSubmit }).click();
    await chen.waitForURL((url) => !url.pathname.startsWith('/login'));
    await look(chen, '21-logged-in-with-code');
    await chenCtx.close();

    // Leaving: the sentence says where her balance goes; then she is out of the list.
    await open(coord, '刘桂兰');
    await coord.getByRole('button', { name: zh.lifecycle.deactivate }).click();
    await expect
      .poll(() => coord.getByTestId('balance-sentence').innerText())
      .toBe('刘桂兰的 240 分钟和 40 积分将捐入站点互助池。');
    await look(coord, '30-deactivate-confirm');
    await coord.getByRole('button', { name: zh.lifecycle.confirmDeactivate }).click();
    await coord.locator('.mdetail__gone').waitFor();
    await look(coord, '31-deactivated');
    await coord.goto('/coordinator/members');
    await settle(coord);
    await expect.poll(() => coord.locator('.van-cell', { hasText: '刘桂兰' }).count()).toBe(0);
    await coord.getByRole('button', { name: zh.lifecycle.leftList }).click();
    await coord.locator('.van-cell', { hasText: '刘桂兰' }).first().waitFor();
    await look(coord, '32-left-list');

    // Her phone: the log-in is refused.
    const liuCtx = await newPhone(suite.browser, suite.server.url);
    const liu = await liuCtx.newPage();
    await liu.goto('/login');
    await liu.locator('input[name="phone"]').fill(LIU);
    await liu.locator('input[name="password"]').fill(PASSWORD);
    await liu.getByRole('button', { name: zh.login.submit }).click();
    await liu.getByRole('alert').filter({ hasText: zh.lifecycle.accountStopped }).waitFor();
    expect(liu.url()).toContain('/login');
    await liuCtx.close();

    await coordCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
