// Offline, on a phone at 390x844: the coordinator opens the app once with a connection, then loses
// it. Reloaded with no connection (the service worker serves the app), they record a visit and
// post a need: both are kept on the phone, marked as waiting. Every coordinator page shows
// something useful (its last known data, or "离线，联网后显示"), never a blank page or an error.
// When the connection is back (and the first answers are lost on the way), the visit and the need
// reach the server exactly once, checked through the API.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import {
  PASSWORD,
  PHONE,
  UI_WAIT_MS,
  axeCheck,
  logIn,
  newPhone,
  repoRoot,
  settle,
  shoot,
  zh,
  type A11yProblem,
  browserSuite,
  graphqlAt,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'offline');
const suite = browserSuite();
/** The API as an outside client sees it, with the coordinator's token. */
const api = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphqlAt<T>(suite.server.url, query, variables, token);

/** The page's own content (the shell's header, banner, pending list and tabs left out). */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('.shell__main');
    if (!main) return '';
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.pending').forEach((n) => n.remove());
    document.body.appendChild(copy);
    copy.style.position = 'absolute';
    const text = copy.innerText.replace(/\s+/g, '');
    copy.remove();
    return text;
  });
}

const COORDINATOR_PAGES = [
  '/coordinator/queue',
  '/coordinator/post',
  '/coordinator/visits',
  '/coordinator/members',
  '/coordinator/more',
  '/coordinator/needs',
  '/coordinator/goods',
  '/coordinator/report',
] as const;

describe('the coordinator with no connection', () => {
  it('keeps a visit and a need made offline, shows every page, and applies both once when back', async () => {
    const stamp = Date.now() % 100000;
    const title = `离线 送午饭 ${stamp}`;
    const note = `离线探访 ${stamp}`;
    const login = await api<{ login: { token: string; member: { site: { id: string } } } }>(
      'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token member { site { id } } } }',
      { p: PHONE.coordinator, w: PASSWORD },
    );
    const { token } = login.login;
    const siteId = login.login.member.site.id;
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7);
    const applied = async () => {
      const needs = await api<{ needs: { edges: { node: { title: string } }[] } }>(
        'query ($s: ID!) { needs(siteId: $s, first: 100) { edges { node { title } } } }',
        { s: siteId },
        token,
      );
      const coverage = await api<{ visitCoverage: { visits: { note: string | null; elder: { name: string } }[] } }>(
        'query ($s: ID!, $m: String!) { visitCoverage(siteId: $s, month: $m) { visits { note elder { name } } } }',
        { s: siteId, m: month },
        token,
      );
      return {
        needs: needs.needs.edges.filter((e) => e.node.title === title).length,
        visits: coverage.visitCoverage.visits.filter((v) => v.note === note),
      };
    };

    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    const problems: A11yProblem[] = [];

    // 1. Online once: log in, open the pages used in the field; the service worker takes charge.
    await logIn(page, PHONE.coordinator);
    for (const path of ['/coordinator/visits', '/coordinator/post', '/coordinator/members']) {
      await page.goto(path);
      await settle(page);
    }
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: UI_WAIT_MS });

    // 2. The connection goes; the app is opened again from the phone's copy.
    // Chromium's offline emulation does not hold every request a page controlled by a service
    // worker makes (some reached the server on a day of 2 free cores): the API is also cut at the
    // context's router, as a dead village link cuts everything.
    const noLink = (route: Route) => route.abort('internetdisconnected');
    await ctx.route('**/graphql', noLink);
    await ctx.setOffline(true);
    await page.goto('/coordinator/visits');
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor();
    const bannerText = await banner.innerText();
    for (const kept of ['确认服务', '发布需求', '登记探访']) expect(bannerText).toContain(kept);
    expect(bannerText).toContain('要等联网后再做');
    expect(bannerText).toContain('驳回');

    // 3. A visit, recorded with no connection: kept, marked as waiting, no second button.
    const row = page.getByTestId('unvisited').first();
    await row.waitFor();
    await page.getByTestId('offline-stale').waitFor();
    const elder = (await row.locator('.elders__name').innerText()).trim();
    await row.getByRole('button', { name: zh.visits.record }).click();
    await page.locator('.sheet textarea').fill(note);
    await page.getByRole('button', { name: zh.visits.save }).click();
    const visitItem = page.locator('.pending__item', { hasText: elder });
    await visitItem.getByText(zh.pending.waiting).waitFor();
    await page.getByTestId('unvisited').filter({ hasText: elder }).getByTestId('visit-waiting').waitFor();
    await shoot(page, shots, '01-visit-kept');

    // 4. A need, posted with no connection: the elder list is the one last seen.
    await page.goto('/coordinator/post');
    await page.locator('.van-cell', { hasText: '赵玉梅' }).first().click();
    await page.locator('input[name="title"]').fill(title);
    await page.getByRole('button', { name: zh.common.next }).click();
    await page.getByRole('button', { name: zh.post.submit }).click();
    const needItem = page.locator('.pending__item', { hasText: title });
    await needItem.getByText(zh.pending.waiting).waitFor();
    // The form is ready for the next need.
    await page.getByText(zh.post.whoTitle).waitFor();
    await shoot(page, shots, '02-need-kept');

    // 5. Every coordinator page shows something: its last data, or "offline, shown once connected".
    for (const path of COORDINATOR_PAGES) {
      await page.goto(path);
      await page.locator('.shell__main').waitFor();
      await page.waitForTimeout(800);
      const text = await pageText(page);
      expect(text.length, `${path} shows "${text}"`).toBeGreaterThan(15);
      expect(await page.locator('.van-dialog:visible').count(), `${path} shows an error`).toBe(0);
      // Both kept actions stay listed as waiting on every page.
      expect(await page.locator('.pending__item', { hasText: zh.pending.waiting }).count()).toBe(2);
      await shoot(page, shots, `10${path.replaceAll('/', '-')}`);
      problems.push(...(await axeCheck(page, `offline ${path}`)));
    }
    // A page never opened with a connection says so, in plain words.
    await page.goto('/coordinator/goods');
    await page.getByTestId('offline-missing').getByText(zh.offline.missingTitle).waitFor();
    // Never more than once. (A phone with no link reaches nothing; Chromium's emulation is not so
    // tight: on some runs one request of a page its service worker controls got through even with
    // the API cut at the router as well. Whatever got through, the key makes the replay below
    // answer that first row, which is what step 7 checks.)
    const meanwhile = await applied();
    expect(meanwhile.needs).toBeLessThanOrEqual(1);
    expect(meanwhile.visits.length).toBeLessThanOrEqual(1);

    // 6. The connection is back, but the first answer to each is lost on the way: the server has
    //    applied it, the phone does not know, and sends it again with the same key.
    const lost = new Set<string>();
    const loseFirstAnswer = async (route: Route) => {
      const op = /"operationName":"(\w+)"/.exec(route.request().postData() ?? '')?.[1] ?? '';
      if ((op === 'PostNeed' || op === 'RecordVisit') && !lost.has(op)) {
        lost.add(op);
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    };
    await ctx.unroute('**/graphql', noLink);
    await ctx.route('**/graphql', loseFirstAnswer);
    await page.goto('/coordinator/visits');
    await visitItem.waitFor();
    await ctx.setOffline(false);
    await needItem.getByText(zh.pending.done).waitFor();
    await visitItem.getByText(zh.pending.done).waitFor();
    expect([...lost].sort()).toEqual(['PostNeed', 'RecordVisit']);
    await ctx.unroute('**/graphql', loseFirstAnswer);

    // 7. Applied exactly once, as the API and the page both say.
    const after = await applied();
    expect(after.needs).toBe(1);
    expect(after.visits).toEqual([{ note, elder: { name: elder } }]);
    await expect
      .poll(() => page.getByTestId('unvisited').filter({ hasText: elder }).count(), { timeout: UI_WAIT_MS })
      .toBe(0);
    await page.getByTestId('offline-stale').waitFor({ state: 'detached' });
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
    await shoot(page, shots, '20-back-online');

    expect(problems).toEqual([]);
    await ctx.close();
  });
});
