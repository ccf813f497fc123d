// Privacy over HTTP on each engine. Phone numbers: an elder's phone is shown in full only to
// herself, her site's staff, the platform admin and a volunteer holding an in-progress claim for
// her; everyone else sees 139****0007 (or nothing: another site's staff, the anonymous).
// member(id) itself answers only herself, her site's staff, the platform admin and a volunteer
// holding a claim (not withdrawn) for her: anyone else gets null, as for an id that is not there. No answer
// to a plain volunteer carries anyone's full phone but their own. The audit trail: every mutation
// that changes money, membership or a member's data writes one audit_log row naming who (actor),
// when, what (the mutation) and from which address.
import { tables } from '@huzhu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, STAGE, type Actor } from '../api/support/authz-matrix';
import { targets, idemKey, PHONES, type Client, type TestServer } from '../api/support/harness';
import { claimUpTo, CONFIRM, demo, postNeed, type Demo } from '../api/support/ops';
import { otherSite, ownSite, type SiteCtx } from '../api/support/sites';
import { postJson, startSecServer, type SecServer } from './support/attack';

const FULL = PHONES.elder;
const MASKED = '139****0007';
const PHONE_Q = 'query ($id: ID!) { member(id: $id) { phone } }';
const ANY_PHONE = /1[3-9]\d{9}/g;

describe.each(targets())('privacy on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let other: SiteCtx;
  let needId: string;
  let claimId: string;

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    other = await otherSite(s as unknown as TestServer);
    needId = (
      await postNeed(await s.as(PHONES.coordinator), { siteId: d.siteId, beneficiaryId: d.ids.elder, slots: 2 })
    ).id;
  });
  afterAll(() => s?.close());

  /** The elder's phone as `as` sees it, through member(id) and through the need she is served by. */
  async function seen(as: Client): Promise<{ member: unknown; beneficiary: unknown }> {
    const a = await postJson(s.url, { query: PHONE_Q, variables: { id: d.ids.elder } }, as.token);
    const b = await postJson(
      s.url,
      { query: 'query ($id: ID!) { need(id: $id) { beneficiary { phone } } }', variables: { id: needId } },
      as.token,
    );
    const code = (x: typeof a) => x.json?.errors?.[0]?.extensions?.code;
    return {
      member: code(a) ?? (a.json?.data as { member: { phone: string } | null }).member?.phone ?? null,
      beneficiary:
        code(b) ??
        (b.json?.data as { need: { beneficiary: { phone: string } } | null }).need?.beneficiary.phone ??
        null,
    };
  }

  it('shows the full phone only to those allowed, in every state of a claim', async () => {
    const [elder, coordinator, clerk, admin, volunteer, volunteer2, otherElder] = await Promise.all(
      [
        PHONES.elder,
        PHONES.coordinator,
        PHONES.clerk,
        PHONES.admin,
        PHONES.volunteer,
        PHONES.volunteer2,
        PHONES.volunteerElder,
      ].map((p) => s.as(p)),
    );
    // [who, member(id) of her, the need's beneficiary]; null: the member (or need) is not theirs to read.
    const matrix: [string, Client, unknown, unknown][] = [
      ['herself', elder!, FULL, FULL],
      ['her coordinator', coordinator!, FULL, FULL],
      ['her site’s clerk', clerk!, FULL, FULL],
      ['the platform admin', admin!, FULL, FULL],
      ['a volunteer with no claim for her', volunteer!, null, MASKED],
      ['another volunteer', volunteer2!, null, MASKED],
      ['another elder of the site', otherElder!, null, MASKED],
      ['another site’s coordinator', other.coordinator, null, null],
      ['someone not logged in', s.client, 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ];
    for (const [who, as, member, beneficiary] of matrix) expect(await seen(as), who).toEqual({ member, beneficiary });

    // A volunteer sees it while the claim is in progress (claimed, checked in, reported) and not after.
    const claim = await claimUpTo(volunteer!, needId, 'CLAIMED');
    claimId = claim.id;
    expect(await seen(volunteer!), 'claimed').toEqual({ member: FULL, beneficiary: FULL });
    await volunteer!.ok('mutation ($id: ID!) { checkIn(claimId: $id) { id } }', { id: claim.id });
    await volunteer!.ok('mutation ($id: ID!) { reportService(claimId: $id, minutes: 30) { id } }', { id: claim.id });
    expect(await seen(volunteer!), 'reported').toEqual({ member: FULL, beneficiary: FULL });
    expect(await seen(volunteer2!), 'someone else meanwhile').toEqual({ member: null, beneficiary: MASKED });
    await coordinator!.ok(CONFIRM, { id: claim.id, key: idemKey('privacy') });
    // Served: she is still someone he served (member(id) answers), her number private again.
    expect(await seen(volunteer!), 'confirmed').toEqual({ member: MASKED, beneficiary: MASKED });
  });

  it("carries no one's full phone but the reader's own in a volunteer's answers", async () => {
    const volunteer = await s.as(PHONES.volunteer2);
    const people = 'id name phone';
    const query = `query ($s: ID!, $me: ID!) {
      viewer { ${people} }
      needs(siteId: $s, first: 50) { edges { node { beneficiary { ${people} } claims { volunteer { ${people} } } } } }
      member(id: $me) { transfers(first: 50) { edges { node { fromMember { ${people} } toMember { ${people} } } } } }
      redemptions(siteId: $s) { edges { node { member { ${people} } } } }
      site(id: $s) { name }
    }`;
    const a = await postJson(s.url, { query, variables: { s: d.siteId, me: d.ids.volunteer2 } }, volunteer.token);
    expect(a.json?.errors, a.text).toBeUndefined();
    const phones = new Set(a.text.match(ANY_PHONE) ?? []);
    expect([...phones]).toEqual([PHONES.volunteer2]);
    expect(a.text).toMatch(/139\*{4}\d{4}/);
    expect(claimId).toBeDefined();
  });
});

/** Mutations that change money, membership or a member's data, each with one actor allowed to run it. */
const AUDITED = [
  'confirmService',
  'rejectService',
  'markNoShow',
  'redeem',
  'cancelRedemption',
  'donateMinutes',
  'reverseTransfer',
  'addMember',
  'createSite',
  'addProduct',
  'restockProduct',
  'recordVisit',
  'postNeed',
  'cancelNeed',
  'claimNeed',
  'withdrawClaim',
  'checkIn',
  'reportService',
  'reopenNeed',
  'editNeed',
  'approveJoinRequest',
  'declineJoinRequest',
  'setOffer',
  'referFollowUp',
  'updateReferral',
];
const ACTORS: Actor[] = ['ADMIN', 'COORDINATOR', 'VOLUNTEER', 'ELDER', 'CLERK'];
const PHONE_OF: Record<string, string> = {
  ADMIN: PHONES.admin,
  COORDINATOR: PHONES.coordinator,
  VOLUNTEER: PHONES.volunteer,
  ELDER: PHONES.elder,
  CLERK: PHONES.clerk,
};

describe.each(targets())('the audit trail on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let own: SiteCtx;

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    own = await ownSite(s as unknown as TestServer, d);
  });
  afterAll(() => s?.close());

  it.each(AUDITED)('%s writes who, when, what and from where', async (mutation) => {
    const row = MATRIX.find(([m, site, ...outcomes]) => m === mutation && site !== 'other' && outcomes.includes('ok'))!;
    const actor = ACTORS[(row.slice(2) as string[]).indexOf('ok')]!;
    const actorId = actor === 'ADMIN' ? d.ids.admin : d.ids[actor.toLowerCase() as 'coordinator'];
    const { restore, ...req } = await STAGE[mutation]!({
      s: s as unknown as TestServer,
      target: own,
      own,
      actor,
      actorId,
    });
    const as = await s.as(PHONE_OF[actor]!);
    const last = Math.max(0, ...(await s.handle.db.select().from(tables.auditLog)).map((r) => r.id));

    const start = Date.now();
    const a = await postJson(s.url, req, as.token);
    const end = Date.now();
    expect(a.json?.errors, a.text).toBeUndefined();

    const rows = (await s.handle.db.select().from(tables.auditLog)).filter((r) => r.id > last);
    expect(rows.map((r) => r.action)).toEqual([mutation]);
    const [audit] = rows;
    expect(audit!.actorId).toBe(Number(actorId.replace('mem_', '')));
    expect(audit!.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(audit!.at.getTime()).toBeGreaterThanOrEqual(start - 1000);
    expect(audit!.at.getTime()).toBeLessThanOrEqual(end + 1000);
    expect(audit!.entityId).toBeTruthy();
    // The trail records ids and amounts, not phones or password hashes.
    expect(JSON.stringify(audit!.detail ?? {})).not.toMatch(/1[3-9]\d{9}|scrypt\$/);
    // After the trail is read: putting a site setting back is audited too.
    await restore?.();
  });
});
