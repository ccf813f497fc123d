// Sizes older eyes and fingers can use, measured on every main page of every role at 390x844:
// no text under 16 px and body text (paragraphs, list rows, table cells, what one types) 18 px;
// every input, button and tappable row at least 48 px tall, an input focused by a tap anywhere in
// its box (the edges too, not only the 28 px of the text inside); no phone number broken across
// lines; chart text 16 px. Each offender is reported with its page, selector and size.
// The certificate is checked here too: Chinese only in the Chinese client, no column so narrow it
// reads one character a line, a print button that prints.
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

const shots = join(repoRoot, 'screenshots', 'sizes');
const MIN_TEXT = 16;
const BODY_TEXT = 18;
const TARGET = 48;

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

interface Offender {
  page: string;
  rule: string;
  selector: string;
  size: string;
  text: string;
}

interface Measured {
  offenders: Offender[];
  /** Inputs to tap at the edges of their box: index among the page's inputs, and the box. */
  inputs: { index: number; selector: string; box: { x: number; y: number; width: number; height: number } }[];
}

/**
 * Runs in the page: every rendered text node, control and phone number. Self-contained (it is
 * sent to the browser as source), so its helpers are arrow functions inside it.
 */
function measureInPage(args: { page: string; minText: number; bodyText: number; target: number }): Measured {
  const offenders: Offender[] = [];
  const describeEl = (el: Element): string => {
    const parts: string[] = [];
    let e: Element | null = el;
    for (let i = 0; e && e !== document.body && i < 4; i++, e = e.parentElement) {
      const classes = [...e.classList].filter((c) => !c.startsWith('data-v')).slice(0, 2);
      parts.unshift(e.tagName.toLowerCase() + classes.map((c) => `.${c}`).join(''));
    }
    return parts.join(' > ');
  };
  const shown = (el: Element): boolean => {
    const rects = el.getClientRects();
    if (rects.length === 0) return false;
    const r = el.getBoundingClientRect();
    // The 1 px boxes of screen-reader-only text are read, not seen.
    if (r.width <= 1 || r.height <= 1) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.opacity !== '0';
  };
  const px = (value: string): number => Number.parseFloat(value);
  const snippet = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, 30);

  // Body text: what one reads line by line on the page itself, not the header, tags or captions.
  const BODY =
    'main :is(p, li, dd, td, th[scope="row"], .van-cell__title > span, .van-cell__value > span, .van-empty__description)';

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, template, svg')) continue;
    if (!shown(parent)) continue;
    const size = px(getComputedStyle(parent).fontSize);
    if (size < args.minText) {
      offenders.push({
        page: args.page,
        rule: `text >= ${args.minText}px`,
        selector: describeEl(parent),
        size: `${size}px`,
        text: snippet(text),
      });
    } else if (size < args.bodyText && parent.matches(BODY)) {
      offenders.push({
        page: args.page,
        rule: `body text >= ${args.bodyText}px`,
        selector: describeEl(parent),
        size: `${size}px`,
        text: snippet(text),
      });
    }
    // A phone number on two lines is misread or mis-dialled.
    for (const m of text.matchAll(/(?<!\d)(1\d{10}|0\d{2,3}-\d{7,8})(?!\d)/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) {
        offenders.push({
          page: args.page,
          rule: 'phone number on one line',
          selector: describeEl(parent),
          size: `${tops.size} lines`,
          text: m[0],
        });
      }
    }
  }

  // What one types is body text too.
  const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea, select')];
  for (const f of fields) {
    if (!shown(f) || ['hidden', 'checkbox', 'radio', 'file'].includes(f.type)) continue;
    const size = px(getComputedStyle(f).fontSize);
    if (size < args.bodyText) {
      offenders.push({
        page: args.page,
        rule: `typed text >= ${args.bodyText}px`,
        selector: describeEl(f),
        size: `${size}px`,
        text: f.name || f.placeholder,
      });
    }
  }

  // Targets: controls at least 48 px tall (buttons 48 px wide too).
  const TAPPABLE =
    'input, textarea, select, button, a[href], [role="button"], [role="checkbox"], [role="radio"], [role="tab"], .van-cell--clickable, .van-tabbar-item';
  for (const el of document.querySelectorAll<HTMLElement>(TAPPABLE)) {
    if (!shown(el)) continue;
    if (el instanceof HTMLInputElement && ['hidden', 'checkbox', 'radio'].includes(el.type)) continue;
    const r = el.getBoundingClientRect();
    const isButton = el.matches('button, [role="button"], .van-tabbar-item');
    const short = r.height < args.target - 0.5;
    const narrow = isButton && r.width < args.target - 0.5;
    if (short || narrow) {
      offenders.push({
        page: args.page,
        rule: `target >= ${args.target}px`,
        selector: describeEl(el),
        size: `${Math.round(r.width)}x${Math.round(r.height)}`,
        text: snippet(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || ''),
      });
    }
  }

  // A chart draws its text on a canvas, out of reach of the walk above: the chart component states
  // the smallest type size it hands the chart library (data-min-font), and a chart without it fails.
  for (const canvas of document.querySelectorAll('canvas')) {
    const chart = canvas.closest<HTMLElement>('[data-min-font]');
    const size = Number(chart?.dataset['minFont']);
    if (!(size >= args.minText)) {
      offenders.push({
        page: args.page,
        rule: `chart text >= ${args.minText}px`,
        selector: describeEl(chart ?? canvas),
        size: chart ? `${size}px` : 'not stated',
        text: chart?.getAttribute('aria-label') ?? '',
      });
    }
  }

  // The inputs to tap: their visible box is the field's whole row, the search pill, or the input.
  const inputs: Measured['inputs'] = [];
  const all = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')];
  all.forEach((f, index) => {
    if (!shown(f) || f.readOnly || f.disabled || ['hidden', 'checkbox', 'radio', 'file'].includes(f.type)) return;
    const boxEl = f.closest('.van-field, .van-search__content') ?? f;
    const b = boxEl.getBoundingClientRect();
    inputs.push({
      index,
      selector: describeEl(f),
      box: { x: b.x, y: b.y + window.scrollY, width: b.width, height: b.height },
    });
  });
  return { offenders, inputs };
}

/** Taps near each edge and two corners of every input's box: each tap must focus that input. */
async function tapInputs(page: Page, name: string, inputs: Measured['inputs']): Promise<Offender[]> {
  const found: Offender[] = [];
  for (const input of inputs) {
    const handle = page.locator('input, textarea').nth(input.index);
    await handle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await handle.evaluate((el) => {
      const boxEl = el.closest('.van-field, .van-search__content') ?? el;
      const b = boxEl.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    });
    const inset = 4;
    const points: [string, number, number][] = [
      ['top edge', box.x + box.width / 2, box.y + inset],
      ['bottom edge', box.x + box.width / 2, box.y + box.height - inset],
      ['left edge', box.x + inset, box.y + box.height / 2],
      ['right edge', box.x + box.width - inset, box.y + box.height / 2],
      ['top-left corner', box.x + inset * 2, box.y + inset * 2],
      ['bottom-right corner', box.x + box.width - inset * 2, box.y + box.height - inset * 2],
    ];
    const missed: string[] = [];
    for (const [where, x, y] of points) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.mouse.click(x, y);
      if (!(await handle.evaluate((el) => document.activeElement === el))) missed.push(where);
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    if (missed.length) {
      found.push({
        page: name,
        rule: 'a tap anywhere in an input box focuses it',
        selector: input.selector,
        size: `${Math.round(box.width)}x${Math.round(box.height)}`,
        text: `missed at ${missed.join(', ')}`,
      });
    }
  }
  return found;
}

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

/** One line per kind of offender, with how many there were. */
function summary(offenders: Offender[]): string {
  const counts = new Map<string, number>();
  for (const o of offenders) {
    const line = `${o.page}  [${o.rule}]  ${o.selector}  ${o.size}  "${o.text}"`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => (n > 1 ? `${line}  (x${n})` : line)).join('\n');
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
