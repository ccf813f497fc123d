// SQL and script text in every string field of every mutation. Free text is stored and returned as
// plain text, byte for byte: never executed (the tables are all still there, the ledger holds),
// never rendered (the certificate escapes it, the CSVs quote it and defuse formulas). Text with a
// format (phones, time zones, idempotency keys, ids, months) is refused as BAD_USER_INPUT naming
// the field, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, idemKey, login, monthIn, PHONES, type Client, type TestServer } from '../api/support/harness';
import { claimUpTo, CONFIRM, demo, postNeed, redeem, transfersOf, type Demo } from '../api/support/ops';
import { dbState, expectRefusal, postJson, raw, startSecServer, unchanged, type SecServer } from './support/attack';
import { parseCsv } from './support/csv';

// Each within its field's length limit, with no leading or trailing space (names are trimmed).
const SQL = `Robert'); DROP TABLE members;--`;
const XSS = `<script>alert("x")</script>`;
const IMG = `<img src=x onerror=alert(1)>'; DELETE FROM needs;--`;
const FORMULA = `=1+2<script>alert(1)</script>`;
const MEMO = `=cmd|' /C calc'!A0,"x";${SQL}`;
const LONG = `${SQL}\n${XSS}\n${IMG}\n${FORMULA}\n\${7*7} {{7*7}} %s %n \\x00 ' " \` ; -- /* */ ＜脚本＞`;
// One-line fields (addresses, a reversal's reason) refuse line breaks: the same text on one line.
const LINE = LONG.replaceAll('\n', ' ');
const PASSWORD_INJECTION = `' OR '1'='1'; --<b>`;

describe.each(targets())('SQL and script text on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let admin: Client;
  let coordinator: Client;
  let clerk: Client;
  let evil: Client;
  let evilId: string;

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    admin = await s.as(PHONES.admin);
    coordinator = await s.as(PHONES.coordinator);
    clerk = await s.as(PHONES.clerk);
  });
  afterAll(() => s?.close());

  const read = <T>(as: Client, query: string, variables: Record<string, unknown>) => as.ok<T>(query, variables);

  it('stores the text of every mutation and gives it back byte for byte', async () => {
    // createSite: name, region (split into county/township/village)
    const region = `平江县'; DROP TABLE sites;--/伍市镇" OR "1"="1/新村<img src=x onerror=alert(1)`;
    const site = await read<{ createSite: { id: string } }>(
      admin,
      'mutation ($i: CreateSiteInput!) { createSite(input: $i) { id } }',
      {
        i: { name: XSS, region, pointsPerHour: 10 },
      },
    );
    const back = await read<{ site: Record<string, string> }>(
      s.client,
      'query ($id: ID!) { site(id: $id) { name county township village } }',
      {
        id: site.createSite.id,
      },
    );
    expect(back.site).toEqual({
      name: XSS,
      county: `平江县'; DROP TABLE sites;--`,
      township: '伍市镇" OR "1"="1',
      village: '新村<img src=x onerror=alert(1)',
    });

    // addMember: name, address, password (the injection is the password, and only it opens the door)
    const phone = '13755550001';
    const added = await read<{ addMember: { id: string } }>(
      coordinator,
      'mutation ($i: AddMemberInput!) { addMember(input: $i) { id } }',
      {
        i: {
          siteId: d.siteId,
          name: FORMULA,
          phone,
          password: PASSWORD_INJECTION,
          address: LINE.slice(0, 200),
          roles: ['VOLUNTEER'],
        },
      },
    );
    evilId = added.addMember.id;
    const m = await read<{ member: { name: string; address: string } }>(
      coordinator,
      'query ($id: ID!) { member(id: $id) { name address } }',
      {
        id: evilId,
      },
    );
    expect(m.member).toEqual({ name: FORMULA, address: LINE.slice(0, 200) });
    evil = s.client.as(await login(s.url, phone, PASSWORD_INJECTION));
    const wrong = await postJson(s.url, {
      query: 'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
      variables: { p: phone, w: `' OR '1'='1` },
    });
    expectRefusal(wrong, ['UNAUTHENTICATED'], [200]);

    // postNeed: title, description; reportService: note; confirm, so the certificate and CSVs show them
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun, title: IMG, slots: 2 });
    const claim = await claimUpTo(evil, need.id, 'CHECKED_IN');
    await evil.ok('mutation ($id: ID!, $n: String) { reportService(claimId: $id, minutes: 60, note: $n) { id } }', {
      id: claim.id,
      n: LONG,
    });
    await coordinator.ok(CONFIRM, { id: claim.id, key: idemKey('inj') });

    // a second claim rejected with a reason; a described need cancelled with a reason
    const other = await claimUpTo(await s.as(PHONES.volunteer2), need.id, 'REPORTED', 30);
    await coordinator.ok('mutation ($id: ID!, $r: String!) { rejectService(claimId: $id, reason: $r) { id } }', {
      id: other.id,
      r: MEMO,
    });
    const described = await coordinator.ok<{ postNeed: { id: string } }>(
      'mutation ($i: PostNeedInput!) { postNeed(input: $i) { id } }',
      {
        i: {
          siteId: d.siteId,
          beneficiaryId: d.ids.zhou,
          title: SQL,
          description: LONG,
          category: 'OTHER',
          estimatedMinutes: 30,
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
    );
    await coordinator.ok('mutation ($id: ID!, $r: String!) { cancelNeed(id: $id, reason: $r) { id } }', {
      id: described.postNeed.id,
      r: XSS,
    });
    const needs = await read<{ a: Record<string, unknown>; b: Record<string, unknown> }>(
      coordinator,
      `query ($a: ID!, $b: ID!) { a: need(id: $a) { title claims { reportNote rejectReason } } b: need(id: $b) { title description cancelReason } }`,
      { a: need.id, b: described.postNeed.id },
    );
    expect(needs.a).toEqual({
      title: IMG,
      claims: expect.arrayContaining([
        { reportNote: LONG, rejectReason: null },
        { reportNote: null, rejectReason: MEMO },
      ]),
    });
    expect(needs.b).toEqual({ title: SQL, description: LONG, cancelReason: XSS });

    // donateMinutes: note; reverseTransfer: reason
    const gift = await evil.ok<{ donateMinutes: { id: string } }>(
      'mutation ($to: ID!, $n: String, $k: String!) { donateMinutes(toMemberId: $to, minutes: 10, note: $n, idempotencyKey: $k) { id } }',
      { to: d.ids.elder, n: MEMO.slice(0, 200), k: idemKey('inj') },
    );
    await coordinator.ok(
      'mutation ($id: ID!, $r: String!, $k: String!) { reverseTransfer(id: $id, reason: $r, idempotencyKey: $k) { id } }',
      {
        id: gift.donateMinutes.id,
        r: LINE,
        k: idemKey('inj'),
      },
    );
    const memos = (
      await read<{ member: { transfers: { edges: { node: { memo: string | null; kind: string } }[] } } }>(
        coordinator,
        'query ($id: ID!) { member(id: $id) { transfers(first: 10) { edges { node { memo kind } } } } }',
        { id: evilId },
      )
    ).member.transfers.edges.map((e) => e.node);
    expect(memos).toEqual(
      expect.arrayContaining([
        { kind: 'DONATION', memo: MEMO.slice(0, 200) },
        { kind: 'REVERSAL', memo: LINE },
      ]),
    );

    // addProduct: name; redeem and cancelRedemption: reason; recordVisit: note
    const product = await clerk.ok<{ addProduct: { id: string } }>(
      'mutation ($i: AddProductInput!) { addProduct(input: $i) { id } }',
      {
        i: { siteId: d.siteId, name: `@SUM(1+1)*cmd|'/C calc'!A0`, pointsPrice: 1, stock: 5 },
      },
    );
    const r = await redeem(clerk, evilId, [{ productId: product.addProduct.id, quantity: 1 }]);
    await clerk.ok('mutation ($id: ID!, $r: String!) { cancelRedemption(id: $id, reason: $r) { id } }', {
      id: r.id,
      r: SQL,
    });
    await coordinator.ok('mutation ($i: RecordVisitInput!) { recordVisit(input: $i) { id } }', {
      i: { elderId: d.ids.elder, visitedAt: new Date(Date.now() - 60_000).toISOString(), note: LONG },
    });
    const shop = await read<{
      products: { name: string }[];
      redemptions: { edges: { node: { cancelReason: string } }[] };
      visitCoverage: { visits: { note: string }[] };
    }>(
      coordinator,
      'query ($s: ID!, $m: String!) { products(siteId: $s) { name } redemptions(siteId: $s, first: 1) { edges { node { cancelReason } } } visitCoverage(siteId: $s, month: $m) { visits { note } } }',
      { s: d.siteId, m: monthIn() },
    );
    expect(shop.products.map((p) => p.name)).toContain(`@SUM(1+1)*cmd|'/C calc'!A0`);
    expect(shop.redemptions.edges[0]!.node.cancelReason).toBe(SQL);
    expect(shop.visitCoverage.visits.map((v) => v.note)).toContain(LONG);

    // Nothing ran: every table is still there and the ledger holds.
    const state = await dbState(s.handle);
    expect(Object.keys(state.tables)).toEqual(expect.arrayContaining(['members', 'needs', 'sites', 'transfers']));
    expect(state.broken).toEqual([]);
    expect((await transfersOf(coordinator, d.ids.volunteer)).length).toBeGreaterThan(0);
  });

  it('escapes the text in the certificate', async () => {
    const a = await raw(`${s.url}/certificate/${evilId}`, {
      headers: { authorization: `Bearer ${coordinator.token}` },
    });
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/html/);
    expect(a.text).toContain('=1+2&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(a.text).toContain('&lt;img src=x onerror=alert(1)&gt;&#39;; DELETE FROM needs;--');
    expect(a.text).not.toContain('<img');
    expect(a.text).not.toContain('<script>alert');
    // One script on the page, our own print button's, and only it may run (its nonce).
    expect(a.text.match(/<script/g)).toHaveLength(1);
    expect(a.text).toMatch(/<script nonce="[^"]+">/);
  });

  it('quotes the text and defuses formulas in the CSV exports', async () => {
    const get = async (file: string) => {
      const a = await raw(`${s.url}/export/${d.siteId}/${monthIn()}/${file}`, {
        headers: { authorization: `Bearer ${coordinator.token}` },
      });
      expect(a.status, a.text).toBe(200);
      expect(a.contentType).toMatch(/^text\/csv/);
      return parseCsv(a.text.replace(/^\uFEFF/, ''));
    };
    const service = await get('service.csv');
    const row = service.find((r) => r[1] === IMG);
    expect(row, JSON.stringify(service)).toBeDefined();
    expect(row![3]).toBe(`'${FORMULA}`);
    const ledger = await get('ledger.csv');
    const cells = ledger.flat();
    expect(cells).toContain(`'${MEMO.slice(0, 200)}`);
    expect(cells).toContain(`'${FORMULA}`);
    // No cell Excel would run: every cell starting with = + - @ is one we put a quote before.
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+@]|^-[^0-9]/);
  });

  it('refuses injections into formatted text as BAD_USER_INPUT naming the field, writing nothing', async () => {
    const cases: [Client | undefined, string, Record<string, unknown>, string][] = [
      [
        undefined,
        'mutation ($p: String!) { login(phone: $p, password: "x") { token } }',
        { p: `13900000001' OR '1'='1` },
        'phone',
      ],
      [
        coordinator,
        'mutation ($i: AddMemberInput!) { addMember(input: $i) { id } }',
        { i: { siteId: d.siteId, name: 'x', phone: `139' OR 1=1--`, roles: ['ELDER'] } },
        'input.phone',
      ],
      [
        admin,
        'mutation ($i: CreateSiteInput!) { createSite(input: $i) { id } }',
        { i: { name: 'x', region: 'a/b/c', pointsPerHour: 1, timeZone: `Asia/Shanghai'; DROP TABLE sites;--` } },
        'input.timeZone',
      ],
      [
        evil,
        'mutation ($k: String!, $to: ID!) { donateMinutes(toMemberId: $to, minutes: 1, idempotencyKey: $k) { id } }',
        { k: `x'; DROP TABLE transfers;--`, to: d.ids.elder },
        'idempotencyKey',
      ],
      [
        evil,
        'mutation ($to: ID!) { donateMinutes(toMemberId: $to, minutes: 1, idempotencyKey: "key-12345678") { id } }',
        { to: `mem_1' OR '1'='1` },
        'toMemberId',
      ],
      [
        coordinator,
        'mutation ($id: ID!) { cancelNeed(id: $id, reason: "x") { id } }',
        { id: `need_1; DELETE FROM needs` },
        'id',
      ],
      [
        coordinator,
        'query ($m: String!, $s: ID!) { siteReport(siteId: $s, month: $m) { serviceMinutes } }',
        { m: `2026-01'--`, s: d.siteId },
        'month',
      ],
      [
        coordinator,
        'mutation ($n: String!, $s: ID!) { addMember(input: { siteId: $s, name: $n, roles: [ELDER] }) { id } }',
        { n: `张三\u0000'); DROP TABLE members;--`, s: d.siteId },
        'input.name',
      ],
    ];
    for (const [as, query, variables, field] of cases) {
      const r = await unchanged(s.handle, async () =>
        expectRefusal(await postJson(s.url, { query, variables }, as?.token), ['BAD_USER_INPUT'], [200]),
      );
      expect(r.extensions.field, query).toBe(field);
    }
    const csv = await raw(`${s.url}/export/${d.siteId}/2026-01';DROP TABLE transfers;--/ledger.csv`, {
      headers: { authorization: `Bearer ${coordinator.token}` },
    });
    expect(csv.status).toBe(400);
    expect(csv.json).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    // A search for SQL finds nobody rather than everybody.
    const found = await coordinator.ok<{ members: { totalCount: number } }>(
      'query ($s: ID!, $q: String!) { members(siteId: $s, search: $q) { totalCount } }',
      { s: d.siteId, q: `' OR '1'='1` },
    );
    expect(found.members.totalCount).toBe(0);
  });
});
