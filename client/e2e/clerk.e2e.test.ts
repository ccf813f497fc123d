// The clerk's counter walked to its end on a phone (390x844): find a villager, add goods, see who
// pays how many points before confirming, get the receipt (and its print stylesheet at 58 mm and
// A6), find it in the day's log with the day's total, undo it with a reason and see the points
// and the stock come back. Then the link drops mid-redemption: the screen says "not done, do not
// hand over" with the balance unknown until the link is back, then "done".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import {
  PHONE,
  capture,
  logIn,
  newPhone,
  repoRoot,
  settle,
  shoot,
  UI_WAIT_MS,
  zh,
  type A11yProblem,
  browserSuite,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'clerk');
const suite = browserSuite();
const problems: A11yProblem[] = [];

/** A zh-CN message with its placeholders filled. */
const say = (message: string, vars: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

const TOWEL = '毛巾';

async function stockOf(page: Page, product: string): Promise<number> {
  await page.goto('/clerk/goods');
  await settle(page);
  const text = await page.locator(`[data-product="${product}"] [data-testid="stock"]`).innerText();
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** At the counter, finds the villager by name and opens their page; returns their points. */
async function serve(page: Page, name: string): Promise<number> {
  await page.goto('/clerk/counter');
  await settle(page);
  // A finished hand-over stays on the counter (its receipt to print) until the clerk moves on.
  if (await page.getByTestId('handover').isVisible()) {
    await page.getByRole('button', { name: zh.clerkCounter.next }).click();
  }
  await page.getByRole('searchbox').or(page.locator('input[type="search"]')).first().fill(name);
  await page.locator('.van-cell', { hasText: name }).first().click();
  const points = page.getByTestId('member-points');
  await expect.poll(async () => /^\d+$/.test((await points.innerText()).trim()), { timeout: UI_WAIT_MS }).toBe(true);
  return Number((await points.innerText()).trim());
}

async function addTowels(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.getByRole('button', { name: say(zh.shop.add, { name: TOWEL }) }).click();
}

/** The receipt's width in CSS pixels as printed (96 px to the inch). */
const receiptWidth = (page: Page) => page.getByTestId('receipt').evaluate((el) => el.getBoundingClientRect().width);
const mm = (n: number) => (n * 96) / 25.4;

describe("the clerk's counter", () => {
  it('confirms who pays, prints a receipt, shows the day and its total, and undoes with points and stock back', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.clerk);
    expect(new URL(page.url()).pathname).toBe('/clerk/counter');
    const stockBefore = await stockOf(page, TOWEL);

    // The villager's points are shown as theirs, never as "my points".
    const before = await serve(page, '刘桂兰');
    expect(before).toBe(40);
    const bar = page.locator('.cartbar');
    await addTowels(page, 2);
    await expect
      .poll(() => bar.getByTestId('cart-balance').innerText())
      .toBe(say(zh.clerkCounter.balanceOf, { name: '刘桂兰', n: 40 }));
    expect(await bar.innerText()).not.toContain('我的积分');
    await capture(page, shots, '10-counter-cart', problems);

    // A confirmation that says who pays how many points, and what is left.
    await bar.getByRole('button', { name: zh.counter.handOut }).click();
    const dialog = page.locator('.van-dialog');
    await dialog.waitFor();
    const message = await dialog.locator('.van-dialog__message').innerText();
    expect(message).toContain(say(zh.clerkCounter.confirmWho, { name: '刘桂兰', total: 30 }));
    expect(message).toContain(say(zh.clerkCounter.confirmItems, { items: `${TOWEL} × 2` }));
    expect(message).toContain(say(zh.clerkCounter.confirmAfter, { n: 10 }));
    await page.waitForTimeout(400); // the dialog's fade-in
    await shoot(page, shots, '11-counter-confirm');
    await dialog.getByRole('button', { name: say(zh.clerkCounter.confirmOk, { total: 30 }) }).click();

    // Done: hand over, with the receipt.
    const handover = page.getByTestId('handover');
    await page.locator('[data-testid="handover"][data-state="done"]').waitFor();
    expect(await handover.innerText()).toContain(zh.handOver.done);
    const receipt = page.getByTestId('receipt');
    const number = (await receipt.getByTestId('receipt-number').innerText()).trim();
    expect(number).toMatch(/^\d{8}-001$/);
    expect(await receipt.getByTestId('receipt-member').innerText()).toBe('刘桂兰');
    expect(await receipt.getByTestId('receipt-total').innerText()).toBe(say(zh.units.points, { n: 30 }));
    expect(await receipt.getByTestId('receipt-balance').innerText()).toBe(say(zh.units.points, { n: 10 }));
    expect(await receipt.innerText()).toContain(`${TOWEL} × 2`);
    expect(await receipt.innerText()).toContain('三和村');
    await capture(page, shots, '12-counter-done-receipt', problems);

    // Printed, the receipt is 58 mm wide and alone on the paper; A6 when that paper is chosen.
    const onScreen = await receiptWidth(page);
    await page.emulateMedia({ media: 'print' });
    expect(Math.abs((await receiptWidth(page)) - mm(58))).toBeLessThan(1);
    await shoot(page, shots, '13-receipt-printed-58mm');
    expect(await page.locator('.shell__header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: zh.receipt.print58 }).isVisible()).toBe(false);
    expect(await handover.isVisible()).toBe(false);
    await page.evaluate(() => (document.documentElement.dataset.print = 'a6'));
    expect(Math.abs((await receiptWidth(page)) - mm(105))).toBeLessThan(1);
    await shoot(page, shots, '14-receipt-printed-a6');
    // On paper too: an A6 page (105 x 148 mm, about 298 x 420 pt), whatever the printer's default is.
    const a6 = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(a6).toMatch(/\/MediaBox\s*\[\s*0 0 29[78](\.\d+)? (41[89]|420)(\.\d+)?\s*\]/);
    await page.evaluate(() => delete document.documentElement.dataset.print);
    await page.emulateMedia({ media: 'screen' });
    expect(await receiptWidth(page)).toBe(onScreen);

    // The log's day view: today, the redemption under its receipt number, and the day's total.
    await page.goto('/clerk/redemptions');
    await settle(page);
    expect(await page.getByTestId('log-day').innerText()).toContain(zh.counterLog.today);
    const total = page.getByTestId('day-total');
    expect(await total.innerText()).toContain(say(zh.counterLog.summary, { count: 1, points: 30 }));
    const entry = page.locator(`[data-testid="log-entry"][data-receipt="${number}"]`);
    expect(await entry.innerText()).toContain('刘桂兰');
    // The day before has none.
    await page.getByRole('button', { name: zh.counterLog.previous }).click();
    await expect.poll(() => total.innerText()).toContain(say(zh.counterLog.summary, { count: 0, points: 0 }));
    expect(await page.getByTestId('log-day').innerText()).toContain(zh.counterLog.yesterday);
    await page.getByRole('button', { name: zh.counterLog.next }).click();
    await entry.waitFor();
    await capture(page, shots, '20-log-day', problems);

    // Undo with a reason, after a confirmation that says what happens.
    await entry.getByRole('button', { name: zh.counterLog.undo }).click();
    const what = page.getByTestId('undo-what');
    expect(await what.innerText()).toBe(
      say(zh.counterLog.undoWhat, { total: 30, name: '刘桂兰', items: `${TOWEL} × 2` }),
    );
    const ok = page.getByRole('button', { name: say(zh.counterLog.undoOk, { total: 30 }) });
    expect(await ok.isDisabled()).toBe(true); // no reason yet
    await page.locator('textarea[name="reason"]').fill('拿错了商品');
    await capture(page, shots, '21-log-undo', problems);
    await ok.click();
    await entry.getByText(zh.redemptionStatus.CANCELLED).waitFor();
    await expect.poll(() => total.innerText()).toContain(say(zh.counterLog.summary, { count: 1, points: 0 }));
    expect(await total.innerText()).toContain(say(zh.counterLog.cancelledNote, { n: 1 }));
    expect(await entry.getByRole('button', { name: zh.counterLog.undo }).count()).toBe(0);
    expect(await entry.innerText()).toContain('拿错了商品');

    // The points and the goods are back.
    expect(await serve(page, '刘桂兰')).toBe(before);
    expect(await stockOf(page, TOWEL)).toBe(stockBefore);

    // The receipt again, from the log: now marked cancelled.
    await page.goto('/clerk/redemptions');
    await settle(page);
    await entry.getByRole('button', { name: zh.receipt.open }).click();
    const again = page.getByTestId('receipt');
    await again.waitFor();
    expect(await again.getByTestId('receipt-number').innerText()).toBe(number);
    expect(await again.innerText()).toContain(zh.receipt.cancelled);
    await capture(page, shots, '22-log-receipt', problems);

    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
    await ctx.close();
  });

  it('says "not done, do not hand over" while the link is down, then "done" once the server applied it; an undo is kept the same way', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.clerk);
    const before = await serve(page, '张建国');
    await addTowels(page, 1);
    // The service worker must control the page for the reload below to open offline.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 90_000,
      polling: 500,
    });

    // Chromium's offline emulation lets some requests of a page a service worker controls
    // through: the API is also cut at the context's router, as a dead link cuts everything.
    const noLink = (route: Route) => route.abort('internetdisconnected');
    await ctx.route('**/graphql', noLink);
    await ctx.setOffline(true);
    await page.locator('.cartbar').getByRole('button', { name: zh.counter.handOut }).click();
    await page
      .locator('.van-dialog')
      .getByRole('button', { name: say(zh.clerkCounter.confirmOk, { total: 15 }) })
      .click();
    const waiting = page.locator('[data-testid="handover"][data-state="waiting"]');
    await waiting.waitFor();
    await page.locator('.van-dialog').waitFor({ state: 'hidden' });
    expect(await waiting.innerText()).toContain(zh.handOver.notDone);
    expect(await page.getByTestId('handover-balance').innerText()).toBe(zh.handOver.balanceUnknown);
    expect(await page.getByTestId('receipt').count()).toBe(0);
    // Big enough to read from across the counter.
    const size = await waiting.locator('.handover__big').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    await shoot(page, shots, '30-offline-do-not-hand-over');
    // Still not done a while later, and after a reload: the deal is kept with its queued action.
    await page.waitForTimeout(3000);
    expect(await waiting.isVisible()).toBe(true);
    await page.reload();
    await waiting.waitFor();
    expect(await page.getByTestId('handover-balance').innerText()).toBe(zh.handOver.balanceUnknown);

    await ctx.unroute('**/graphql', noLink);
    await ctx.setOffline(false);
    const done = page.locator('[data-testid="handover"][data-state="done"]');
    await done.waitFor({ timeout: UI_WAIT_MS });
    expect(await done.innerText()).toContain(zh.handOver.done);
    expect(await page.getByTestId('handover-balance').innerText()).toBe(
      say(zh.handOver.doneDetail, { name: '张建国', total: 15, n: before - 15 }),
    );
    expect(await page.getByTestId('receipt-balance').innerText()).toBe(say(zh.units.points, { n: before - 15 }));
    await shoot(page, shots, '31-online-done');

    // Applied once: the day has it once, and the villager paid once.
    await page.getByRole('button', { name: zh.clerkCounter.next }).click();
    expect(await serve(page, '张建国')).toBe(before - 15);
    await page.goto('/clerk/redemptions');
    await settle(page);
    const mine = page.locator('[data-testid="log-entry"]', { hasText: '张建国' });
    expect(await mine.count()).toBe(1);

    // Undone while the link is down: kept on the phone, applied once when the link is back.
    await ctx.route('**/graphql', noLink);
    await ctx.setOffline(true);
    await mine.getByRole('button', { name: zh.counterLog.undo }).click();
    await page.locator('textarea[name="reason"]').fill('拿错了');
    await page.getByRole('button', { name: say(zh.counterLog.undoOk, { total: 15 }) }).click();
    await page.getByText(say(zh.offline.undoKept, { name: '张建国', total: 15 })).waitFor();
    await page
      .getByText(say(zh.pending.kind.cancelRedemption, { name: '张建国', total: 15 }), { exact: true })
      .waitFor();
    await shoot(page, shots, '32-offline-undo-kept');
    await ctx.unroute('**/graphql', noLink);
    await ctx.setOffline(false);
    await mine.getByText(zh.redemptionStatus.CANCELLED).waitFor({ timeout: UI_WAIT_MS });
    expect(await serve(page, '张建国')).toBe(before);
    await ctx.close();
  });
});
