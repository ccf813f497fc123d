// GET /metrics over HTTP: absent (404) unless METRICS_TOKEN is set, then only for that bearer
// token (401 without one, 403 with another), in Prometheus's text format. After a few operations
// the counters show them by operation name and error code; the pool gauges show the configured
// size and nothing left in flight once every answer is in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, PHONES, targets, type TestServer } from '../api/support/harness';
import { demo } from '../api/support/ops';
import { postJson, raw, startSecServer, type SecServer } from './support/attack';

const TOKEN = 'metrics-token-for-tests-0123456789';
const LOGIN = 'mutation Login($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }';

/** The value of one sample line (`name{labels} value`), or undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe.each(targets())('GET /metrics on $name', (on) => {
  let s: SecServer;
  let plain: SecServer;

  beforeAll(async () => {
    [s, plain] = await Promise.all([startSecServer(on, { METRICS_TOKEN: TOKEN }), startSecServer(on)]);
    await demo(s as unknown as TestServer);
  });
  afterAll(() => Promise.all([s?.close(), plain?.close()]));

  const metrics = (token?: string) =>
    raw(`${s.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('is a 404 when METRICS_TOKEN is not set, token or not', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const a = await raw(`${plain.url}/metrics`, { headers });
      expect(a.status).toBe(404);
      expect(a.text).not.toMatch(/huzhu_|process_cpu/);
    }
  });

  it('refuses a request without the token (401) or with another (403)', async () => {
    const none = await metrics();
    expect(none.status).toBe(401);
    for (const wrong of [`${TOKEN}x`, TOKEN.slice(1), 'x']) {
      const a = await metrics(wrong);
      expect(a.status, wrong).toBe(403);
      expect(a.text).not.toMatch(/huzhu_/);
    }
    // The token without its scheme is not the token.
    const bare = await raw(`${s.url}/metrics`, { headers: { authorization: TOKEN } });
    expect(bare.status).toBe(403);
  });

  it('counts operations by name and errors by code, and reports the pool and the process', async () => {
    const before = (await metrics(TOKEN)).text;
    const count = (text: string, name: string, labels: Record<string, string>) => sample(text, name, labels) ?? 0;

    for (let i = 0; i < 3; i++) {
      expect((await postJson(s.url, { query: 'query SitesForMetrics { sites { totalCount } }' })).status).toBe(200);
    }
    await postJson(s.url, { query: LOGIN, variables: { p: PHONES.volunteer3, w: 'wrong-password' } });
    await postJson(s.url, { query: LOGIN, variables: { p: PHONES.volunteer3, w: PASSWORD } });
    await postJson(s.url, { query: '{ sites { totalCount } }' });
    await postJson(s.url, { query: '{ sites { totalCount }' }); // a syntax error: no operation chosen
    // Names beyond those the label set keeps still count, bucketed rather than each its own series.
    await postJson(s.url, {
      query: 'query Not_A_Name_Anyone_Uses_In_The_Client_And_Far_Too_Long_For_A_Label_000 { sites { totalCount } }',
    });

    const a = await metrics(TOKEN);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/plain/);
    const after = a.text;
    const grew = (name: string, labels: Record<string, string>) =>
      count(after, name, labels) - count(before, name, labels);

    expect(grew('huzhu_graphql_requests_total', { operation: 'SitesForMetrics' })).toBe(3);
    expect(grew('huzhu_graphql_request_duration_seconds_count', { operation: 'SitesForMetrics' })).toBe(3);
    expect(grew('huzhu_graphql_requests_total', { operation: 'Login' })).toBe(2);
    expect(grew('huzhu_graphql_errors_total', { operation: 'Login', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(grew('huzhu_graphql_requests_total', { operation: '(anonymous)' })).toBe(1);
    expect(grew('huzhu_graphql_errors_total', { operation: '(none)', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(grew('huzhu_graphql_requests_total', { operation: '(other)' })).toBe(1);
    expect(grew('huzhu_graphql_errors_total', { operation: 'SitesForMetrics', code: 'UNAUTHENTICATED' })).toBe(0);

    expect(sample(after, 'huzhu_db_pool_max_connections', { engine: on.engine })).toBe(
      on.engine === 'postgres' ? s.running.config.poolSize : 1,
    );
    if (on.engine === 'postgres') {
      // Every answer is in: nothing may be left counted as in flight or open.
      expect(sample(after, 'huzhu_db_queries_in_flight')).toBe(0);
      expect(sample(after, 'huzhu_db_transactions_open')).toBe(0);
    }
    expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('keeps the operation label bounded: past 100 names, new ones count as "(other)"', async () => {
    for (let i = 0; i < 100; i++) await postJson(s.url, { query: `query Flood${i} { __typename }` });
    const text = (await metrics(TOKEN)).text;
    const series = text.split('\n').filter((l) => l.startsWith('huzhu_graphql_requests_total{'));
    // The names of the test above, then the flood until the cap; the rest of the flood is "(other)".
    expect(series.length).toBeLessThanOrEqual(100 + 3);
    expect(sample(text, 'huzhu_graphql_requests_total', { operation: 'Flood0' })).toBe(1);
    expect(sample(text, 'huzhu_graphql_requests_total', { operation: 'Flood99' })).toBeUndefined();
    expect(sample(text, 'huzhu_graphql_requests_total', { operation: '(other)' })).toBeGreaterThanOrEqual(3);
  });
});
