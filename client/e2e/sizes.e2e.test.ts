// Sizes older eyes and fingers can use, measured on every main page of every role at 390x844:
// no text under 16 px and body text (paragraphs, list rows, table cells, what one types) 18 px;
// every input, button and tappable row at least 48 px tall, an input focused by a tap anywhere in
// its box (the edges too, not only the 28 px of the text inside); no phone number broken across
// lines; chart text 16 px. Each offender is reported with its page, selector and size.
// The certificate is checked here too: Chinese only in the Chinese client, no column so narrow it
// reads one character a line, a print button that prints.
// The rules are in support/size-rules.ts; this file walks the pages and checks the certificate.
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
  shoot,
  UI_WAIT_MS,
  zh,
  browserSuite,
  graphqlAt,
} from './harness';
import { BODY_TEXT, MIN_TEXT, TARGET, measureInPage, summary, tapInputs, type Offender } from './support/size-rules';

const shots = join(repoRoot, 'screenshots', 'sizes');

/** Every main page of each role (client/src/router.ts), as a person reaches them from the tabs. */
const PAGES: Record<keyof typeof PHONE, string[]> = {
  volunteer: [
    '/volunteer/needs',
    '/volunteer/claims',
    '/volunteer/shop',
    '/volunteer/redemptions',
    '/volunteer/account',
    '/volunteer/donate',
    '/volunteer/certificate',
  ],
  coordinator: [
    '/coordinator/queue',
    '/coordinator/post',
    '/coordinator/visits',
    '/coordinator/members',
    '/coordinator/more',
    '/coordinator/needs',
    '/coordinator/goods',
    '/coordinator/report',
    '/coordinator/settings',
  ],
  clerk: ['/clerk/counter', '/clerk/goods', '/clerk/redemptions'],
  // And one site's own page, opened from its row (its path holds the site's id).
  admin: ['/admin/sites', '/admin/regions', '/admin/referrals'],
};

/** Pages that draw charts: wait for the canvas before measuring. */
const CHARTS = /^\/(coordinator\/report|admin\/sites)/;

async function check(page: Page, name: string): Promise<Offender[]> {
  await settle(page);
  const measured = await page.evaluate(measureInPage, {
    page: name,
    minText: MIN_TEXT,
    bodyText: BODY_TEXT,
    target: TARGET,
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = name.replace(/^\//, '').replace(/\//g, '-');
  await shoot(page, shots, file);
  // Charts sit below the fold: a second picture of the last one, to look at its labels.
  const charts = page.locator('.chart');
  if ((await charts.count()) > 0) {
    await charts.last().scrollIntoViewIfNeeded();
    await shoot(page, shots, `${file}-chart`);
  }
  const taps = await tapInputs(page, name, measured.inputs);
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...measured.offenders, ...taps];
}

const suite = browserSuite();
const gql = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphqlAt<T>(suite.server.url, query, variables, token);

const tokenOf = async (phone: string) =>
  (
    await gql<{ login: { token: string } }>(
      null,
      'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
      { p: phone, w: PASSWORD },
    )
  ).login.token;

/** A confirmed service of 1 h 30 for the demo volunteer, so the certificate has a row to lay out. */
async function serveOnce(title: string): Promise<void> {
  const coordinator = await tokenOf(PHONE.coordinator);
  const volunteer = await tokenOf(PHONE.volunteer);
  const { viewer } = await gql<{ viewer: { site: { id: string } } }>(coordinator, '{ viewer { site { id } } }');
  const { members } = await gql<{ members: { edges: { node: { id: string } }[] } }>(
    coordinator,
    'query ($s: ID!) { members(siteId: $s, role: ELDER, first: 1) { edges { node { id } } } }',
    { s: viewer.site.id },
  );
  const { postNeed } = await gql<{ postNeed: { id: string } }>(
    coordinator,
    'mutation ($i: PostNeedInput!) { postNeed(input: $i) { id } }',
    {
      i: {
        siteId: viewer.site.id,
        title,
        category: 'MEDICAL_ESCORT',
        beneficiaryId: members.edges[0]!.node.id,
        startsAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        estimatedMinutes: 90,
      },
    },
  );
  const { claimNeed } = await gql<{ claimNeed: { id: string } }>(
    volunteer,
    'mutation ($id: ID!) { claimNeed(needId: $id) { id } }',
    { id: postNeed.id },
  );
  await gql(volunteer, 'mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id: claimNeed.id });
  await gql(volunteer, 'mutation ($id: ID!) { reportService(claimId: $id, minutes: 90) { id } }', { id: claimNeed.id });
  await gql(
    coordinator,
    'mutation ($id: ID!) { confirmService(claimId: $id, idempotencyKey: "sizes-cert-1") { id } }',
    {
      id: claimNeed.id,
    },
  );
}

describe('sizes at 390x844', () => {
  it('every main page of every role: text >= 16 px, body 18 px, targets 48 px, inputs focus anywhere, phones on one line', async () => {
    const offenders: Offender[] = [];

    const anon = await newPhone(suite.browser, suite.server.url);
    const login = await anon.newPage();
    await login.goto('/login');
    offenders.push(...(await check(login, '/login')));
    await anon.close();

    for (const role of Object.keys(PAGES) as (keyof typeof PHONE)[]) {
      const ctx = await newPhone(suite.browser, suite.server.url);
      const page = await ctx.newPage();
      await logIn(page, PHONE[role]);
      const pages = PAGES[role].map((path) => ({ path, name: path }));
      for (let i = 0; i < pages.length; i++) {
        const { path, name } = pages[i]!;
        await page.goto(path);
        if (CHARTS.test(path)) await page.locator('.chart__canvas canvas').first().waitFor({ timeout: UI_WAIT_MS });
        offenders.push(...(await check(page, name)));
        if (path === '/admin/sites') {
          const site = await page.locator('table a[href^="/admin/sites/"]').first().getAttribute('href');
          expect(site, 'a site row links its page').toBeTruthy();
          pages.push({ path: site!, name: '/admin/site' });
        }
      }
      await ctx.close();
    }

    expect(offenders.length, `${offenders.length} size offenders:\n${summary(offenders)}`).toBe(0);
  });

  it('the certificate: Chinese only, readable at phone width, and its print button prints', async () => {
    await serveOnce('陪同去乡卫生院复查血压');
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.volunteer);
    await page.goto('/volunteer/certificate');
    await settle(page);
    await page.getByRole('button', { name: zh.certificate.open }).click();
    const frame = page.frameLocator('iframe.cert');
    await frame.locator('h1').waitFor();
    await page.locator('iframe.cert').scrollIntoViewIfNeeded();
    await shoot(page, shots, 'volunteer-certificate-open');
    await frame.locator('tbody tr').first().scrollIntoViewIfNeeded();
    await shoot(page, shots, 'volunteer-certificate-services');

    const text = await frame.locator('body').innerText();
    expect(text).toContain('志愿服务记录');
    expect(text).toContain('陪同去乡卫生院复查血压');
    expect(text).toContain('1 小时 30 分钟');
    // No English in the Chinese client (digits, dates and punctuation are fine).
    expect(text.match(/[A-Za-z]+/g) ?? []).toEqual([]);

    // No text squeezed into a column so narrow it reads one or two characters a line.
    const squeezed = await frame.locator('body').evaluate(() => {
      const bad: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const chars = (node.textContent ?? '').replace(/\s/g, '').length;
        if (chars < 3) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
          .size;
        if (lines > 1 && chars / lines < 3) bad.push(`${node.textContent?.trim()} (${lines} lines)`);
      }
      const small = [...document.querySelectorAll('body *')]
        .filter(
          (el) => el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
        )
        .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 16)
        .map((el) => `${el.tagName} ${getComputedStyle(el).fontSize} "${el.textContent?.trim().slice(0, 20)}"`);
      const wide = document.documentElement.scrollWidth > window.innerWidth + 1 ? ['page wider than the frame'] : [];
      return [...bad, ...small, ...wide];
    });
    expect(squeezed).toEqual([]);

    // The page's print button prints the certificate itself (print() is recorded, not run).
    await page.locator('iframe.cert').evaluate((f: HTMLIFrameElement) => {
      const w = f.contentWindow as (Window & { printed?: number }) | null;
      if (w) {
        w.printed = 0;
        w.print = () => {
          w.printed = (w.printed ?? 0) + 1;
        };
      }
    });
    await page.getByRole('button', { name: zh.certificate.print }).click();
    expect(
      await page
        .locator('iframe.cert')
        .evaluate((f: HTMLIFrameElement) => (f.contentWindow as Window & { printed?: number }).printed),
    ).toBe(1);
    // A button inside the certificate that cannot work (the frame runs no script) is not shown.
    expect(await frame.locator('button:visible').count()).toBe(0);
    await ctx.close();
  });
});
