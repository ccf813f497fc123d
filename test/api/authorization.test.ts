// Authorization over HTTP on each engine: the matrix of every mutation x role x own/other site
// (support/authz-matrix.ts), with the officers of the target's township and of another township
// among the roles, cross-site reads, and who may see an elder's phone and address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, MATRIX, STAGE, townshipOf, type Actor } from './support/authz-matrix';
import { targets, idemKey, monthIn, PHONES, startTestServer, type Client, type TestServer } from './support/harness';
import { claimUpTo, CONFIRM, demo, postNeed, type Demo } from './support/ops';
import { otherSite, ownSite, type SiteCtx } from './support/sites';

const ACTOR_PHONE: Record<Exclude<Actor, 'anonymous' | 'TOWN_OFFICER' | 'OTHER_TOWN_OFFICER'>, string> = {
  ADMIN: PHONES.admin,
  COORDINATOR: PHONES.coordinator,
  VOLUNTEER: PHONES.volunteer,
  ELDER: PHONES.elder,
  CLERK: PHONES.clerk,
};

/**
 * Reads a coordinator makes of a site: allowed at their own, FORBIDDEN at another (by site id),
 * or null at another (by the id of its need or member: answered as for an id that does not exist).
 */
const READS: [what: string, query: (t: SiteCtx, needId: string) => [string, Record<string, unknown>]][] = [
  ['members', (t) => ['query ($s: ID!) { members(siteId: $s) { totalCount } }', { s: t.siteId }]],
  ['needs', (t) => ['query ($s: ID!) { needs(siteId: $s) { totalCount } }', { s: t.siteId }]],
  ['claims', (t) => ['query ($s: ID!) { claims(siteId: $s) { totalCount } }', { s: t.siteId }]],
  [
    'visitCoverage',
    (t) => [
      'query ($s: ID!, $m: String!) { visitCoverage(siteId: $s, month: $m) { rate } }',
      { s: t.siteId, m: monthIn() },
    ],
  ],
  [
    'siteReport',
    (t) => [
      'query ($s: ID!, $m: String!) { siteReport(siteId: $s, month: $m) { serviceMinutes } }',
      { s: t.siteId, m: monthIn() },
    ],
  ],
  ['need', (_t, needId) => ['query ($id: ID!) { need(id: $id) { title } }', { id: needId }]],
  ['member', (t) => ['query ($id: ID!) { member(id: $id) { name } }', { id: t.volunteerId }]],
  ['redemptions', (t) => ['query ($s: ID!) { redemptions(siteId: $s) { totalCount } }', { s: t.siteId }]],
  ['siteSettings', (t) => ['query ($s: ID!) { siteSettings(siteId: $s) { site { id } } }', { s: t.siteId }]],
];

describe.each(targets())('authorization on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let own: SiteCtx;
  let other: SiteCtx;
  const actors = {} as Record<Actor, Client>;
  /** The officers of the demo village's township (安定镇) and of the other site's (三市镇). */
  const officers = {} as Record<'own' | 'other', Client>;
  const actorAt = (actor: Actor, where: 'own' | 'other' | 'none'): Client => {
    const at = where === 'other' ? 'other' : 'own';
    if (actor === 'TOWN_OFFICER') return officers[at];
    if (actor === 'OTHER_TOWN_OFFICER') return officers[at === 'own' ? 'other' : 'own'];
    return actors[actor];
  };

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    own = await ownSite(s, d);
    other = await otherSite(s);
    for (const [actor, phone] of Object.entries(ACTOR_PHONE)) actors[actor as Actor] = await s.as(phone);
    actors.anonymous = s.client;
    // The township officers live in a village of a third township, where they are elders only.
    const admin = actors.ADMIN;
    const home = await admin.ok<{ createSite: { id: string } }>(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: '官塘村互助站', region: '平江县/加义镇/官塘村', pointsPerHour: 60 } },
    );
    for (const [at, phone, name, site] of [
      ['own', '13700000201', '安定镇干部', own],
      ['other', '13700000202', '三市镇干部', other],
    ] as const) {
      await admin.ok('mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }', {
        input: { siteId: home.createSite.id, name, phone, password: 'huzhu2026', roles: ['ELDER'] },
      });
      await admin.ok('mutation ($r: ID!, $p: String!) { appointRegionOfficer(regionId: $r, phone: $p) { id } }', {
        r: await townshipOf(site),
        p: phone,
      });
      officers[at] = await s.as(phone);
    }
  });
  afterAll(() => s?.close());

  const actorIds = (): Record<Actor, string | undefined> => ({
    ADMIN: undefined,
    COORDINATOR: d.ids.coordinator,
    VOLUNTEER: d.ids.volunteer,
    ELDER: d.ids.elder,
    CLERK: d.ids.clerk,
    anonymous: undefined,
    TOWN_OFFICER: undefined,
    OTHER_TOWN_OFFICER: undefined,
  });

  describe('every mutation x role x site', () => {
    for (const [mutation, where, ...outcomes] of MATRIX) {
      ACTORS.forEach((actor, i) => {
        const expected = outcomes[i]!;
        it(`${mutation} at ${where === 'none' ? 'no' : where} site as ${actor}: ${expected}`, async () => {
          const target = where === 'other' ? other : own;
          const { query, variables, restore } = await STAGE[mutation]!({
            s,
            target,
            own,
            actor,
            actorId: actorIds()[actor],
          });
          try {
            const before = await s.snapshot();
            const r = await actorAt(actor, where).request<Record<string, unknown>>(query, variables);
            if (expected === 'ok') {
              expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
              expect(r.data?.[mutation]).toBeTruthy();
            } else {
              expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r.errors)).toBe(expected);
              expect(r.data?.[mutation] ?? null).toBeNull();
              expect(await s.snapshot()).toEqual(before);
            }
          } finally {
            // After the snapshot: putting a setting back writes (an audit row) of its own.
            await restore?.();
          }
        });
      });
    }
  });

  it("a volunteer cannot act on another volunteer's claim, nor redeem another's points", async () => {
    const need = await postNeed(own.coordinator, { siteId: own.siteId, beneficiaryId: own.elderId });
    const claim = await claimUpTo(own.volunteer, need.id, 'CLAIMED');
    const other = await s.as(PHONES.volunteer2);
    const checkIn = await other.fails('mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id: claim.id });
    expect(checkIn.extensions?.code).toBe('FORBIDDEN');
    const redeem = await other.fails('mutation ($input: RedeemInput!) { redeem(input: $input) { id } }', {
      input: {
        memberId: d.ids.volunteer,
        items: [{ productId: own.productId, quantity: 1 }],
        idempotencyKey: idemKey(),
      },
    });
    expect(redeem.extensions?.code).toBe('FORBIDDEN');
  });

  it('a coordinator who also volunteers cannot confirm their own service', async () => {
    const both = await own.coordinator.ok<{ addMember: { id: string } }>(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
      {
        input: {
          siteId: own.siteId,
          name: '两头忙',
          phone: '13600000001',
          password: 'huzhu2026',
          roles: ['COORDINATOR', 'VOLUNTEER'],
        },
      },
    );
    expect(both.addMember.id).toMatch(/^mem_/);
    const self = await s.as('13600000001');
    const need = await postNeed(own.coordinator, { siteId: own.siteId, beneficiaryId: own.elderId });
    const claim = await claimUpTo(self, need.id, 'REPORTED', 45);
    const error = await self.fails(CONFIRM, { id: claim.id, key: idemKey() });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  describe('reads across sites', () => {
    let needs: Record<'own' | 'other', string>;
    beforeAll(async () => {
      needs = {
        own: (await postNeed(own.coordinator, { siteId: own.siteId, beneficiaryId: own.elderId })).id,
        other: (await postNeed(other.coordinator, { siteId: other.siteId, beneficiaryId: other.elderId })).id,
      };
    });

    for (const [what, build] of READS) {
      const byId = what === 'need' || what === 'member';
      it(`${what}: the coordinator reads their own site, ${byId ? 'null' : 'FORBIDDEN'} at another; the admin reads both`, async () => {
        const coordinator = actors.COORDINATOR;
        const [q1, v1] = build(own, needs.own);
        expect((await coordinator.request(q1, v1)).errors).toBeUndefined();
        const [q2, v2] = build(other, needs.other);
        const r = await coordinator.request<Record<string, unknown>>(q2, v2);
        expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(byId ? undefined : 'FORBIDDEN');
        expect(r.data?.[what] ?? null).toBeNull();
        const admin = await actors.ADMIN.request<Record<string, unknown>>(q2, v2);
        expect(admin.errors).toBeUndefined();
        expect(admin.data?.[what]).toBeTruthy();
      });
    }
  });

  it("a volunteer sees an elder's full phone and address only while holding a claim for them", async () => {
    const CONTACT = 'query ($id: ID!) { need(id: $id) { beneficiary { phone address } } }';
    const volunteer = await s.as(PHONES.volunteer3);
    const bystander = await s.as(PHONES.volunteer2);
    const need = await postNeed(own.coordinator, { siteId: own.siteId, beneficiaryId: d.ids.elder, slots: 1 });
    const contact = async (c: Client) =>
      (await c.ok<{ need: { beneficiary: { phone: string; address: string | null } } }>(CONTACT, { id: need.id })).need
        .beneficiary;
    const masked = { phone: '139****0007', address: null };
    const full = { phone: PHONES.elder, address: '三和村4组12号' };

    expect(await contact(volunteer)).toEqual(masked);
    const claim = await claimUpTo(volunteer, need.id, 'CLAIMED');
    expect(await contact(volunteer)).toEqual(full);
    expect(await contact(bystander)).toEqual(masked);
    expect(await contact(own.coordinator)).toEqual(full);

    await volunteer.ok('mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id: claim.id });
    await volunteer.ok('mutation ($id: ID!) { reportService(claimId: $id, minutes: 30) { id } }', { id: claim.id });
    expect(await contact(volunteer)).toEqual(full);
    await own.coordinator.ok(CONFIRM, { id: claim.id, key: idemKey() });
    // Served and settled: the number is private again.
    expect(await contact(volunteer)).toEqual(masked);
    const listed = await volunteer.ok<{ member: { phone: string } }>('query ($id: ID!) { member(id: $id) { phone } }', {
      id: d.ids.elder,
    });
    expect(listed.member.phone).toBe('139****0007');
  });
});
