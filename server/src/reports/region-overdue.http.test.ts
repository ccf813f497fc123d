// The CSV of a region's visits not made, over real HTTP against a started server with the demo
// village (last month's missed visit to 吴长庚): the bytes Excel sees in the reader's language, and
// that a site's coordinator is refused as for every region report.
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import { startServer, type RunningServer } from '../http/start';

const PASSWORD = 'huzhu2026';
const PHONES = { admin: '13900000000', coordinator: '13900000001' };
type Who = keyof typeof PHONES;

/** "YYYY-MM" of the month before. */
function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y! - 1}-12` : `${y}-${String(m! - 1).padStart(2, '0')}`;
}

describe.each(testEngines())('the overdue visits CSV over HTTP on %s', (engine) => {
  let server: RunningServer;
  let database: TestDb | undefined;
  const tokens = {} as Record<Who, string>;
  const last = monthBefore(currentMonth('Asia/Shanghai'));

  const get = (path: string, who: Who) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

  beforeAll(async () => {
    const common = { port: 0, demoData: true, quiet: true, host: '127.0.0.1' } as const;
    if (engine === 'pglite') {
      server = await startServer({ ...common, env: {}, memory: true });
    } else {
      database = await openTestDb('postgres');
      server = await startServer({ ...common, env: { JWT_SECRET: 'r'.repeat(32) }, databaseUrl: database.url });
    }
    for (const who of Object.keys(PHONES) as Who[]) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
          variables: { p: PHONES[who], w: PASSWORD },
        }),
      });
      tokens[who] = ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('lists last month’s missed visits of every region, in Chinese and in English', async () => {
    const zh = await get(`/export/regions/all/${last}/overdue.csv?lang=zh`, 'admin');
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The bytes as sent (text() would drop the BOM Excel needs).
    const lines = Buffer.from(await zh.arrayBuffer())
      .toString('utf8')
      .split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF所在地区,村,站点,老人,探访频次,周期开始,应探访日期,状态,上次探访,结对探访人,备用探访人',
    );
    // 吴长庚's monthly visit of last month, missed (the demo's visit duty), with his pair.
    const wu = lines.find((l) => l.includes('吴长庚'))!;
    expect(wu.split(',').slice(1, 4).join(' ')).toBe('三和村 三和村互助养老服务站 吴长庚');
    expect(wu).toContain('已错过');
    expect(wu.split(',').slice(-2)).toEqual(['陈志明', '张建国']);
    const en = await get(`/export/regions/all/${last}/overdue.csv?lang=en`, 'admin');
    expect((await en.text()).split('\r\n').find((l) => l.includes('吴长庚'))).toContain('Monthly');
  });

  it('refuses a site’s coordinator and a bad region or month', async () => {
    expect((await get(`/export/regions/all/${last}/overdue.csv`, 'coordinator')).status).toBe(403);
    expect((await get(`/export/regions/site_1/${last}/overdue.csv`, 'admin')).status).toBe(400);
    expect((await get(`/export/regions/region_999999/${last}/overdue.csv`, 'admin')).status).toBe(404);
    expect((await get('/export/regions/all/2026-13/overdue.csv', 'admin')).status).toBe(400);
  });
});
