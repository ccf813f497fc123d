// The inbox on two phones (390x844): a volunteer's reported service waits in the coordinator's
// queue (her bell counts it); she does not accept it and writes why; on the volunteer's phone,
// without a reload, the bell shows 1; he opens his messages, reads the reason in his language,
// taps the message, which opens his claims, and the bell has nothing left to count.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PASSWORD,
  PHONE,
  axeCheck,
  graphqlAt,
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

const shots = join(repoRoot, 'screenshots', 'inbox');
const suite = browserSuite();
const problems: A11yProblem[] = [];
/** What a person must never read: an id or an API word. */
const MACHINE = /inbox_|claim_|need_|mem_|CLAIM_|SERVICE_/;

const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

async function look(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.van-toast')].every((t) => getComputedStyle(t).display === 'none'),
    undefined,
    { timeout: UI_WAIT_MS, polling: 200 },
  );
  await page.waitForTimeout(300);
  await shoot(page, shots, name);
  problems.push(...(await axeCheck(page, name)));
  expect(await page.locator('body').innerText(), name).not.toMatch(MACHINE);
}

/** A need for 赵玉梅 that began a quarter of an hour ago, claimed, served and reported over the API. */
async function reportedService(title: string): Promise<void> {
  const url = suite.server.url;
  const token = async (phone: string) =>
    (
      await graphqlAt<{ login: { token: string } }>(
        url,
        'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
        { p: phone, w: PASSWORD },
      )
    ).login.token;
  const coord = await token(PHONE.coordinator);
  const vol = await token(PHONE.volunteer);
  const me = await graphqlAt<{ viewer: { site: { id: string } } }>(url, '{ viewer { site { id } } }', {}, coord);
  const siteId = me.viewer.site.id;
  const elders = await graphqlAt<{ members: { edges: { node: { id: string; name: string } }[] } }>(
    url,
    'query ($s: ID!) { members(siteId: $s, first: 100) { edges { node { id name } } } }',
    { s: siteId },
    coord,
  );
  const elderId = elders.members.edges.find((e) => e.node.name === '赵玉梅')!.node.id;
  const need = await graphqlAt<{ postNeed: { id: string } }>(
    url,
    'mutation ($i: PostNeedInput!) { postNeed(input: $i) { id } }',
    {
      i: {
        siteId,
        beneficiaryId: elderId,
        title,
        category: 'ERRAND',
        estimatedMinutes: 30,
        startsAt: new Date(Date.now() - 15 * 60_000).toISOString(),
      },
    },
    coord,
  );
  const claim = await graphqlAt<{ claimNeed: { id: string } }>(
    url,
    'mutation ($id: ID!) { claimNeed(needId: $id) { id } }',
    { id: need.postNeed.id },
    vol,
  );
  const id = claim.claimNeed.id;
  await graphqlAt(url, 'mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id }, vol);
  await graphqlAt(url, 'mutation ($id: ID!) { reportService(claimId: $id, minutes: 30) { id } }', { id }, vol);
}

describe('the inbox', () => {
  it('tells the volunteer live that his service was not accepted, and why; reading it clears the bell', async () => {
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    await settle(vol);
    const volBell = vol.getByTestId('inbox-bell');
    await volBell.waitFor();
    expect(await vol.getByTestId('inbox-unread').count()).toBe(0);

    const title = `E2E 代买菜 ${Date.now() % 100000}`;
    await reportedService(title);

    // The coordinator's bell counts the report waiting for her; her queue has it.
    const coordCtx = await newPhone(suite.browser, suite.server.url);
    const coord = await coordCtx.newPage();
    await logIn(coord, PHONE.coordinator);
    await coord.goto('/coordinator/queue');
    await coord.getByTestId('inbox-unread').waitFor();
    const queued = coord.locator('[data-testid="queue-claim"]', { hasText: title });
    await queued.waitFor({ timeout: UI_WAIT_MS });
    await look(coord, '01-coordinator-bell-and-queue');

    // Not accepted, with a reason.
    const why = '菜没有送到赵奶奶家';
    await queued.locator('h2').click();
    await coord.locator('.van-action-sheet').getByRole('button', { name: zh.queue.reject }).click();
    await coord.locator('form textarea').fill(why);
    await coord.locator('form').getByRole('button', { name: zh.queue.reject }).click();
    await coord.getByText(zh.queue.rejected).first().waitFor();

    // On the volunteer's phone, with no reload: the bell shows 1.
    const count = vol.getByTestId('inbox-unread');
    await count.waitFor({ timeout: UI_WAIT_MS });
    expect((await count.innerText()).trim()).toBe('1');
    expect(await volBell.getAttribute('aria-label')).toBe(fill(zh.inbox.bellUnread, { n: '1' }));
    await look(vol, '02-volunteer-bell-live');

    // He opens his messages and reads why.
    await volBell.click();
    await vol.waitForURL('**/inbox');
    const message = vol.getByTestId('inbox-item').filter({ hasText: title });
    await message.waitFor();
    expect(await message.innerText()).toContain(fill(zh.inbox.kinds.CLAIM_REJECTED, { title }));
    expect(await message.innerText()).toContain(fill(zh.inbox.reason, { r: why }));
    await message.getByTestId('inbox-unread-dot').waitFor();
    const box = (await message.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    await look(vol, '03-volunteer-inbox');

    // A tap marks it read and opens his claims; the bell has nothing left to count.
    await message.click();
    await vol.waitForURL('**/volunteer/claims');
    await count.waitFor({ state: 'detached' });
    expect(await volBell.getAttribute('aria-label')).toBe(zh.inbox.bell);
    await vol.locator('article', { hasText: title }).getByTestId('reject-reason').waitFor();

    // Back in the inbox: read, nothing left to mark.
    await vol.goto('/inbox');
    await settle(vol);
    await vol.getByText(zh.inbox.allReadNow).waitFor();
    expect(await vol.getByTestId('inbox-item').filter({ hasText: title }).getByTestId('inbox-unread-dot').count()).toBe(
      0,
    );
    await look(vol, '04-volunteer-inbox-read');

    // The coordinator clears hers with "mark all read".
    await coord.getByTestId('inbox-bell').click();
    await coord.waitForURL('**/inbox');
    await coord.getByTestId('inbox-item').filter({ hasText: title }).waitFor();
    await coord.getByTestId('inbox-mark-all').click();
    await coord.getByTestId('inbox-unread').waitFor({ state: 'detached' });
    await look(coord, '05-coordinator-inbox-all-read');

    await volCtx.close();
    await coordCtx.close();
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
