// Shared pieces of the browser tests: start the server (built client included), launch Chromium,
// log in, take screenshots at phone and laptop size, and run axe-core on a page.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { afterAll, beforeAll, expect } from 'vitest';
import zh from '../src/i18n/zh-CN';

export const clientDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(clientDir, '..');
export const PASSWORD = 'huzhu2026';
export const PHONE = {
  admin: '13900000000',
  coordinator: '13900000001',
  clerk: '13900000002',
  volunteer: '13900000003',
};
export const PHONE_SIZE = { width: 390, height: 844 };
export const LAPTOP_SIZE = { width: 1280, height: 800 };
export { zh };

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  /**
   * The server's job queue and database, for a journey that lets a scheduled job fire now (the
   * 08:00 escalation) rather than wait for its hour: in this process only, never over HTTP.
   */
  jobs: { enqueue(tx: unknown, name: string, data: object): Promise<string | null> };
  handle: { db: unknown };
}

/** Builds the client if dist/ is missing; the test serves exactly what users get. */
export function ensureBuilt(): string {
  const dist = join(clientDir, 'dist');
  // NODE_ENV=production: vitest sets it to 'test', and Vite then builds with import.meta.env.PROD
  // false, which drops the service worker's registration from the bundle users would get.
  if (!existsSync(join(dist, 'index.html'))) {
    execSync('pnpm build', { cwd: clientDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  return dist;
}

type StartServer = (o: Record<string, unknown>) => Promise<RunningServer>;

/**
 * The server's public start function. `@huzhu/server/start` when this package can resolve it;
 * otherwise the same file through the server package's own export map (client/package.json does
 * not list the server: only this test needs it).
 */
async function loadStartServer(): Promise<StartServer> {
  try {
    const spec = '@huzhu/server/start';
    return ((await import(/* @vite-ignore */ spec)) as { startServer: StartServer }).startServer;
  } catch {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'server', 'package.json'), 'utf8')) as {
      exports: Record<string, string>;
    };
    const file = join(repoRoot, 'server', pkg.exports['./start'] ?? 'src/http/start.ts');
    return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { startServer: StartServer }).startServer;
  }
}

/**
 * A test file's server (the built client, the demo village) and Chromium: started before its
 * tests, stopped after them. Read `suite.server` and `suite.browser` inside tests and hooks.
 */
export function browserSuite(): { readonly server: RunningServer; readonly browser: Browser } {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startTestServer(ensureBuilt());
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    // Never let a stuck shutdown hang the run.
    await Promise.race([suite.server?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });
  return suite;
}

export async function startTestServer(staticDir: string): Promise<RunningServer> {
  const startServer = await loadStartServer();
  return startServer({ port: 0, host: '127.0.0.1', memory: true, demoData: true, staticDir, quiet: true });
}

/** Debian's Chromium wherever PATH has it (`command -v chromium`); never a downloaded build. */
function chromiumOnPath(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'chromium'))) return join(dir, 'chromium');
  }
  return undefined;
}

/**
 * Chromium; `extraArgs` join the usual flags (a fake camera for the card scanner:
 * `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file.y4m>`).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? chromiumOnPath();
  if (!executablePath || !existsSync(executablePath)) {
    // `bash .ci/run` (the README's test command) installs it, with the Chinese fonts.
    throw new Error('Chromium is missing: run `bash .ci/run`, or apt-get install -y chromium fonts-noto-cjk');
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** Browser-side errors go to the test log, so a failure says what the page saw. */
/**
 * How long a page may take to show what a step waits for: about a second on a normal day; 60 s
 * leaves room for a machine at a quarter of its speed (and is still far below the test's limit).
 */
export const UI_WAIT_MS = 60_000;

function watch(ctx: BrowserContext): BrowserContext {
  ctx.setDefaultTimeout(UI_WAIT_MS);
  ctx.setDefaultNavigationTimeout(UI_WAIT_MS);
  ctx.on('weberror', (e) => console.error('[browser error]', e.error().message));
  ctx.on('console', (m) => {
    if (m.type() === 'error') console.error('[browser console]', m.text(), m.location().url);
  });
  ctx.on('response', async (r) => {
    if (r.status() >= 500) {
      const body = await r.text().catch(() => '');
      console.error(
        '[server]',
        r.status(),
        r.request().method(),
        r.url(),
        r.request().postData()?.slice(0, 80),
        body.slice(0, 400),
      );
    }
  });
  return ctx;
}

export async function newPhone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return watch(
    await browser.newContext({
      baseURL,
      viewport: PHONE_SIZE,
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    }),
  );
}

export async function newLaptop(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return watch(
    await browser.newContext({ baseURL, viewport: LAPTOP_SIZE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
  );
}

export async function logIn(page: Page, phone: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: zh.login.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits until the page has no spinner and the network is quiet. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .locator('.van-loading')
    .first()
    .waitFor({ state: 'detached', timeout: UI_WAIT_MS })
    .catch(() => {});
  await page.waitForTimeout(300);
}

export interface A11yProblem {
  page: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is; returns the serious and critical violations. */
export async function axeCheck(page: Page, name: string): Promise<A11yProblem[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly forbids inline tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // A toast fading in or out has half its opacity: axe would read its colours blended with the
  // page (seen: 1.34:1 on a fading van-toast on a loaded machine). Finite animations end first;
  // a spinner's endless one is not waited for.
  await page
    .waitForFunction(
      () =>
        document.getAnimations().every((a) => {
          const end = a.effect?.getComputedTiming().endTime;
          return a.playState !== 'running' || typeof end !== 'number' || !Number.isFinite(end);
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: name, ...v }));
}

/** A screenshot at the page's current size, into the test's folder. */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: join(dir, `${name}-${size?.width}x${size?.height}.png`), fullPage: false });
}

/** Screenshots at both sizes, and axe at the phone size; restores the original size. */
export async function capture(page: Page, dir: string, name: string, problems: A11yProblem[]): Promise<void> {
  const original = page.viewportSize();
  await settle(page);
  for (const size of [PHONE_SIZE, LAPTOP_SIZE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await shoot(page, dir, name);
  }
  if (original) await page.setViewportSize(original);
  await page.waitForTimeout(150);
  problems.push(...(await axeCheck(page, name)));
}

/** Reads "1 小时 30 分钟" / "45 分钟" / "2 小时" back into minutes. */
export function parseMinutes(text: string): number {
  const h = /(\d+)\s*小时/.exec(text);
  const m = /(\d+)\s*分钟/.exec(text);
  return (h ? Number(h[1]) * 60 : 0) + (m ? Number(m[1]) : 0);
}

/** The day and time on the demo village's clock (Asia/Shanghai) `minutes` ago, as the post page's inputs take them. */
export function startedMinutesAgo(minutes: number): { day: string; time: string } {
  const at = new Date(Date.now() - minutes * 60_000);
  const zone = { timeZone: 'Asia/Shanghai' } as const;
  return {
    day: new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at),
    time: new Intl.DateTimeFormat('en-GB', { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      at,
    ),
  };
}

/** One GraphQL request as an outside client sends it (with a token or none); its data, or throws its errors. */
export async function graphqlAt<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/**
 * A page looked at the way every journey does: settled, a screenshot into `dir`, axe's findings
 * kept in `problems` (asserted empty at the journey's end), and none of `machine` (ids, API
 * field names) anywhere in the page's text.
 */
export function looker(dir: string, machine: RegExp, problems: A11yProblem[]) {
  return async (page: Page, name: string): Promise<void> => {
    await settle(page);
    await shoot(page, dir, name);
    problems.push(...(await axeCheck(page, name)));
    expect(await page.locator('body').innerText(), name).not.toMatch(machine);
  };
}
