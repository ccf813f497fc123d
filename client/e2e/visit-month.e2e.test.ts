// A month of visit duty at the demo village, on two phones (390x844). The village is mid-month
// (its seed): visits done and open, last week's visit to 周桂香 overdue. The coordinator finds
// this period's tasks (the server generated 赵玉梅's at start) and pairs 赵玉梅; the volunteer
// records his visit, which closes her task and finds something to follow up. The morning's
// escalation then fires (the scheduled job, run now): the coordinator's inbox says 周桂香's visit
// is overdue and opens the board of the month it was due in, where it is missed. The follow-up becomes a need on the post page,
// prefilled from the visit, and the volunteer claims it.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, UI_WAIT_MS, browserSuite, logIn, newPhone, repoRoot, zh, looker, type A11yProblem } from './harness';

const shots = join(repoRoot, 'screenshots', 'visit-month');
const MACHINE = /mem_|site_|vtask_|visit_|visit-task|HOME|PHONE|CONCERN|VISIT_/;
const suite = browserSuite();
const problems: A11yProblem[] = [];
const look = looker(shots, MACHINE, problems);

const ZONE = 'Asia/Shanghai';
const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/** The page once its passing notices (toasts) have gone, so a screenshot shows what stays. */
async function toastsGone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.van-toast')].every((t) => getComputedStyle(t).display === 'none'),
    undefined,
    { timeout: UI_WAIT_MS, polling: 200 },
  );
}

/** The Sunday that ended last week on the village's calendar: last week's A tasks' due day. */
function lastSunday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const d = new Date(`${today.format(new Date())}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (d.getUTCDay() === 0 ? 7 : d.getUTCDay()));
  return d.toISOString().slice(0, 10);
}

describe('a month of visit duty', () => {
  it('pairs, generates, visits, escalates the overdue one, and turns a follow-up into a claimed need', async () => {
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    await coord.goto('/coordinator/duty');

    // Mid-month: the period's tasks, done and still to do; 赵玉梅's generated with nobody to go.
    const board = coord.getByTestId('duty-task');
    const zhao = board.filter({ hasText: '赵玉梅' });
    await zhao.waitFor();
    expect(await zhao.innerText()).toContain(zh.duty.nobody);
    await coord.getByRole('button', { name: zh.duty.show.ALL }).click();
    await board.filter({ hasText: zh.duty.status.DONE }).first().waitFor();
    await board.filter({ hasText: zh.duty.status.OPEN }).first().waitFor();
    const doneA = Number(await coord.getByTestId('duty-count-A').locator('td').nth(1).innerText());
    expect(doneA).toBeGreaterThanOrEqual(1);
    await look(coord, '01-board-mid-month');

    // Pair her: 张建国 goes, 黄淑珍 is the backup.
    await coord.getByRole('button', { name: zh.duty.show.OPEN }).click();
    await zhao.getByRole('button', { name: zh.duty.change }).click();
    await coord.getByTestId('pair-visitor').selectOption({ label: '张建国' });
    await coord.getByTestId('pair-backup').selectOption({ label: '黄淑珍' });
    await coord.getByRole('button', { name: zh.duty.savePair }).click();
    await expect.poll(() => zhao.innerText(), { timeout: UI_WAIT_MS }).toContain('由 张建国 探访');
    await look(coord, '02-paired');

    // The volunteer: her visit on his home page; he goes, finds a cracked water jar to follow up.
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    const mine = vol.getByTestId('my-visit').filter({ hasText: '赵玉梅' });
    await mine.waitFor();
    await look(vol, '03-volunteer-visits');
    await mine.getByRole('button', { name: zh.visits.record }).click();
    const sheet = vol.locator('.sheet');
    await sheet.getByTestId('check-health').getByRole('button', { name: zh.visits.checkOk }).click();
    await sheet.getByTestId('check-safety').getByRole('button', { name: zh.visits.checkConcern }).click();
    await sheet.locator('textarea').fill('水缸裂了一道缝，一直漏水，要换新的');
    await sheet.getByText(zh.visits.needsFollowUp).click();
    await look(vol, '04-visit-form');
    await sheet.getByRole('button', { name: zh.visits.save }).click();
    await expect.poll(() => mine.count(), { timeout: UI_WAIT_MS }).toBe(0);

    // The board: her task done, one more weekly visit done this month.
    await coord.reload();
    await coord.getByRole('button', { name: zh.duty.show.DONE }).click();
    await zhao.waitFor();
    await expect
      .poll(async () => Number(await coord.getByTestId('duty-count-A').locator('td').nth(1).innerText()), {
        timeout: UI_WAIT_MS,
      })
      .toBe(doneA + 1);

    // 08:00: the escalation job fires. Last week's visit to 周桂香 was due on Sunday and nobody
    // went: missed, and the coordinator told.
    const server = suite.server;
    await server.jobs.enqueue(server.handle.db, 'visits.escalate', { timeZone: ZONE });
    await coord.goto('/inbox');
    const overdue = coord
      .getByTestId('inbox-item')
      .filter({ hasText: fill(zh.inbox.kinds.VISIT_OVERDUE, { name: '周桂香' }) });
    await expect
      .poll(
        async () => {
          if ((await overdue.count()) === 0) await coord.reload();
          return overdue.count();
        },
        { timeout: UI_WAIT_MS, interval: 2000 },
      )
      .toBe(1);
    await overdue.getByTestId('inbox-unread-dot').waitFor();
    // The due day's message came before it, and last month's missed visit to 吴长庚.
    await coord
      .getByTestId('inbox-item')
      .filter({ hasText: fill(zh.inbox.kinds.VISIT_DUE, { name: '周桂香' }) })
      .waitFor();
    await look(coord, '05-inbox-overdue');

    // The message opens the board of the month the task was due in (last month's, early in a
    // month), where it is now missed.
    await overdue.click();
    const dueMonth = lastSunday().slice(0, 7);
    await coord.waitForURL(`**/coordinator/duty?month=${dueMonth}`);
    const label = fill(zh.month.label, { y: dueMonth.slice(0, 4), m: String(Number(dueMonth.slice(5))) });
    await coord.locator('output', { hasText: label }).waitFor();
    await coord.getByRole('button', { name: zh.duty.show.MISSED }).click();
    const zhou = board.filter({ hasText: '周桂香' });
    await zhou.waitFor();
    expect(await zhou.innerText()).toContain(zh.duty.status.MISSED);
    expect(await zhou.innerText()).toContain('由 刘桂兰 探访');
    await look(coord, '06-board-overdue');

    // The follow-up becomes a need: the post page finds 赵玉梅 and carries the visitor's note.
    await coord.goto('/coordinator/visits');
    const item = coord.getByTestId('follow-up').filter({ hasText: '水缸裂了' });
    await item.scrollIntoViewIfNeeded();
    await look(coord, '07-follow-ups');
    await item.getByRole('button', { name: fill(zh.followUps.postNeed, { name: '赵玉梅' }) }).click();
    await coord.waitForURL('**/coordinator/post**');
    await coord.locator('.van-cell', { hasText: '赵玉梅' }).first().click();
    await coord.getByRole('button', { name: zh.categories.REPAIR, exact: true }).click();
    const title = `给赵奶奶换水缸 ${Date.now() % 10000}`;
    await coord.locator('input[name="title"]').fill(title);
    expect(await coord.locator('textarea').first().inputValue()).toContain('水缸裂了一道缝');
    await look(coord, '08-need-from-follow-up');
    await coord.getByRole('button', { name: zh.common.next }).click();
    await coord.getByRole('button', { name: zh.post.submit }).click();
    await coord.getByText(zh.post.posted).waitFor();

    // The volunteer claims it.
    await vol.goto('/volunteer/needs');
    const card = vol.locator('article', { hasText: title });
    await card.waitFor();
    await card.getByRole('button', { name: zh.needs.claim }).click();
    await vol.locator('.van-dialog__confirm').click();
    await vol.waitForURL('**/volunteer/claims');
    await vol.locator('article', { hasText: title }).waitFor();
    await toastsGone(vol);
    await look(vol, '09-need-claimed');

    await volCtx.close();
    await coordCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
