// A coordinator's corrections at 390x844, walked to their ends:
// - a need a volunteer has taken on moves to a later time (only the time and the description can
//   change now, and the page says so); "复制到群里" copies today's open needs for the chat group,
//   given names only, and the text's link, opened on a phone not logged in, lands on the need
//   after log-in;
// - an entry in a volunteer's account is undone with a reason, after a sentence that says whose
//   balance gives back how much to whom; when that balance is short, the page says so plainly and
//   nothing changes; the undoing shows in the list.
// Screenshots and axe at each step; no id or API name on any screen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PASSWORD,
  PHONE,
  axeCheck,
  browserSuite,
  graphqlAt,
  logIn,
  newPhone,
  repoRoot,
  settle,
  shoot,
  startedMinutesAgo,
  UI_WAIT_MS,
  zh,
  type A11yProblem,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'need-edit');
const suite = browserSuite();
const problems: A11yProblem[] = [];
const MACHINE = /mem_|tr_|site_|claim_|editNeed|reverseTransfer/;
/** 陈志明, a volunteer of the demo village with no minutes banked. */
const CHEN = '13900000005';
/** 刘桂兰, another volunteer. */
const LIU = '13900000004';

const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

const api = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphqlAt<T>(suite.server.url, query, variables, token);
async function tokenOf(phone: string): Promise<{ token: string; siteId: string; id: string }> {
  const r = await api<{ login: { token: string; member: { id: string; site: { id: string } } } }>(
    'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token member { id site { id } } } }',
    { p: phone, w: PASSWORD },
  );
  return { token: r.login.token, siteId: r.login.member.site.id, id: r.login.member.id };
}
async function elderId(token: string, siteId: string, name: string): Promise<string> {
  const r = await api<{ members: { edges: { node: { id: string; name: string } }[] } }>(
    'query ($s: ID!) { members(siteId: $s, first: 100) { edges { node { id name } } } }',
    { s: siteId },
    token,
  );
  return r.members.edges.find((e) => e.node.name === name)!.node.id;
}
async function postNeed(token: string, input: Record<string, unknown>): Promise<string> {
  const r = await api<{ postNeed: { id: string } }>(
    'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }',
    { input: { category: 'MEALS', estimatedMinutes: 60, ...input } },
    token,
  );
  return r.postNeed.id;
}

/**
 * The size rules where this file's new screens are (the sizes test walks the main pages): every
 * shown text at least 16 px, every button, link and input at least 48 px tall.
 */
async function sizesOk(page: Page, name: string): Promise<void> {
  const offenders = await page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('script, style, svg') || !shown(el)) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) out.push(`text ${size}px: ${n.textContent.trim().slice(0, 20)}`);
    }
    for (const el of document.querySelectorAll('button, a[href], input:not([type="hidden"]), textarea')) {
      if (!shown(el)) continue;
      const h = el.getBoundingClientRect().height;
      if (h < 48) out.push(`target ${Math.round(h)}px: ${el.tagName} ${(el.textContent ?? '').trim().slice(0, 20)}`);
    }
    return out;
  });
  expect(offenders, name).toEqual([]);
}

/** Once any toast has gone (axe would measure one mid-fade), a screenshot, axe, and no machine words. */
async function look(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.waitForFunction(
    () => [...document.querySelectorAll('.van-toast')].every((t) => getComputedStyle(t).display === 'none'),
    undefined,
    { timeout: UI_WAIT_MS, polling: 200 },
  );
  await shoot(page, shots, name);
  await sizesOk(page, name);
  problems.push(...(await axeCheck(page, name)));
  expect(await page.locator('body').innerText(), name).not.toMatch(MACHINE);
}

describe('a coordinator changes a need, shares the day, and undoes an entry', () => {
  it('moves a claimed need to a later time and copies today’s open needs for the group', async () => {
    const coordinator = await tokenOf(PHONE.coordinator);
    const volunteer = await tokenOf(PHONE.volunteer);
    const elder = await elderId(coordinator.token, coordinator.siteId, '赵玉梅');
    const today = startedMinutesAgo(0).day;
    const title = `送晚饭 ${Date.now() % 100000}`;
    const needId = await postNeed(coordinator.token, {
      siteId: coordinator.siteId,
      beneficiaryId: elder,
      title,
      slots: 2,
      startsAt: `${today}T23:30:00+08:00`,
    });
    await api('mutation ($id: ID!) { claimNeed(needId: $id) { id } }', { id: needId }, volunteer.token);

    const ctx = await newPhone(suite.browser, suite.server.url);
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const page = await ctx.newPage();
    await logIn(page, PHONE.coordinator);
    await page.goto('/coordinator/needs');
    const card = page.locator('article', { hasText: title });
    await card.waitFor();
    await card.getByRole('button', { name: zh.needEdit.edit }).click();
    await page.waitForURL(new RegExp(`/needs/${needId}\\?edit=1$`));
    const sheet = page.locator('.van-popup form');
    // Taken on by a volunteer: only the time and the description, and the page says so.
    await sheet.getByText(zh.needEdit.claimedNote).waitFor();
    expect(await sheet.locator('input[name="title"]').count()).toBe(0);
    await sheet.locator('input[type="time"]').fill('23:45');
    await look(page, '10-edit-claimed');
    await sheet.getByRole('button', { name: zh.needEdit.save }).click();
    await page.getByText(zh.needEdit.savedTold).waitFor();
    await expect.poll(() => page.locator('article').first().innerText()).toContain('23:45');
    await look(page, '11-edited');

    // Today's open needs, for the chat group: copied, and shown to select by hand as well.
    await page.goto('/coordinator/needs');
    await page.locator('article', { hasText: title }).waitFor();
    await page.getByRole('button', { name: zh.needEdit.copyForGroup }).click();
    const box = page.locator('textarea.chat-text');
    await box.waitFor();
    const text = await box.inputValue();
    const link = `${suite.server.url}/needs/${needId}`;
    const line = text.split('\n').find((l) => l.includes(title))!;
    expect(line).toMatch(new RegExp(`^\\d+\\. 23:45 玉梅 助餐·${title}，还差1人 ${link.replace(/\./g, '\\.')}$`));
    expect(text).not.toContain('赵玉梅');
    expect(text).not.toContain('13900000007');
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
    if (copied !== null) expect(copied).toBe(text);
    await look(page, '12-chat-text');
    await ctx.close();

    // The link on another volunteer's phone, not logged in: log-in first, then the need itself.
    const herCtx = await newPhone(suite.browser, suite.server.url);
    const her = await herCtx.newPage();
    await her.goto(link);
    await her.waitForURL(/\/login\?next=/);
    await her.locator('input[name="phone"]').fill(LIU);
    await her.locator('input[name="password"]').fill(PASSWORD);
    await her.getByRole('button', { name: zh.login.submit }).click();
    await her.waitForURL(new RegExp(`/needs/${needId}$`));
    await her.getByText(title).waitFor();
    await her.getByRole('button', { name: zh.needs.claim }).waitFor();
    await look(her, '13-link-opened');
    await herCtx.close();
  });

  it('undoes an entry after saying whose balance gives back what, and refuses plainly when short', async () => {
    const coordinator = await tokenOf(PHONE.coordinator);
    const chen = await tokenOf(CHEN);
    const elder = await elderId(coordinator.token, coordinator.siteId, '赵玉梅');
    // 陈志明 serves an hour, confirmed: 60 minutes in; then gives 30 of them to 刘桂兰.
    const began = startedMinutesAgo(15);
    const needId = await postNeed(coordinator.token, {
      siteId: coordinator.siteId,
      beneficiaryId: elder,
      title: '陪赵奶奶散步',
      startsAt: `${began.day}T${began.time}:00+08:00`,
    });
    const claim = await api<{ claimNeed: { id: string } }>(
      'mutation ($id: ID!) { claimNeed(needId: $id) { id } }',
      { id: needId },
      chen.token,
    );
    const claimId = claim.claimNeed.id;
    await api('mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id: claimId }, chen.token);
    await api('mutation ($id: ID!) { reportService(claimId: $id, minutes: 60) { id } }', { id: claimId }, chen.token);
    await api(
      'mutation ($id: ID!, $k: String!) { confirmService(claimId: $id, idempotencyKey: $k) { id } }',
      { id: claimId, k: `e2e-confirm-${Date.now()}` },
      coordinator.token,
    );
    const liu = await tokenOf(LIU);
    await api(
      'mutation ($to: ID!, $k: String!) { donateMinutes(toMemberId: $to, minutes: 30, idempotencyKey: $k) { id } }',
      { to: liu.id, k: `e2e-donate-${Date.now()}` },
      chen.token,
    );

    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.coordinator);
    await page.goto('/coordinator/members');
    await page.locator('.van-cell', { hasText: '陈志明' }).first().click();
    await page.waitForURL('**/coordinator/members/**');
    await page.getByText(fill(zh.corrections.title, { name: '陈志明' })).waitFor();
    await look(page, '20-account');

    const rows = page.locator('.tx__row');
    const credit = rows.filter({ hasText: zh.transferKind.SERVICE_CREDIT }).filter({ hasText: '1 小时' });
    const undoCredit = async () => {
      await credit.getByRole('button', { name: zh.corrections.undo }).click();
      const form = page.locator('.van-popup form');
      await form.waitFor();
      expect(await form.locator('.sentence').innerText()).toBe('将从陈志明的余额中扣回 1 小时，退回站点互助池。');
      await form.locator('textarea').fill('服务时间登记重复');
      return form;
    };

    // Only 30 minutes left: the hour cannot be taken back, and the page says why, plainly.
    let form = await undoCredit();
    await look(page, '21-undo-confirm');
    await form.getByRole('button', { name: zh.corrections.doUndo }).click();
    const dialog = page.locator('.van-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('陈志明的余额只剩 30 分钟，不够扣回 1 小时，所以这笔没有撤销。');
    await look(page, '22-undo-short');
    await dialog.getByRole('button', { name: zh.common.ok }).click();
    await page.locator('.van-popup .van-popup__close-icon').first().click();

    // The gift undone first: 刘桂兰 gives the 30 minutes back to 陈志明.
    const gift = rows.filter({ hasText: zh.transferKind.DONATION });
    await gift.getByRole('button', { name: zh.corrections.undo }).click();
    form = page.locator('.van-popup form');
    expect(await form.locator('.sentence').innerText()).toBe('将从刘桂兰的余额中扣回 30 分钟，退回陈志明的余额。');
    await form.locator('textarea').fill('转错人了');
    await form.getByRole('button', { name: zh.corrections.doUndo }).click();
    await page.getByText(zh.corrections.undone).first().waitFor();
    await gift.getByText(zh.corrections.reversed).waitFor();

    // Now the hour can go back to the pool; the undoing shows in the list with its reason.
    form = await undoCredit();
    await form.getByRole('button', { name: zh.corrections.doUndo }).click();
    await credit.getByText(zh.corrections.reversed).waitFor();
    await rows.filter({ hasText: '服务时间登记重复' }).filter({ hasText: zh.transferKind.REVERSAL }).waitFor();
    await expect.poll(() => page.getByTestId('balance-minutes').innerText()).toMatch(/^0/);
    await look(page, '23-undone');
    await ctx.close();

    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
