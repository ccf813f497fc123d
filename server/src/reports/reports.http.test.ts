// The CSV exports and the certificate over real HTTP, against a started server with the demo
// village: the bytes Excel sees, who gets them, and that member text can neither run in Excel
// nor in the browser.
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import { startServer, type RunningServer } from '../http/start';

const PASSWORD = 'huzhu2026';
const PHONES = { admin: '13900000000', coordinator: '13900000001', clerk: '13900000002', volunteer: '13900000003' };
type Who = keyof typeof PHONES;

describe.each(testEngines())('report files over HTTP on %s', (engine) => {
  let server: RunningServer;
  let database: TestDb | undefined;
  const tokens = {} as Record<Who, string>;
  let siteId: string;
  let volunteerId: string;
  let scriptMemberId: string;
  const month = currentMonth('Asia/Shanghai');

  async function gql<T>(who: Who | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }

  const get = (path: string, who: Who | null, headers: Record<string, string> = {}) =>
    fetch(path.startsWith('http') ? path : `${server.url}${path}`, {
      headers: { ...headers, ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    });

  async function errorOf(res: Response) {
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return ((await res.json()) as { error: { code: string; message: string } }).error;
  }

  beforeAll(async () => {
    // An empty env: the developer's own DATABASE_URL or JWT_SECRET must not leak into the test.
    const common = { port: 0, demoData: true, quiet: true, host: '127.0.0.1' } as const;
    if (engine === 'pglite') {
      server = await startServer({ ...common, env: {}, memory: true });
    } else {
      database = await openTestDb('postgres');
      server = await startServer({ ...common, env: { JWT_SECRET: 'r'.repeat(32) }, databaseUrl: database.url });
    }
    for (const who of Object.keys(PHONES) as Who[]) {
      const { login } = await gql<{ login: { token: string; member: { id: string } } }>(
        null,
        'mutation ($phone: String!, $password: String!) { login(phone: $phone, password: $password) { token member { id } } }',
        { phone: PHONES[who], password: PASSWORD },
      );
      tokens[who] = login.token;
      if (who === 'volunteer') volunteerId = login.member.id;
    }
    siteId = (await gql<{ viewer: { site: { id: string } } }>('coordinator', '{ viewer { site { id } } }')).viewer.site
      .id;

    const addMember = (input: Record<string, unknown>) =>
      gql<{ addMember: { id: string } }>(
        'coordinator',
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
        { input: { siteId, ...input } },
      ).then((r) => r.addMember.id);
    // Names are user input: one that Excel would run as a formula, one a browser would run as script.
    const formulaElder = await addMember({
      name: '=HYPERLINK("x")',
      roles: ['ELDER'],
      careCategories: ['LIVING_ALONE'],
    });
    scriptMemberId = await addMember({ name: '<script>alert(1)</script>', roles: ['VOLUNTEER'] });

    const { postNeed } = await gql<{ postNeed: { id: string } }>(
      'coordinator',
      'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }',
      {
        input: {
          siteId,
          title: '送午饭',
          category: 'MEALS',
          beneficiaryId: formulaElder,
          startsAt: new Date().toISOString(),
          estimatedMinutes: 60,
        },
      },
    );
    const { claimNeed } = await gql<{ claimNeed: { id: string } }>(
      'volunteer',
      'mutation ($id: ID!) { claimNeed(needId: $id) { id } }',
      { id: postNeed.id },
    );
    await gql('volunteer', 'mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id: claimNeed.id });
    await gql('volunteer', 'mutation ($id: ID!) { reportService(claimId: $id, minutes: 60) { id } }', {
      id: claimNeed.id,
    });
    await gql(
      'coordinator',
      'mutation ($id: ID!) { confirmService(claimId: $id, idempotencyKey: "http-report-1") { id } }',
      {
        id: claimNeed.id,
      },
    );
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('links the CSVs from the report and serves service.csv with a BOM, bilingual header and the rows', async () => {
    const { siteReport } = await gql<{
      siteReport: { serviceCsvUrl: string; ledgerCsvUrl: string; serviceMinutes: number };
    }>(
      'coordinator',
      'query ($s: ID!, $m: String!) { siteReport(siteId: $s, month: $m) { serviceCsvUrl ledgerCsvUrl serviceMinutes } }',
      { s: siteId, m: month },
    );
    expect(siteReport.serviceMinutes).toBe(60);
    expect(siteReport.serviceCsvUrl).toBe(`${server.url}/export/${siteId}/${month}/service.csv`);

    const res = await get(siteReport.serviceCsvUrl, 'coordinator');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="huzhu-${siteId}-${month}-service.csv"`);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('服务记录-')}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '确认日期 Date,服务内容 Need,服务类别 Category,志愿者 Volunteer,服务对象 Beneficiary,分钟 Minutes,积分 Points,确认人 Confirmed by',
    );
    // The formula name comes out as text: a leading quote, and its own quotes doubled.
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},送午饭,助餐 MEALS,张建国,"'=HYPERLINK\(""x""\)",60,10,李秀英$/);
    expect(lines.slice(2)).toEqual(['']);
  });

  it('serves ledger.csv: one row per transfer of the month on the site clock', async () => {
    const res = await get(`/export/${siteId}/${month}/ledger.csv`, 'admin');
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '编号 ID,时间 Time,类型 Kind,单位 Unit,数量 Amount,转出 From,转入 To,备注 Memo,冲正的记录 Reverses',
    );
    // The demo's opening balances (7 transfers), then the service credit in minutes and points.
    expect(lines).toHaveLength(1 + 7 + 2);
    expect(lines.at(-2)).toMatch(
      /^tr_\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},服务入账 SERVICE_CREDIT,分钟 MINUTES,60,站点账户 Site pool,张建国,送午饭,$/,
    );
    expect(lines.at(-1)).toMatch(/,服务入账 SERVICE_CREDIT,积分 POINTS,10,站点账户 Site pool,张建国,送午饭,$/);
  });

  it('answers errors as JSON: 401 without or with a bad token, 403 for others, 400 and 404', async () => {
    const path = `/export/${siteId}/${month}/service.csv`;
    const noToken = await get(path, null);
    expect(noToken.status).toBe(401);
    expect(await errorOf(noToken)).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const badToken = await get(path, null, { authorization: 'Bearer not-a-token' });
    expect(badToken.status).toBe(401);
    expect((await errorOf(badToken)).code).toBe('UNAUTHENTICATED');

    for (const who of ['volunteer', 'clerk'] as const) {
      const res = await get(path, who, { 'accept-language': 'en' });
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/COORDINATOR/) });
    }
    for (const bad of [`/export/${siteId}/2026-13/ledger.csv`, `/export/mem_1/${month}/ledger.csv`]) {
      const res = await get(bad, 'coordinator');
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('BAD_USER_INPUT');
    }
    const unknown = await get(`/export/site_9999/${month}/service.csv`, 'admin');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('NOT_FOUND');
    const otherFile = await get(`/export/${siteId}/${month}/passwords.csv`, 'admin');
    expect(otherFile.status).toBe(404);
    expect((await errorOf(otherFile)).code).toBe('NOT_FOUND');
  });

  it('prints a certificate with every name escaped', async () => {
    const res = await get(`/certificate/${scriptMemberId}`, 'coordinator');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('志愿服务记录');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('@media print');
    expect(html).toContain('id="print"');
  });

  it("shows a volunteer their own certificate with their service, and no one else's", async () => {
    const own = await get(`/certificate/${volunteerId}`, 'volunteer');
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain('张建国');
    expect(html).toContain('送午饭');
    expect(html).toContain('1 次');

    const others = await get(`/certificate/${scriptMemberId}`, 'volunteer');
    expect(others.status).toBe(403);
    expect((await errorOf(others)).code).toBe('FORBIDDEN');
    expect((await get(`/certificate/${volunteerId}`, 'admin')).status).toBe(200);
    expect((await get(`/certificate/${volunteerId}`, null)).status).toBe(401);
    expect((await get('/certificate/mem_99999', 'admin')).status).toBe(404);
    expect((await get('/certificate/mem_99999', 'volunteer')).status).toBe(403);
    expect((await get('/certificate/site_1', 'admin')).status).toBe(400);
  });
});
