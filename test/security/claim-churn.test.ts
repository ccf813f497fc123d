// Need.claims has a bound. A volunteer could grow one need's claims without limit by claiming
// and withdrawing, and `need { claims { need { claims ... } } }` then took seconds and tens of
// megabytes. Now: after 3 withdrawals the volunteer cannot claim that need again (CONFLICT,
// nothing written); the list leaves withdrawn claims out and holds at most 100; and the cost
// rule counts it at 100, so the nested document is refused before it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, PHONES, type Client, type TestServer } from '../api/support/harness';
import { CLAIM_NEED, demo, postNeed, type Demo } from '../api/support/ops';
import { expectRefusal, postJson, startSecServer, unchanged, type SecServer } from './support/attack';

const WITHDRAW = 'mutation ($id: ID!) { withdrawClaim(claimId: $id) { id status } }';

describe.each(targets())('claim churn on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let coordinator: Client;
  let volunteer: Client;

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
  });
  afterAll(() => s?.close());

  it('lets a volunteer give one need back 3 times, then refuses a 4th claim in both languages', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun });
    for (let i = 0; i < 3; i++) {
      const claim = (await volunteer.ok<{ claimNeed: { id: string } }>(CLAIM_NEED, { id: need.id })).claimNeed;
      await volunteer.ok(WITHDRAW, { id: claim.id });
    }
    for (const lang of ['en', 'zh']) {
      const e = await unchanged(s.handle, async () =>
        expectRefusal(
          await postJson(s.url, { query: CLAIM_NEED, variables: { id: need.id } }, volunteer.token, {
            'accept-language': lang,
          }),
          ['CONFLICT'],
          [200],
        ),
      );
      expect(e.message).toMatch(lang === 'en' ? /given this need back 3 times/ : /已经退出这个需求 3 次/);
      expect(e.extensions.withdrawals).toBe(3);
    }
    // Someone else may still take it.
    const other = await s.as(PHONES.volunteer2);
    const taken = await other.ok<{ claimNeed: { status: string } }>(CLAIM_NEED, { id: need.id });
    expect(taken.claimNeed.status).toBe('CLAIMED');
    // The need lists the claim that holds the slot, not the three given back.
    const read = await coordinator.ok<{ need: { claims: { status: string }[] } }>(
      'query ($id: ID!) { need(id: $id) { claims { status } } }',
      { id: need.id },
    );
    expect(read.need.claims).toEqual([{ status: 'CLAIMED' }]);
    // The given-back ones are on their own, paginated path.
    const withdrawn = await coordinator.ok<{ claims: { totalCount: number } }>(
      'query ($s: ID!) { claims(siteId: $s, status: WITHDRAWN, first: 10) { totalCount } }',
      { s: d.siteId },
    );
    expect(withdrawn.claims.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('lists withdrawn claims in no list of needs either', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.zhou, slots: 2 });
    const claim = (await volunteer.ok<{ claimNeed: { id: string } }>(CLAIM_NEED, { id: need.id })).claimNeed;
    await volunteer.ok(WITHDRAW, { id: claim.id });
    const page = await coordinator.ok<{ needs: { edges: { node: { id: string; claims: unknown[] } }[] } }>(
      'query ($s: ID!) { needs(siteId: $s, status: OPEN, first: 100) { edges { node { id claims { id status } } } } }',
      { s: d.siteId },
    );
    expect(page.needs.edges.find((e) => e.node.id === need.id)?.node.claims).toEqual([]);
  });

  it('lists at most `first` claims, 20 unless asked, and counts them so in the cost rule', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun, slots: 3 });
    for (const phone of [PHONES.volunteer, PHONES.volunteer2, PHONES.volunteer3])
      await (await s.as(phone)).ok(CLAIM_NEED, { id: need.id });
    const Q = 'query ($id: ID!, $n: Int) { need(id: $id) { claims(first: $n) { id } } }';
    const listed = async (n?: number) =>
      (await coordinator.ok<{ need: { claims: unknown[] } }>(Q, { id: need.id, n })).need.claims.length;
    expect([await listed(), await listed(2), await listed(100)]).toEqual([3, 2, 3]);
    const tooMany = await coordinator.fails(Q, { id: need.id, n: 101 });
    expect([tooMany.extensions?.code, tooMany.extensions?.field]).toEqual(['BAD_USER_INPUT', 'first']);

    // Nested at the largest page, refused before it runs: 100 x 100 x 100 claims.
    const nested = `query ($id: ID!) { need(id: $id) { claims(first: 100) { need { claims(first: 100) { need { claims(first: 100) { id } } } } } } }`;
    s.statements.length = 0;
    const a = await postJson(s.url, { query: nested, variables: { id: need.id } }, coordinator.token);
    const e = expectRefusal(a, ['GRAPHQL_VALIDATION_FAILED'], [400]);
    expect(e.message).toMatch(/cost/i);
    expect(s.statements.filter((q) => /claims/.test(q))).toEqual([]);
    // The coordinator's overview (a page of needs with their claims, as the client reads it) passes.
    const overview = await coordinator.ok<{ needs: { totalCount: number } }>(
      `query ($s: ID!, $first: Int) { needs(siteId: $s, first: $first) { totalCount edges { node { id title
        category startsAt estimatedMinutes slots openSlots status beneficiary { id name }
        claims { id status volunteer { id name } } } } } }`,
      { s: d.siteId, first: 100 },
    );
    expect(overview.needs.totalCount).toBeGreaterThan(0);
  });
});
