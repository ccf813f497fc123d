// The CSV exports and the certificate over real HTTP, against a started server with the demo
// village: the bytes Excel sees, in the reader's language (Chinese or English, no codes or ids),
// who gets them, and that member text can neither run in Excel nor in the browser.
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
      // 特困: tier B (due monthly) with the age unknown; living alone alone is tier C now.
      careCategories: ['EXTREME_POVERTY'],
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

  /** The CSV's text after checking its bytes: a UTF-8 BOM, CRLF line ends only. */
  async function csvLines(res: Response): Promise<string[]> {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    return text.slice(0, -2).split('\r\n');
  }

  /** What a person reads on the certificate: the body's text, without the style and the script. */
  function visibleText(html: string): string {
    const body = html.slice(html.indexOf('<body>'));
    return body
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
  }

  it('links the CSVs from the report and serves service.csv with a BOM, Chinese header and the rows', async () => {
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
    expect(res.headers.get('content-disposition')).toContain(`filename="huzhu-${siteId}-${month}-service.csv"`);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('服务记录-')}`);
    const lines = await csvLines(res);
    expect(lines[0]).toBe('确认日期,服务内容,服务类别,志愿者,服务对象,实际时长（分钟）,积分,确认人');
    // The formula name comes out as text: a leading quote, and its own quotes doubled.
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},送午饭,助餐,张建国,"'=HYPERLINK\(""x""\)",60,10,李秀英$/);
    expect(lines).toHaveLength(2);
  });

  it('serves service.csv in English to the English client (Accept-Language or ?lang=en)', async () => {
    for (const [path, headers] of [
      [`/export/${siteId}/${month}/service.csv`, { 'accept-language': 'en' }],
      [`/export/${siteId}/${month}/service.csv?lang=en`, { 'accept-language': 'zh-CN' }],
    ] as const) {
      const res = await get(path, 'coordinator', headers);
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Service-')}`);
      const lines = await csvLines(res);
      expect(lines[0]).toBe('Date confirmed,Need,Category,Volunteer,Beneficiary,Minutes served,Points,Confirmed by');
      expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},送午饭,Meals,张建国,"'=HYPERLINK\(""x""\)",60,10,李秀英$/);
    }
    // ?lang=zh-CN wins over an English browser, as the Chinese client asks.
    const zh = await csvLines(
      await get(`/export/${siteId}/${month}/service.csv?lang=zh-CN`, 'coordinator', { 'accept-language': 'en' }),
    );
    expect(zh[0]).toMatch(/^确认日期,/);
  });

  it('serves ledger.csv: one row per transfer of the month on the site clock, in words, by serial number', async () => {
    const lines = await csvLines(await get(`/export/${siteId}/${month}/ledger.csv`, 'admin'));
    expect(lines[0]).toBe('流水号,时间,类型,单位,数量,转出,转入,备注,更正的流水号');
    // The demo's opening balances (7 transfers), then the service credit in minutes and points.
    expect(lines).toHaveLength(1 + 7 + 2);
    expect(lines.at(-2)).toMatch(/^\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},服务入账,分钟,60,站点账户,张建国,送午饭,$/);
    expect(lines.at(-1)).toMatch(/^\d+,[^,]+,服务入账,积分,10,站点账户,张建国,送午饭,$/);
    // The opening balance carried over from the paper passbook: minutes are time, not points.
    const opening = lines.slice(1, 8);
    expect(opening.filter((l) => /,时间存入,分钟,\d+,站点账户,/.test(l)).length).toBeGreaterThan(0);
    expect(opening.filter((l) => /,积分发放,积分,\d+,站点账户,/.test(l)).length).toBeGreaterThan(0);
    expect(opening.every((l) => /,(时间存入,分钟|积分发放,积分),/.test(l))).toBe(true);
    // No codes and no ids a person cannot use.
    for (const line of lines) expect(line).not.toMatch(/tr_|ISSUANCE|SERVICE_CREDIT|MINUTES|POINTS|SITE_POOL/);
    // Serial numbers go up with time.
    const refs = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(refs).toEqual([...refs].sort((a, b) => a - b));
  });

  it('serves ledger.csv in English with English kinds and units', async () => {
    const lines = await csvLines(await get(`/export/${siteId}/${month}/ledger.csv?lang=en`, 'coordinator'));
    expect(lines[0]).toBe('Ref. no.,Time,Kind,Unit,Amount,From,To,Memo,Corrects ref. no.');
    expect(lines.at(-2)).toMatch(/^\d+,[^,]+,Service credited,minutes,60,Site pool,张建国,送午饭,$/);
    expect(lines.slice(1, 8).some((l) => /,Time credited,minutes,/.test(l))).toBe(true);
    expect(lines.slice(1, 8).some((l) => /,Points issued,points,/.test(l))).toBe(true);
    for (const line of lines)
      expect(line).not.toMatch(/tr_|ISSUANCE|MINUTES|,(分钟|积分|时间存入|积分发放|服务入账|站点账户),/);
  });

  it('links the visits CSV from the coverage and serves it to the coordinator, not to the clerk', async () => {
    const { visitCoverage } = await gql<{ visitCoverage: { csvUrl: string; unvisited: { name: string }[] } }>(
      'coordinator',
      'query ($s: ID!, $m: String!) { visitCoverage(siteId: $s, month: $m) { csvUrl unvisited { name } } }',
      { s: siteId, m: month },
    );
    expect(visitCoverage.csvUrl).toBe(`${server.url}/export/${siteId}/${month}/visits.csv`);
    const res = await get(visitCoverage.csvUrl, 'coordinator');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('探访记录-')}`);
    const lines = await csvLines(res);
    expect(lines[0]).toBe('老人,探访时间,探访人,情况记录,需要跟进,跟进结果');
    // Every elder not yet visited this month is a row of the file, by name; a name Excel would run
    // as a formula comes out as text.
    expect(lines.filter((l) => l.endsWith(',本月未探访,,,,'))).toHaveLength(visitCoverage.unvisited.length);
    expect(visitCoverage.unvisited.map((m) => m.name)).toContain('=HYPERLINK("x")');
    expect(lines).toContain(`"'=HYPERLINK(""x"")",本月未探访,,,,`);
    expect((await errorOf(await get(visitCoverage.csvUrl, 'clerk'))).code).toBe('FORBIDDEN');
  });

  it("serves every site's month as one CSV to platform staff, in Chinese or English", async () => {
    const res = await get(`/export/sites/${month}/sites.csv`, 'admin');
    expect(res.headers.get('content-disposition')).toContain(`filename="huzhu-sites-${month}.csv"`);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('各站点月报-')}`);
    const lines = await csvLines(res);
    expect(lines[0]).toBe('站点,所在地区,实际服务时长（分钟）,参与志愿者,发布需求,完成需求,发放积分,兑换积分,探访率');
    // One row a site: the figures of the bureau's page (siteReports), in its order.
    const { siteReports } = await gql<{
      siteReports: (Record<'serviceMinutes' | 'activeVolunteers' | 'needsPosted' | 'needsCompleted', number> &
        Record<'pointsIssued' | 'pointsRedeemed', number> & {
          site: { name: string; region: string };
          visitRate: number | null;
        })[];
    }>(
      'admin',
      `query ($m: String!) { siteReports(month: $m) { site { name region } serviceMinutes activeVolunteers
        needsPosted needsCompleted pointsIssued pointsRedeemed visitRate } }`,
      { m: month },
    );
    const figures = (r: (typeof siteReports)[number]) => [
      r.site.name,
      r.site.region,
      r.serviceMinutes,
      r.activeVolunteers,
      r.needsPosted,
      r.needsCompleted,
      r.pointsIssued,
      r.pointsRedeemed,
      // Whole percent rounded down, '—' for no rate: the client's rule (client/src/lib/rate.ts).
      r.visitRate === null ? '—' : `${Math.floor(r.visitRate * 100 + 1e-9)}%`,
    ];
    expect(lines.slice(1)).toEqual(siteReports.map((r) => figures(r).join(',')));
    // The demo village, with the 60 minutes and 10 points served above.
    expect(lines.find((l) => l.startsWith('三和村互助养老服务站,'))).toMatch(
      /^三和村互助养老服务站,平江县\/安定镇\/三和村,60,1,\d+,\d+,10,\d+,(\d+%|—)$/,
    );

    const en = await csvLines(
      await get(`/export/sites/${month}/sites.csv`, 'admin', { 'accept-language': 'en-US,en' }),
    );
    expect(en[0]).toBe(
      'Site,Region,Minutes served,Active volunteers,Needs posted,Needs completed,Points issued,Points redeemed,Visit rate',
    );
    expect(en.slice(1)).toEqual(lines.slice(1));
  });

  it('refuses the all-sites CSV to anyone but platform staff', async () => {
    const path = `/export/sites/${month}/sites.csv`;
    for (const who of ['coordinator', 'volunteer', 'clerk'] as const) {
      const res = await get(path, who);
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: '只有民政局管理员可以查看所有站点' });
    }
    const english = await get(`${path}?lang=en`, 'coordinator');
    expect(await errorOf(english)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only platform staff can see every site',
    });
    const anonymous = await get(path, null);
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('UNAUTHENTICATED');
    const badMonth = await get('/export/sites/2026-13/sites.csv', 'admin');
    expect(badMonth.status).toBe(400);
    expect((await errorOf(badMonth)).code).toBe('BAD_USER_INPUT');
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
    // Chinese only for the Chinese client: no English word a person would read.
    expect(visibleText(html).match(/[A-Za-z]+/g) ?? []).toEqual([]);
    expect(visibleText(html)).toContain('1 小时');

    const others = await get(`/certificate/${scriptMemberId}`, 'volunteer');
    expect(others.status).toBe(403);
    expect((await errorOf(others)).code).toBe('FORBIDDEN');
    expect((await get(`/certificate/${volunteerId}`, 'admin')).status).toBe(200);
    expect((await get(`/certificate/${volunteerId}`, null)).status).toBe(401);
    expect((await get('/certificate/mem_99999', 'admin')).status).toBe(404);
    expect((await get('/certificate/mem_99999', 'volunteer')).status).toBe(403);
    expect((await get('/certificate/site_1', 'admin')).status).toBe(400);
  });

  it('prints the certificate in English for the English client, with no Chinese but the names', async () => {
    const res = await get(`/certificate/${volunteerId}?lang=en`, 'volunteer');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    const text = visibleText(html);
    expect(text).toContain('Volunteer service record');
    expect(text).toContain('Total time');
    expect(text).toContain('1 h');
    expect(text).toContain('Meals');
    // What Chinese remains is what people wrote: the names, the site, the region and the need.
    const chinese = text.match(/[\u4e00-\u9fff]+/g) ?? [];
    for (const word of chinese)
      expect(['张建国', '三和村互助养老服务站', '平江县', '安定镇', '三和村', '送午饭']).toContain(word);
    // The print button shows once its own script runs, so a frame that runs none shows no dead button.
    expect(html).toMatch(/<button id="print"[^>]* hidden>Print<\/button>/);
  });
});
