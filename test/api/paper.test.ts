// Paper over HTTP on each engine: the ID number recorded for the service certificate is never
// answered in full, to anyone (the member, the site's staff, a neighbour), through the member, the
// certificate, the mutation that records it or the service records CSV; the CSV's header is the
// documented one (docs/service-records-export.md); a card found at the counter by its code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthIn, PHONES, todayIn, startTestServer, targets, type TestServer } from './support/harness';
import { confirmedService, demo, type Demo } from './support/ops';

const FULL = '11010119900307123X';
const MASKED = '1101**********123X';

describe.each(targets())('paper on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  const bodies: string[] = [];

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
  });
  afterAll(() => s?.close());

  async function raw(phone: string, query: string, variables: Record<string, unknown>) {
    const c = await s.as(phone);
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    bodies.push(text);
    return JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  }

  it('masks the ID number in every answer, and the CSV has the documented columns', async () => {
    const set = await raw(
      PHONES.coordinator,
      'mutation ($m: ID!, $n: String!) { setMemberIdDocument(memberId: $m, idType: RESIDENT_ID, idNumber: $n) { idType idNumberMasked } }',
      { m: d.ids.volunteer2, n: FULL.toLowerCase() },
    );
    expect(set.data).toEqual({ setMemberIdDocument: { idType: 'RESIDENT_ID', idNumberMasked: MASKED } });
    await confirmedService(
      await s.as(PHONES.coordinator),
      await s.as(PHONES.volunteer2),
      { siteId: d.siteId, beneficiaryId: d.ids.elder },
      45,
    );
    const q = 'query ($m: ID!) { member(id: $m) { name idType idNumberMasked } }';
    for (const phone of [PHONES.volunteer2, PHONES.coordinator, PHONES.clerk]) {
      const r = await raw(phone, q, { m: d.ids.volunteer2 });
      expect((r.data?.member as { idNumberMasked: string }).idNumberMasked).toBe(MASKED);
    }
    const neighbour = await raw(PHONES.volunteer3, q, { m: d.ids.volunteer2 });
    expect(neighbour.data?.member ?? null).toBeNull();

    const today = todayIn();
    const cert = await raw(
      PHONES.coordinator,
      `mutation ($m: ID!, $d: String!) { issueServiceCertificate(memberId: $m, from: "2020-01-01", to: $d) {
         id number volunteerName idType idNumberMasked volunteerNumber minutes handlerName issuer { name }
         services { title minutes visit } } }`,
      { m: d.ids.volunteer2, d: today },
    );
    const c = cert.data?.issueServiceCertificate as {
      id: string;
      idNumberMasked: string;
      minutes: number;
      number: string;
    };
    expect(c.idNumberMasked).toBe(MASKED);
    expect(c.minutes).toBeGreaterThanOrEqual(45);
    const again = await raw(
      PHONES.volunteer2,
      'query ($id: ID!) { serviceCertificate(id: $id) { number idNumberMasked } }',
      {
        id: c.id,
      },
    );
    expect(again.data?.serviceCertificate).toEqual({ number: c.number, idNumberMasked: MASKED });
    const clerkTries = await raw(PHONES.clerk, 'query ($id: ID!) { serviceCertificate(id: $id) { number } }', {
      id: c.id,
    });
    expect(clerkTries.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const coord = await s.as(PHONES.coordinator);
    const res = await fetch(`${s.url}/export/${d.siteId}/${monthIn()}/service-records.csv?lang=zh`, {
      headers: { authorization: `Bearer ${coord.token}` },
    });
    expect(res.status).toBe(200);
    const csv = await res.text();
    bodies.push(csv);
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      '序号,志愿者姓名,证件类型,证件号码,志愿者编号,服务日期,服务时长（小时）,服务时长（分钟）,服务内容,服务类别,服务组织,记录来源,确认人',
    );
    const mine = rows.find((r) => r.includes('刘桂兰'))!;
    expect(mine).toContain(`居民身份证,${MASKED}`);
    expect(mine).toContain(',0.75,45,');
    const clerk = await s.as(PHONES.clerk);
    const refused = await fetch(`${s.url}/export/${d.siteId}/${monthIn()}/service-records.csv`, {
      headers: { authorization: `Bearer ${clerk.token}` },
    });
    expect(refused.status).toBe(403);

    for (const body of bodies) expect(body.toUpperCase()).not.toContain(FULL);
  });

  it('finds a member at the counter by the code on their card, and not after the card is re-issued', async () => {
    const issued = await raw(
      PHONES.clerk,
      'mutation ($m: ID!) { issueMemberCard(memberId: $m) { code memberNumber } }',
      {
        m: d.ids.volunteer3,
      },
    );
    const code = (issued.data?.issueMemberCard as { code: string }).code;
    const find = 'query ($s: ID!, $c: String!) { memberByCard(siteId: $s, code: $c) { id name } }';
    const found = await raw(PHONES.clerk, find, { s: d.siteId, c: code });
    expect(found.data?.memberByCard).toEqual({ id: d.ids.volunteer3, name: '陈志明' });
    await raw(PHONES.coordinator, 'mutation ($m: ID!) { issueMemberCard(memberId: $m) { code } }', {
      m: d.ids.volunteer3,
    });
    const old = await raw(PHONES.clerk, find, { s: d.siteId, c: code });
    expect(old.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
