// The visit round, walked to its end on a phone (390x844) by the coordinator: each unvisited elder
// shows their last visit and the day the next is due; a visit is recorded with the time it really
// happened and the volunteer who went (not "now" and the coordinator); a visit marked for
// follow-up stays on the follow-up list until a need for the elder is posted from it (which closes
// it, the need's state shown below); and the month's visits come down as a spreadsheet with that
// visit in it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  UI_WAIT_MS,
  browserSuite,
  logIn,
  newPhone,
  repoRoot,
  settle,
  startedMinutesAgo,
  zh,
  looker,
  type A11yProblem,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'visits');
const MACHINE = /mem_|site_|visit_|visitorId|followUp/;
const suite = browserSuite();
const problems: A11yProblem[] = [];

const look = looker(shots, MACHINE, problems);

describe('the visit round', () => {
  it('records when and who, follows up to the end, and downloads the month', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.coordinator);
    await page.goto('/coordinator/visits');
    await settle(page);

    // Each unvisited elder: their last visit (or never) and the day the next is due.
    const row = page.getByTestId('unvisited').first();
    await row.waitFor();
    const elder = (await row.locator('.elders__name').innerText()).trim();
    expect(await row.getByTestId('elder-due').innerText()).toMatch(/(上次探访|从未探访).*前要探访/);
    await look(page, '01-unvisited-with-due-dates');

    // Earlier today (90 minutes ago, or now just after midnight), by the volunteer 张建国.
    const early = startedMinutesAgo(90);
    const now = startedMinutesAgo(0);
    const at = early.day === now.day ? early : now;
    await row.getByRole('button', { name: zh.visits.record }).click();
    await page.getByTestId('visit-day').fill(at.day);
    await page.getByTestId('visit-time').fill(at.time);
    await page.getByTestId('visit-visitor').selectOption({ label: '张建国' });
    await page.locator('.sheet textarea').fill('灶台的煤气管老化，要换');
    await page.locator('.sheet').getByText(zh.visits.needsFollowUp).click();
    await look(page, '02-visit-form');
    await page.getByRole('button', { name: zh.visits.save }).click();

    // Out of the unvisited list; in the visits done, by 张建国, at the time given.
    await expect
      .poll(() => page.getByTestId('unvisited').filter({ hasText: elder }).count(), { timeout: UI_WAIT_MS })
      .toBe(0);
    const done = page.locator('.visits li', { hasText: elder }).first();
    expect(await done.innerText()).toContain('探访人：张建国');
    expect(await done.innerText()).toContain(at.time);

    // On the follow-up list until the coordinator records what was done.
    const item = page.getByTestId('follow-up').filter({ hasText: elder });
    await item.waitFor();
    expect(await item.innerText()).toContain('灶台的煤气管老化');
    await look(page, '03-follow-up-open');

    // A need for the elder, from the follow-up: the post page finds her and carries the note.
    await item.getByRole('button', { name: `为 ${elder} 发布需求` }).click();
    await page.waitForURL('**/coordinator/post**');
    await page.locator('.van-cell', { hasText: elder }).first().click();
    await page.locator('input[name="title"]').fill('换煤气管');
    expect(await page.locator('textarea').first().inputValue()).toContain('灶台的煤气管老化');
    await look(page, '03b-need-from-follow-up');
    await page.getByRole('button', { name: zh.common.next }).click();
    await page.getByRole('button', { name: zh.post.submit }).click();
    await page.getByText(zh.post.posted).waitFor();

    // Posting it closed the follow-up with the need: back on the visits page, it has left the
    // open list and shows under the passed-on ones with how the need goes.
    await page.waitForURL('**/coordinator/visits');
    await settle(page);
    const passed = page.getByTestId('linked-follow-up').filter({ hasText: elder });
    await passed.waitFor();
    expect(await item.count()).toBe(0);
    expect(await passed.innerText()).toContain('已发布需求：换煤气管');
    expect(await passed.getByTestId('need-state').innerText()).toBe(zh.followUps.needStatus.open);
    await expect
      .poll(() => page.locator('.visits li', { hasText: elder }).first().innerText(), { timeout: UI_WAIT_MS })
      .toContain('跟进结果：已发布需求');
    await passed.scrollIntoViewIfNeeded();
    await look(page, '04-follow-up-closed');

    // The month's file: that visit, its visitor, what was found and what was done.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: new RegExp('探访记录') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^探访记录-.+\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF老人,探访时间,探访人,情况记录,需要跟进,跟进结果\r\n')).toBe(true);
    expect(csv).toContain(`${elder},${at.day} ${at.time},张建国,灶台的煤气管老化，要换,是,已发布需求\r\n`);

    await ctx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
