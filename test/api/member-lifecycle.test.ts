// A member's life over HTTP, on each engine: the coordinator edits an elder's facts; resets a
// volunteer's forgotten password with a one-time code (old token and password end, the code logs
// in once); deactivates a volunteer who moved away (her balance donated to the pool, her token and
// password refused, out of the list) and brings her back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, PASSWORD, PHONES, startTestServer, targets, type Client, type TestServer } from './support/harness';
import { demo, type Demo } from './support/ops';

const DETAIL = `query ($id: ID!) { member(id: $id) {
  name address livingSituation disabilityGrade careCategories active deactivationReason canLogIn
  balance { minutes points } site { leaverBalanceRule }
  transfers(first: 5) { edges { node { kind unit amount } } } } }`;
interface Detail {
  member: {
    name: string;
    address: string | null;
    livingSituation: string | null;
    disabilityGrade: number | null;
    careCategories: string[];
    active: boolean;
    deactivationReason: string | null;
    canLogIn: boolean;
    balance: { minutes: number; points: number };
    site: { leaverBalanceRule: string };
    transfers: { edges: { node: { kind: string; unit: string; amount: number } }[] };
  } | null;
}
const VIEWER = '{ viewer { name } }';
const NAMES =
  'query ($s: ID!, $d: Boolean) { members(siteId: $s, deactivated: $d, first: 100) { edges { node { name } } } }';
interface Names {
  members: { edges: { node: { name: string } }[] };
}

describe.each(targets())('a member leaving and coming back on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client;

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator);
  });
  afterAll(() => s?.close());

  const names = async (deactivated: boolean) =>
    (await coordinator.ok<Names>(NAMES, { s: d.siteId, d: deactivated })).members.edges.map((e) => e.node.name);

  it('the coordinator edits an elder: living situation, disability grade, care categories', async () => {
    await coordinator.ok(
      `mutation ($id: ID!) { updateMember(id: $id, input: {
        livingSituation: ALONE, disabilityGrade: 2, careCategories: [LIVING_ALONE, SEVERE_DISABILITY] }) { id } }`,
      { id: d.ids.elder },
    );
    const { member } = await coordinator.ok<Detail>(DETAIL, { id: d.ids.elder });
    expect(member).toMatchObject({
      livingSituation: 'ALONE',
      disabilityGrade: 2,
      careCategories: ['LIVING_ALONE', 'SEVERE_DISABILITY'],
    });
    const bad = await coordinator
      .in('zh')
      .fails('mutation ($id: ID!) { updateMember(id: $id, input: { disabilityGrade: 7 }) { id } }', {
        id: d.ids.elder,
      });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.disabilityGrade' });
  });

  it('a forgotten password: the code is shown once, works once, and ends the old password and token', async () => {
    const old = await s.client.as(await login(s.url, PHONES.volunteer3));
    await old.ok(VIEWER);
    const { issueResetCode } = await coordinator.ok<{ issueResetCode: { code: string } }>(
      'mutation ($id: ID!) { issueResetCode(id: $id) { code expiresAt member { canLogIn } } }',
      { id: d.ids.volunteer3 },
    );
    expect(issueResetCode.code).toMatch(/^[0-9]{8}$/);
    expect(await old.codeSoon(VIEWER, 'UNAUTHENTICATED')).toBe('UNAUTHENTICATED');
    await expect(login(s.url, PHONES.volunteer3)).rejects.toThrow();

    const REDEEM =
      'mutation ($p: String!, $c: String!, $n: String!) { redeemResetCode(phone: $p, code: $c, newPassword: $n) { token member { name } } }';
    const wrong = await s.client.fails(REDEEM, { p: PHONES.volunteer3, c: '99999999', n: 'chen-new-2026' });
    if (issueResetCode.code !== '99999999') expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    const done = await s.client.ok<{ redeemResetCode: { token: string; member: { name: string } } }>(REDEEM, {
      p: PHONES.volunteer3,
      c: issueResetCode.code,
      n: 'chen-new-2026',
    });
    expect(done.redeemResetCode.member.name).toBe('陈志明');
    await s.client.as(done.redeemResetCode.token).ok(VIEWER);
    const again = await s.client.fails(REDEEM, { p: PHONES.volunteer3, c: issueResetCode.code, n: 'other-2026' });
    expect(again.extensions?.code).toBe('UNAUTHENTICATED');
    await s.client.as(await login(s.url, PHONES.volunteer3, 'chen-new-2026')).ok(VIEWER);
  });

  it('deactivating a volunteer who moved away: balance to the pool, no log-in, out of the list; reactivating', async () => {
    const liu = await s.client.as(await login(s.url, PHONES.volunteer2));
    const before = (await coordinator.ok<Detail>(DETAIL, { id: d.ids.volunteer2 })).member!;
    expect(before.site.leaverBalanceRule).toBe('DONATE_TO_POOL');
    expect(before.balance.minutes).toBeGreaterThan(0);

    const { deactivateMember } = await coordinator.ok<{ deactivateMember: { active: boolean } }>(
      'mutation ($id: ID!) { deactivateMember(id: $id, reason: LEFT, note: "去城里带孙子") { active } }',
      { id: d.ids.volunteer2 },
    );
    expect(deactivateMember.active).toBe(false);
    const after = (await coordinator.ok<Detail>(DETAIL, { id: d.ids.volunteer2 })).member!;
    expect(after).toMatchObject({ active: false, deactivationReason: 'LEFT', balance: { minutes: 0, points: 0 } });
    const donations = after.transfers.edges.map((e) => e.node).filter((t) => t.kind === 'DONATION');
    expect(donations).toEqual(
      expect.arrayContaining([
        { kind: 'DONATION', unit: 'MINUTES', amount: before.balance.minutes },
        { kind: 'DONATION', unit: 'POINTS', amount: before.balance.points },
      ]),
    );

    expect(await liu.codeSoon(VIEWER, 'UNAUTHENTICATED')).toBe('UNAUTHENTICATED');
    const refused = await s.client.fails(
      'mutation ($p: String!) { login(phone: $p, password: "huzhu2026") { token } }',
      {
        p: PHONES.volunteer2,
      },
    );
    expect(refused.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await names(false)).not.toContain('刘桂兰');
    expect(await names(true)).toContain('刘桂兰');
    // A volunteer looking for someone to give minutes to does not find her.
    const volunteer = await s.as(PHONES.volunteer);
    const found = await volunteer.ok<{ recipients: unknown[] }>('{ recipients(search: "刘桂兰") { id } }');
    expect(found.recipients).toEqual([]);

    await coordinator.ok('mutation ($id: ID!) { reactivateMember(id: $id) { active } }', { id: d.ids.volunteer2 });
    expect(await names(false)).toContain('刘桂兰');
    await s.client.as(await login(s.url, PHONES.volunteer2, PASSWORD)).ok(VIEWER);
    // The token she held before leaving stays ended.
    expect((await liu.fails(VIEWER)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
