// Insecure direct object references: the demo village's coordinator, volunteer, elder and clerk
// send every mutation with the ids of a second site (created by the platform admin), and with
// their own site's ids mixed with the other's. Each ends FORBIDDEN or NOT_FOUND (BAD_USER_INPUT
// naming the field where an id of the other site is simply not one the input may name), never a
// success, and the whole database is byte for byte as it was. Also: a volunteer confirming their
// own service, a clerk redeeming for a member of another site, and a donation to oneself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, MATRIX, STAGE, type Actor } from '../api/support/authz-matrix';
import { targets, idemKey, PASSWORD, PHONES, login, type Client, type TestServer } from '../api/support/harness';
import { claimUpTo, CONFIRM, demo, postNeed, REDEEM, type Demo } from '../api/support/ops';
import { otherSite, ownSite, type SiteCtx } from '../api/support/sites';
import { postJson, startSecServer, unchanged, type SecServer } from './support/attack';

type SiteActor = Exclude<Actor, 'ADMIN' | 'anonymous' | 'TOWN_OFFICER' | 'OTHER_TOWN_OFFICER'>;
const ACTOR_PHONE: Record<SiteActor, string> = {
  COORDINATOR: PHONES.coordinator,
  VOLUNTEER: PHONES.volunteer,
  ELDER: PHONES.elder,
  CLERK: PHONES.clerk,
};
// Public (login, requestToJoin, redeemResetCode), of no site (createSite), or on one's own inbox
// only (markInboxRead, markAllInboxRead: another's message ids change nothing, as the inbox
// tests show): nothing of another site to name.
const NO_SITE = [
  'login',
  'requestToJoin',
  'redeemResetCode',
  'createSite',
  'markInboxRead',
  'markAllInboxRead',
  // A region's rules and raises: platform staff's, naming a region, not a site.
  'setVisitTierRules',
  'clearVisitTierRules',
  'addVisitFrequencyRaise',
];
const MUTATIONS = Object.keys(STAGE).filter((m) => !NO_SITE.includes(m));
/**
 * What a member of one site may do at another by design, as the authorization matrix says (its
 * 'other' row allows them): hours that travel (a gift to a linked relative in another village, her
 * consent to pay for a need there) are meant to cross sites. Those cases are the matrix's.
 */
const acrossByDesign = (m: string, a: SiteActor) => {
  const row = MATRIX.find(([name, where]) => name === m && (where === 'other' || where === 'none'));
  return row !== undefined && row[2 + ACTORS.indexOf(a)] === 'ok';
};
const CASES = MUTATIONS.flatMap((m) =>
  (Object.keys(ACTOR_PHONE) as SiteActor[]).filter((a) => !acrossByDesign(m, a)).map((a) => [m, a] as const),
);

describe.each(targets())('IDOR on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let own: SiteCtx;
  let other: SiteCtx & { ids: Record<string, string> };
  const actors = {} as Record<SiteActor, Client>;

  beforeAll(async () => {
    s = await startSecServer(on);
    const ts = s as unknown as TestServer; // the harness's helpers only use url, client and as()
    d = await demo(ts);
    own = await ownSite(ts, d);
    other = await otherSite(ts);
    for (const [actor, phone] of Object.entries(ACTOR_PHONE)) actors[actor as SiteActor] = await s.as(phone);
  });
  afterAll(() => s?.close());

  /** Sends as `as`, expecting a refusal with one of `codes`, the database untouched. */
  async function refused(as: Client, query: string, variables: Record<string, unknown>, codes: string[]) {
    return unchanged(s.handle, async () => {
      const a = await postJson(s.url, { query, variables }, as.token);
      expect(a.status, a.text).toBeLessThan(500);
      const e = a.json?.errors?.[0];
      expect(e, `expected a refusal, got ${a.text}`).toBeDefined();
      expect(codes, `${e!.message} (${String(e!.extensions?.code)})`).toContain(e!.extensions?.code);
      expect(a.json?.data ?? null).toBeNull();
      return e!;
    });
  }

  it.each(CASES)("%s with the other site's ids, as the demo village's %s", async (mutation, actor) => {
    const actorId = d.ids[actor.toLowerCase() as 'coordinator'];
    const req = await STAGE[mutation]!({ s: s as unknown as TestServer, target: other, own, actor, actorId });
    try {
      await refused(actors[actor], req.query, req.variables ?? {}, ['FORBIDDEN', 'NOT_FOUND']);
    } finally {
      await req.restore?.();
    }
  });

  it("posts no need at its own site for the other site's elder", async () => {
    const input = {
      siteId: d.siteId,
      beneficiaryId: other.elderId,
      title: '越权',
      category: 'OTHER',
      estimatedMinutes: 30,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const query = 'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }';
    const e = await refused(actors.COORDINATOR, query, { input }, ['BAD_USER_INPUT']);
    expect(e.extensions?.field).toBe('input.beneficiaryId');
  });

  it("lets no clerk redeem for a member of another site, nor sell another site's goods", async () => {
    const lines = (productId: string) => [{ productId, quantity: 1 }];
    const as = (memberId: string, productId: string) => ({
      input: { memberId, items: lines(productId), idempotencyKey: idemKey('idor') },
    });
    // The other site's volunteer holds 60 points: only the rule stands in the way. Another site's
    // member is NOT_FOUND, as a member who does not exist is (test/security/existence.test.ts).
    await refused(actors.CLERK, REDEEM, as(other.volunteerId, own.productId), ['NOT_FOUND']);
    await refused(actors.CLERK, REDEEM, as(other.volunteerId, other.productId), ['NOT_FOUND']);
    await refused(actors.CLERK, REDEEM, as(d.ids.volunteer, other.productId), ['NOT_FOUND']);
    await refused(actors.VOLUNTEER, REDEEM, as(d.ids.volunteer, other.productId), ['NOT_FOUND']);
    // And a clerk of the other site cannot spend the demo village's volunteer's points.
    await refused(other.clerk, REDEEM, as(d.ids.volunteer, other.productId), ['NOT_FOUND']);
  });

  it('confirms no claim and takes no slot of the other site', async () => {
    const need = await postNeed(other.coordinator, { siteId: other.siteId, beneficiaryId: other.elderId, slots: 2 });
    const claim = await claimUpTo(other.volunteer, need.id, 'REPORTED', 30);
    await refused(actors.COORDINATOR, CONFIRM, { id: claim.id, m: 1440, key: idemKey('idor') }, [
      'FORBIDDEN',
      'NOT_FOUND',
    ]);
    await refused(actors.VOLUNTEER, 'mutation ($id: ID!) { claimNeed(needId: $id) { id } }', { id: need.id }, [
      'FORBIDDEN',
      'NOT_FOUND',
    ]);
  });

  it('lets no volunteer confirm their own service', async () => {
    const need = await postNeed(own.coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun });
    const claim = await claimUpTo(actors.VOLUNTEER, need.id, 'REPORTED', 60);
    await refused(actors.VOLUNTEER, CONFIRM, { id: claim.id, key: idemKey('self') }, ['FORBIDDEN']);
    await refused(
      actors.VOLUNTEER,
      'mutation ($id: ID!) { rejectService(claimId: $id, reason: "x") { id } }',
      { id: claim.id },
      ['FORBIDDEN'],
    );
  });

  it('lets no coordinator who also volunteers confirm their own service', async () => {
    const phone = '13722220001';
    await own.coordinator.ok('mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }', {
      input: { siteId: d.siteId, name: '李两用', phone, password: PASSWORD, roles: ['COORDINATOR', 'VOLUNTEER'] },
    });
    const both = s.client.as(await login(s.url, phone));
    const need = await postNeed(both, { siteId: d.siteId, beneficiaryId: d.ids.sun });
    const claim = await claimUpTo(both, need.id, 'REPORTED', 60);
    const e = await refused(both, CONFIRM, { id: claim.id, m: 600, key: idemKey('self') }, ['FORBIDDEN']);
    expect(e.message).toMatch(/自己|own/);
  });

  it('refuses a donation to oneself', async () => {
    const donate =
      'mutation ($to: ID!, $key: String!) { donateMinutes(toMemberId: $to, minutes: 5, idempotencyKey: $key) { id } }';
    const e = await refused(actors.VOLUNTEER, donate, { to: d.ids.volunteer, key: idemKey('self') }, [
      'BAD_USER_INPUT',
    ]);
    expect(e.extensions?.field).toBe('toMemberId');
  });
});
