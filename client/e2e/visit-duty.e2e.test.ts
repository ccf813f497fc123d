// The visit duty walked on two phones (390x844): the coordinator opens the month's board (the
// tasks the server generated when it started), pairs an elder with a volunteer and a backup; the
// volunteer finds the elder first on his home page with her address and a call button, records
// a phone visit with the checks in under a dozen taps, and the task leaves his list and counts
// as done on the coordinator's board.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE, UI_WAIT_MS, browserSuite, logIn, newPhone, repoRoot, zh, looker, type A11yProblem } from './harness';

const shots = join(repoRoot, 'screenshots', 'visit-duty');
const MACHINE = /mem_|site_|vtask_|visit_|HOME|PHONE|CONCERN/;
const suite = browserSuite();
const problems: A11yProblem[] = [];
const ELDER = '赵玉梅';

const look = looker(shots, MACHINE, problems);

describe('the visit duty', () => {
  it('pairs, shows the visitor his task first, and a visit closes it', async () => {
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    await coord.goto('/coordinator/visits');
    await coord.getByRole('link', { name: zh.duty.link }).click();
    await coord.waitForURL('**/coordinator/duty');
    // The server generated this period's tasks when it started.
    const task = coord.getByTestId('duty-task').filter({ hasText: ELDER });
    await expect
      .poll(
        async () => {
          if ((await task.count()) === 0) await coord.reload();
          return task.count();
        },
        { timeout: UI_WAIT_MS, interval: 2000 },
      )
      .toBe(1);
    expect(await task.innerText()).toContain(zh.duty.nobody);
    // The demo village is mid-month: some weekly (A) visits are done already.
    const doneA = Number(await coord.getByTestId('duty-count-A').locator('td').nth(1).innerText());
    await look(coord, '01-duty-board');

    await task.getByRole('button', { name: zh.duty.change }).click();
    await coord.getByTestId('pair-visitor').selectOption({ label: '张建国' });
    await coord.getByTestId('pair-backup').selectOption({ label: '黄淑珍' });
    await look(coord, '02-pairing');
    await coord.getByRole('button', { name: zh.duty.savePair }).click();
    await expect.poll(() => task.innerText(), { timeout: UI_WAIT_MS }).toContain('由 张建国 探访');
    expect(await task.innerText()).toContain('备用：黄淑珍');

    // The volunteer's home page: his visit first, with where she lives and a call button.
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    const mine = vol.getByTestId('my-visit').filter({ hasText: ELDER });
    await mine.waitFor({ timeout: UI_WAIT_MS });
    expect(await mine.innerText()).toContain('三和村4组12号');
    expect(await mine.getByRole('link', { name: /打电话/ }).getAttribute('href')).toBe('tel:13900000007');
    await look(vol, '03-volunteer-home');

    await mine.getByRole('button', { name: zh.visits.record }).click();
    const sheet = vol.locator('.sheet');
    await sheet.getByRole('button', { name: zh.visitMode.PHONE }).click();
    await sheet.getByTestId('check-health').getByRole('button', { name: zh.visits.checkOk }).click();
    await sheet.getByTestId('check-mood').getByRole('button', { name: zh.visits.checkConcern }).click();
    await sheet.locator('textarea').fill('电话里说想女儿了');
    await look(vol, '04-visit-form');
    await sheet.getByRole('button', { name: zh.visits.save }).click();
    await expect.poll(() => mine.count(), { timeout: UI_WAIT_MS }).toBe(0);
    await look(vol, '05-task-gone');

    // The board: done.
    await coord.reload();
    await coord.getByRole('button', { name: zh.duty.show.DONE }).click();
    await expect
      .poll(() => coord.getByTestId('duty-task').filter({ hasText: ELDER }).count(), { timeout: UI_WAIT_MS })
      .toBe(1);
    // Weekly (A) row: due, done, open, missed: one more done.
    expect(Number(await coord.getByTestId('duty-count-A').locator('td').nth(1).innerText())).toBe(doneA + 1);
    await look(coord, '06-board-done');

    await volCtx.close();
    await coordCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
