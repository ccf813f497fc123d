// Rejection and no-show walked to their ends at 390x844, two people on two phones: the volunteer
// reports more than twice the estimate and the coordinator's queue flags it with the estimate
// beside it; the coordinator taps the claim, chooses "not accepted" and writes why; the volunteer
// sees the reason and reports the time again; the coordinator taps it again and confirms. Then a
// volunteer who never came: the claim waits in the queue once the need has started, and the
// coordinator taps it and marks "did not come", asked once more. And a new site with no elders has
// no visit rate on the admin's list ("—", not 100%). Screenshots and axe at each step.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PHONE,
  axeCheck,
  logIn,
  newPhone,
  repoRoot,
  settle,
  shoot,
  UI_WAIT_MS,
  zh,
  type A11yProblem,
  browserSuite,
  startedMinutesAgo,
} from './harness';
import { NO_RATE } from '../src/lib/rate';

const shots = join(repoRoot, 'screenshots', 'rejection');
const suite = browserSuite();
const problems: A11yProblem[] = [];

/** "{name}" and the like filled in, as vue-i18n would. */
const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/**
 * A screenshot at the phone's size and axe on the page as it is, once any toast has gone (axe would
 * measure one mid-fade, against whatever is behind it).
 */
async function look(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.van-toast')].every((t) => getComputedStyle(t).display === 'none'),
    undefined,
    { timeout: UI_WAIT_MS, polling: 200 },
  );
  await page.waitForTimeout(300);
  await shoot(page, shots, name);
  problems.push(...(await axeCheck(page, name)));
}

/** The coordinator posts a need for 赵玉梅 that began a few minutes ago (check-in and report open). */
async function postStarted(coord: Page, title: string, minutes: string): Promise<void> {
  await coord.goto('/coordinator/post');
  await settle(coord);
  await coord.locator('.van-cell', { hasText: '赵玉梅' }).first().click();
  await coord.locator('input[name="title"]').fill(title);
  const began = startedMinutesAgo(5);
  await coord.locator('input[type="date"]').fill(began.day);
  await coord.locator('input[type="time"]').fill(began.time);
  await coord.getByRole('button', { name: minutes, exact: true }).click();
  await coord.getByRole('button', { name: zh.common.next }).click();
  await coord.getByRole('button', { name: zh.post.submit }).click();
  await coord.getByText(zh.post.posted).waitFor();
}

/** The volunteer claims the need from the needs page and lands on their claims. */
async function claim(vol: Page, title: string): Promise<void> {
  await vol.goto('/volunteer/needs');
  const card = vol.locator('article', { hasText: title });
  await card.waitFor({ timeout: UI_WAIT_MS });
  await card.getByRole('button', { name: zh.needs.claim }).click();
  await vol.locator('.van-dialog__confirm').click();
  await vol.waitForURL('**/volunteer/claims');
}

describe('rejection and no-show', () => {
  it('ends a rejected report in a confirmed one, and a no-show in a closed claim', async () => {
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);

    // 1. A need of 30 minutes; the volunteer claims it, arrives and reports 1 h 30: over twice the estimate.
    const title = `E2E 打扫院子 ${Date.now() % 100000}`;
    await postStarted(coord, title, '30 分钟');
    await claim(vol, title);
    const mine = vol.locator('article', { hasText: title });
    await mine.getByRole('button', { name: zh.claims.checkIn }).click();
    await mine.getByRole('button', { name: zh.claims.report }).click();
    await vol.getByRole('button', { name: '1 小时 30 分钟' }).click();
    await vol.getByRole('button', { name: zh.claims.sendReport }).click();
    await mine.getByText(zh.claimStatus.REPORTED).waitFor();

    // 2. The queue flags it, the estimate beside it; a tap on the claim opens its actions.
    await coord.goto('/coordinator/queue');
    const queued = coord.locator('[data-testid="queue-claim"]', { hasText: title });
    await queued.waitFor({ timeout: UI_WAIT_MS });
    const flag = queued.getByTestId('over-estimate');
    await flag.waitFor();
    expect(await flag.innerText()).toContain(fill(zh.rejection.estimate, { d: '30 分钟' }));
    await look(coord, '01-queue-over-estimate');
    await queued.locator('h2').click();
    const sheet = coord.locator('.van-action-sheet');
    await sheet.waitFor();
    for (const action of [zh.queue.confirm, zh.queue.reject, zh.rejection.noShow]) {
      await sheet.getByRole('button', { name: action }).waitFor();
    }
    await look(coord, '02-queue-claim-actions');

    // 3. Not accepted, with a reason.
    const why = '老人说只打扫了半小时';
    await sheet.getByRole('button', { name: zh.queue.reject }).click();
    await coord.locator('form textarea').fill(why);
    await look(coord, '03-queue-reject-reason');
    await coord.locator('form').getByRole('button', { name: zh.queue.reject }).click();
    await coord.getByText(zh.queue.rejected).first().waitFor();
    await queued.waitFor({ state: 'detached' });

    // 4. The volunteer sees why (live) and reports the time again.
    const reason = mine.getByTestId('reject-reason');
    await reason.waitFor({ timeout: UI_WAIT_MS });
    expect(await reason.innerText()).toBe(fill(zh.rejection.whyRejected, { r: why }));
    await mine.getByText(zh.claimStatus.REJECTED).waitFor();
    await look(vol, '04-claims-rejected');
    await mine.getByRole('button', { name: zh.rejection.reportAgain }).click();
    const again = vol.locator('form.report');
    await again.getByText(fill(zh.rejection.whyRejected, { r: why })).waitFor();
    await again.getByRole('button', { name: '30 分钟', exact: true }).click();
    await look(vol, '05-claims-report-again');
    await again.getByRole('button', { name: zh.claims.sendReport }).click();
    await mine.getByText(zh.claimStatus.REPORTED).waitFor();

    // 5. Back in the queue, no longer flagged and with the earlier reason; a tap, then confirm.
    await queued.waitFor({ timeout: UI_WAIT_MS });
    await queued.getByText(fill(zh.rejection.previousReason, { r: why })).waitFor();
    expect(await queued.getByTestId('over-estimate').count()).toBe(0);
    await queued.locator('h2').click();
    await sheet.getByRole('button', { name: zh.queue.confirm }).click();
    await coord.getByRole('button', { name: '确认入账 30 分钟' }).click();
    await coord.getByText(zh.pending.done).first().waitFor();
    await queued.waitFor({ state: 'detached' });
    await mine.getByText(zh.claimStatus.CONFIRMED).waitFor({ timeout: UI_WAIT_MS });
    await look(vol, '06-claims-confirmed');

    // 6. A volunteer who never came: the need has started, the claim waits in the queue.
    const absent = `E2E 陪聊天 ${Date.now() % 100000}`;
    await postStarted(coord, absent, '1 小时');
    await claim(vol, absent);
    await coord.goto('/coordinator/queue');
    const waiting = coord.locator('[data-testid="queue-waiting"]', { hasText: absent });
    await waiting.waitFor({ timeout: UI_WAIT_MS });
    await waiting.getByText(zh.rejection.notCheckedIn).waitFor();
    await look(coord, '07-queue-waiting');
    await waiting.locator('h2').click();
    await sheet.getByRole('button', { name: zh.rejection.noShow }).click();
    // Asked once more, naming who and what.
    const dialog = coord.locator('.van-dialog');
    await dialog.getByText(fill(zh.rejection.noShowTitle, { name: '张建国' })).waitFor();
    await look(coord, '08-queue-no-show-confirm');
    await dialog.getByRole('button', { name: zh.rejection.noShow }).click();
    await coord
      .getByText(fill(zh.rejection.noShowDone, { name: '张建国' }))
      .first()
      .waitFor();
    await waiting.waitFor({ state: 'detached' });

    // The volunteer's claim ends as "did not come".
    const gone = vol.locator('article', { hasText: absent });
    await gone.getByText(zh.claimStatus.NO_SHOW).waitFor({ timeout: UI_WAIT_MS });
    await look(vol, '09-claims-no-show');

    await coordCtx.close();
    await volCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });

  it('shows a new site with no elders as having no visit rate, "—", never 100%', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const admin = await ctx.newPage();
    await logIn(admin, PHONE.admin);
    await admin.goto('/admin/sites');
    await settle(admin);
    const name = `E2E 新村 ${Date.now() % 100000}`;
    await admin.getByRole('button', { name: zh.admin.create }).click();
    const form = admin.locator('form.sheet');
    await form.getByLabel(zh.fields.siteName).fill(name);
    await form.getByLabel(zh.fields.region).fill('平江县/安定镇/新村');
    await form.getByRole('button', { name: zh.admin.create }).click();
    // Creating a site opens it to appoint its coordinator; the list is one step back.
    await admin.waitForURL('**/admin/sites/*');
    await admin.goto('/admin/sites');
    const row = admin.locator('tr', { hasText: name });
    await row.waitFor({ timeout: UI_WAIT_MS });
    expect((await row.locator('td.rate').innerText()).trim()).toBe(NO_RATE);
    await look(admin, '10-admin-new-site-no-rate');
    await ctx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
