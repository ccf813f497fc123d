// The size rules sizes.e2e.test.ts applies on every page it walks to: text of at least 16 px, body
// text 18 px, targets 48 px, inputs focused by a tap anywhere in their box, phone numbers on one
// line, chart text 16 px. Each offender is reported with its page, rule, selector and size.
import type { Page } from 'playwright-core';

export const MIN_TEXT = 16;
export const BODY_TEXT = 18;
export const TARGET = 48;

export interface Offender {
  page: string;
  rule: string;
  selector: string;
  size: string;
  text: string;
}

export interface Measured {
  offenders: Offender[];
  /** Inputs to tap at the edges of their box: index among the page's inputs, and the box. */
  inputs: { index: number; selector: string; box: { x: number; y: number; width: number; height: number } }[];
}

/**
 * Runs in the page: every rendered text node, control and phone number. Self-contained (it is
 * sent to the browser as source), so its helpers are arrow functions inside it.
 */
export function measureInPage(args: { page: string; minText: number; bodyText: number; target: number }): Measured {
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
export async function tapInputs(page: Page, name: string, inputs: Measured['inputs']): Promise<Offender[]> {
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

/** One line per kind of offender, with how many there were. */
export function summary(offenders: Offender[]): string {
  const counts = new Map<string, number>();
  for (const o of offenders) {
    const line = `${o.page}  [${o.rule}]  ${o.selector}  ${o.size}  "${o.text}"`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => (n > 1 ? `${line}  (x${n})` : line)).join('\n');
}
