// The public notice (公示) in the browser: the site turns it on and 陈志明's errand is confirmed;
// his points show as pending under the balance, which says points are spent only where given.
// 刘桂兰 opens the notice board on her phone and objects to the errand; the coordinator opens the
// board on a laptop, prints it (the 打印 button calls the browser's print; the print view is
// checked by a screenshot and page.pdf makes an A4 PDF), and reverses the errand: the board then
// shows it reversed. Screenshots and axe at each step; no screen shows an id or an API word.
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
  newLaptop,
  newPhone,
  repoRoot,
  settle,
  shoot,
  UI_WAIT_MS,
  zh,
  type A11yProblem,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'notice-board');
const suite = browserSuite();
const problems: A11yProblem[] = [];
const MACHINE = /tr_|obj_|site_|mem_|claim_|OBJECTION_|SERVICE_CREDIT|UPHELD|REVERSED/;
const fill = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));

async function look(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.waitForTimeout(300);
  await shoot(page, shots, name);
  problems.push(...(await axeCheck(page, name)));
  expect(await page.locator('body').innerText(), name).not.toMatch(MACHINE);
}

const token = async (phone: string) =>
  (
    await graphqlAt<{ login: { token: string } }>(
      suite.server.url,
      'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
      { p: phone, w: PASSWORD },
    )
  ).login.token;

/** Public notice on, and an errand for 赵玉梅 by 陈志明 (13900000005) confirmed, over the API. */
async function confirmedErrand(title: string): Promise<void> {
  const url = suite.server.url;
  const coord = await token(PHONE.coordinator);
  const vol = await token('13900000005');
  const me = await graphqlAt<{ viewer: { site: { id: string } } }>(url, '{ viewer { site { id } } }', {}, coord);
  const siteId = me.viewer.site.id;
  await graphqlAt(
    url,
    'mutation ($i: UpdateSiteSettingsInput!) { updateSiteSettings(input: $i) { site { id } } }',
    { i: { siteId, publicNotice: true, noticeDays: 7 } },
    coord,
  );
  const members = await graphqlAt<{ members: { edges: { node: { id: string; name: string } }[] } }>(
    url,
    'query ($s: ID!) { members(siteId: $s, first: 100) { edges { node { id name } } } }',
    { s: siteId },
    coord,
  );
  const elderId = members.members.edges.find((e) => e.node.name === '赵玉梅')!.node.id;
  const need = await graphqlAt<{ postNeed: { id: string } }>(
    url,
    'mutation ($i: PostNeedInput!) { postNeed(input: $i) { id } }',
    {
      i: {
        siteId,
        beneficiaryId: elderId,
        title,
        category: 'ERRAND',
        estimatedMinutes: 60,
        startsAt: new Date(Date.now() - 15 * 60_000).toISOString(),
      },
    },
    coord,
  );
  const { claimNeed } = await graphqlAt<{ claimNeed: { id: string } }>(
    url,
    'mutation ($id: ID!) { claimNeed(needId: $id) { id } }',
    { id: need.postNeed.id },
    vol,
  );
  const id = claimNeed.id;
  await graphqlAt(url, 'mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id }, vol);
  await graphqlAt(url, 'mutation ($id: ID!) { reportService(claimId: $id, minutes: 60) { id } }', { id }, vol);
  await graphqlAt(
    url,
    'mutation ($id: ID!, $k: String!) { confirmService(claimId: $id, idempotencyKey: $k) { id } }',
    { id, k: `e2e-notice-${Date.now()}` },
    coord,
  );
}

describe('the notice board', () => {
  it('holds the points on notice, takes an objection, prints on A4 and reverses the service', async () => {
    const title = `E2E 代买药 ${Date.now() % 100000}`;
    await confirmedErrand(title);

    // 陈志明's balance: his 10 new points are pending, and points are spent only where given.
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, '13900000005');
    await vol.goto('/volunteer/account');
    const bySite = vol.getByTestId('points-by-site');
    await bySite.waitFor({ timeout: UI_WAIT_MS });
    await expect.poll(() => bySite.innerText(), { timeout: UI_WAIT_MS }).toContain(fill(zh.points.pending, { n: 10 }));
    expect(await bySite.innerText()).toContain(zh.points.localNote);
    await look(vol, '01-volunteer-points-pending');

    // 刘桂兰 objects on her phone.
    const neighbourCtx = await newPhone(suite.browser, suite.server.url);
    const neighbour = await neighbourCtx.newPage();
    await logIn(neighbour, '13900000004');
    await neighbour.goto('/notice-board');
    const sheet = neighbour.getByTestId('notice-sheet');
    await sheet.locator('tr', { hasText: title }).waitFor({ timeout: UI_WAIT_MS });
    await look(neighbour, '02-member-notice-board');
    await neighbour.locator('li', { hasText: title }).getByRole('button', { name: zh.points.object }).click();
    await neighbour.locator('form textarea').fill('那天我在赵奶奶家，没见到人');
    await look(neighbour, '03-member-objection-form');
    await neighbour.locator('form').getByRole('button', { name: zh.points.objectSend }).click();
    await neighbour.getByText(zh.points.objectSent).first().waitFor({ timeout: UI_WAIT_MS });

    // The coordinator, on a laptop, from "more" to the notice board.
    const coordCtx = await newLaptop(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    await coord.goto('/coordinator/more');
    await coord.getByTestId('notice-board-link').click();
    await coord.waitForURL('**/notice-board');
    const board = coord.getByTestId('notice-sheet');
    const row = board.locator('tr', { hasText: title });
    await row.waitFor({ timeout: UI_WAIT_MS });
    expect(await row.innerText()).toContain('陈志明');
    expect(await row.innerText()).toContain('10');
    await coord.locator('[data-testid^="objection-obj"]').first().waitFor();
    await look(coord, '04-coordinator-notice-board');

    // 打印 calls the browser's print.
    await coord.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await coord.getByTestId('notice-print').click();
    expect(await coord.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // The print view: only the sheet, on white; and an A4 PDF of it.
    await coord.emulateMedia({ media: 'print' });
    await settle(coord);
    await shoot(coord, shots, '05-print-view');
    expect(await coord.getByTestId('notice-print').isVisible()).toBe(false);
    expect(await board.isVisible()).toBe(true);
    const pdf = await coord.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 x 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59\d(\.\d+)? 84\d(\.\d+)?\]/);
    await coord.emulateMedia({ media: 'screen' });

    // Reverse the errand.
    const objection = coord.locator('[data-testid^="objection-obj"]').first();
    await objection.getByRole('textbox').fill('核实后确无此服务');
    await objection.getByTestId('objection-reverse').click();
    await coord.locator('.van-dialog__confirm').click();
    await coord.getByText(zh.points.resolved).first().waitFor({ timeout: UI_WAIT_MS });
    await expect.poll(() => row.innerText(), { timeout: UI_WAIT_MS }).toContain(zh.points.reversed);
    expect(await board.innerText()).toContain(zh.points.status.REVERSED);
    await look(coord, '06-coordinator-reversed');

    // 陈志明's pending points are gone.
    await vol.reload();
    await bySite.waitFor({ timeout: UI_WAIT_MS });
    await expect
      .poll(() => bySite.innerText(), { timeout: UI_WAIT_MS })
      .not.toContain(fill(zh.points.pending, { n: 10 }));

    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
    await Promise.all([volCtx.close(), neighbourCtx.close(), coordCtx.close()]);
  });
});
