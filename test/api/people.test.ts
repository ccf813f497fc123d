// Finding people and staffing sites over HTTP, on each engine: a volunteer finds the recipient of a
// donation by name or whole phone at their own site only (masked phone, no address), cannot list
// the site's phones, and gives them minutes; the platform admin appoints a new site's first
// coordinator, who logs in with the password the admin chose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  idemKey,
  login,
  monthIn,
  PHONES,
  startTestServer,
  targets,
  type Client,
  type TestServer,
} from './support/harness';
import { demo, type Demo } from './support/ops';
import { OTHER_PHONES, otherSite } from './support/sites';

const RECIPIENTS = 'query ($s: String!) { recipients(search: $s) { id name phone address careCategories } }';
interface Found {
  recipients: { id: string; name: string; phone: string | null; address: string | null; careCategories: string[] }[];
}
const BALANCE = '{ viewer { balance { minutes } } }';

describe.each(targets())('people on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let volunteer: Client;

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    await otherSite(s); // 石桥村, with its own volunteer 石志愿 (13800000013)
    volunteer = await s.as(PHONES.volunteer);
  });
  afterAll(() => s?.close());

  it('a volunteer finds a neighbour by name or whole phone, masked, and gives her minutes', async () => {
    const byName = await volunteer.ok<Found>(RECIPIENTS, { s: '桂兰' });
    expect(byName.recipients).toEqual([
      { id: d.ids.volunteer2, name: '刘桂兰', phone: '139****0004', address: null, careCategories: [] },
    ]);
    const byPhone = await volunteer.ok<Found>(RECIPIENTS, { s: '139 0000 0004' });
    expect(byPhone.recipients.map((m) => m.name)).toEqual(['刘桂兰']);

    const her = await s.as(PHONES.volunteer2);
    const before = (await her.ok<{ viewer: { balance: { minutes: number } } }>(BALANCE)).viewer.balance.minutes;
    await volunteer.ok(
      'mutation ($to: ID!, $k: String!) { donateMinutes(toMemberId: $to, minutes: 30, idempotencyKey: $k) { amount } }',
      { to: byName.recipients[0]!.id, k: idemKey('people') },
    );
    const after = (await her.ok<{ viewer: { balance: { minutes: number } } }>(BALANCE)).viewer.balance.minutes;
    expect(after - before).toBe(30);
  });

  it("a volunteer never finds another site's people, and cannot list anyone's phone", async () => {
    expect((await volunteer.ok<Found>(RECIPIENTS, { s: '石志愿' })).recipients).toEqual([]);
    expect((await volunteer.ok<Found>(RECIPIENTS, { s: OTHER_PHONES.volunteer })).recipients).toEqual([]);
    // Part of a number would let one spell phones out digit by digit: refused, in words.
    const partial = await volunteer.in('zh').fails(RECIPIENTS, { s: '1390000' });
    expect(partial.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect(partial.message).toContain('完整的11位手机号');
    // The member list, where staff read phones in full, stays closed to a volunteer.
    const list = await volunteer.fails('query ($s: ID!) { members(siteId: $s) { edges { node { phone } } } }', {
      s: d.siteId,
    });
    expect(list.extensions?.code).toBe('FORBIDDEN');
  });

  it("the admin appoints a new site's first coordinator, who then logs in and runs that site", async () => {
    const admin = await s.as(PHONES.admin);
    const site = await admin.ok<{ createSite: { id: string } }>(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: '新屋村互助站', region: '平江县/安定镇/新屋村', pointsPerHour: 10 } },
    );
    const siteId = site.createSite.id;
    const appointed = await admin.ok<{ addMember: { name: string; roles: string[]; canLogIn: boolean } }>(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { name roles canLogIn } }',
      { input: { siteId, name: '周建华', phone: '13800000099', password: 'kmrw4827', roles: ['COORDINATOR'] } },
    );
    expect(appointed.addMember).toEqual({ name: '周建华', roles: ['COORDINATOR'], canLogIn: true });

    const coordinator = s.client.as(await login(s.url, '13800000099', 'kmrw4827'));
    const me = await coordinator.ok<{ viewer: { site: { id: string; name: string } } }>(
      '{ viewer { site { id name } } }',
    );
    expect(me.viewer.site).toEqual({ id: siteId, name: '新屋村互助站' });
    // Their site's members, and only theirs.
    const own = await coordinator.ok<{ members: { totalCount: number } }>(
      'query ($s: ID!) { members(siteId: $s) { totalCount } }',
      { s: siteId },
    );
    expect(own.members.totalCount).toBe(1);
    const other = await coordinator.fails('query ($s: ID!) { members(siteId: $s) { totalCount } }', { s: d.siteId });
    expect(other.extensions?.code).toBe('FORBIDDEN');
    // The admin's view of the site: its coordinators, its month, its unvisited elders (none yet).
    const view = await admin.ok<{
      members: { edges: { node: { name: string } }[] };
      visitCoverage: { dueCount: number; unvisited: unknown[] };
    }>(
      `query ($s: ID!, $m: String!) {
        members(siteId: $s, role: COORDINATOR) { edges { node { name } } }
        visitCoverage(siteId: $s, month: $m) { dueCount unvisited { name } }
      }`,
      { s: siteId, m: monthIn() },
    );
    expect(view.members.edges.map((e) => e.node.name)).toEqual(['周建华']);
    expect(view.visitCoverage).toEqual({ dueCount: 0, unvisited: [] });
  });
});
