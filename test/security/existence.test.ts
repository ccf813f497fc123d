// "Not yours" and "not there" are one answer. An id of another site's member, need, claim,
// transfer, goods or redemption gets, byte for byte (status, message, code, in either language),
// what an id that does not exist gets: FORBIDDEN there would tell another site's people which
// ids exist, and reverseTransfer used to say what kind of transfer it was. Also: member(id) is no
// directory of the site: a volunteer reads an elder only while holding a claim for her.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, idemKey, PHONES, type Client, type TestServer } from '../api/support/harness';
import { CLAIM_NEED, claimUpTo, CONFIRM, demo, postNeed, redeem, transfersOf, type Demo } from '../api/support/ops';
import { otherSite, ownSite, type SiteCtx } from '../api/support/sites';
import { postJson, startSecServer, unchanged, type SecServer } from './support/attack';

describe.each(targets())('existence on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let other: SiteCtx;
  let coordinator: Client;
  let volunteer: Client;
  let clerk: Client;
  /** Ids of the other site's things, each beside an id of the same type that does not exist. */
  const ids = {} as Record<'need' | 'claim' | 'reported' | 'redemptionTransfer' | 'redemption', string>;

  beforeAll(async () => {
    s = await startSecServer(on);
    const ts = s as unknown as TestServer;
    d = await demo(ts);
    await ownSite(ts, d);
    other = await otherSite(ts);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
    clerk = await s.as(PHONES.clerk);
    const need = await postNeed(other.coordinator, { siteId: other.siteId, beneficiaryId: other.elderId, slots: 3 });
    ids.need = need.id;
    ids.claim = (await claimUpTo(other.volunteer, need.id, 'CLAIMED')).id;
    const reportedNeed = await postNeed(other.coordinator, { siteId: other.siteId, beneficiaryId: other.elderId });
    ids.reported = (await claimUpTo(other.volunteer, reportedNeed.id, 'REPORTED')).id;
    ids.redemption = (await redeem(other.clerk, other.volunteerId, [{ productId: other.productId, quantity: 1 }])).id;
    const spent = (await transfersOf(other.coordinator, other.volunteerId)).find((t) => t.kind === 'REDEMPTION');
    ids.redemptionTransfer = spent!.id;
  });
  afterAll(() => s?.close());

  /** The raw answer to `query` as `as`, in a language, with nothing written. */
  async function answer(as: Client, query: string, variables: Record<string, unknown>, lang: string) {
    return unchanged(s.handle, async () => {
      const a = await postJson(s.url, { query, variables }, as.token, { 'accept-language': lang });
      expect(a.status, a.text).toBeLessThan(500);
      return { status: a.status, text: a.text };
    });
  }

  type Case = [what: string, as: () => Client, query: string, vars: (id: string) => Record<string, unknown>];
  const cases = (): [Case, string, string][] => {
    const key = idemKey('exists');
    const claimStep = (f: string, extra = '') => `mutation ($id: ID!) { ${f}(claimId: $id${extra}) { id status } }`;
    return [
      [
        [
          'member(id)',
          () => volunteer,
          'query ($id: ID!) { member(id: $id) { id name careCategories } }',
          (id) => ({ id }),
        ],
        other.elderId,
        'mem_999999',
      ],
      [
        [
          'member(id) as staff',
          () => coordinator,
          'query ($id: ID!) { member(id: $id) { id name } }',
          (id) => ({ id }),
        ],
        other.elderId,
        'mem_999999',
      ],
      [
        ['need(id)', () => volunteer, 'query ($id: ID!) { need(id: $id) { id title } }', (id) => ({ id })],
        ids.need,
        'need_999999',
      ],
      [['claimNeed', () => volunteer, CLAIM_NEED, (id) => ({ id })], ids.need, 'need_999999'],
      [
        [
          'cancelNeed',
          () => coordinator,
          'mutation ($id: ID!) { cancelNeed(id: $id, reason: "x") { id } }',
          (id) => ({ id }),
        ],
        ids.need,
        'need_999999',
      ],
      [['withdrawClaim', () => volunteer, claimStep('withdrawClaim'), (id) => ({ id })], ids.claim, 'claim_999999'],
      [['checkIn', () => volunteer, claimStep('checkIn'), (id) => ({ id })], ids.claim, 'claim_999999'],
      [['markNoShow', () => coordinator, claimStep('markNoShow'), (id) => ({ id })], ids.claim, 'claim_999999'],
      [['confirmService', () => coordinator, CONFIRM, (id) => ({ id, key })], ids.reported, 'claim_999999'],
      [
        ['rejectService', () => coordinator, claimStep('rejectService', ', reason: "x"'), (id) => ({ id })],
        ids.reported,
        'claim_999999',
      ],
      [
        [
          'reverseTransfer (of a redemption)',
          () => coordinator,
          'mutation ($id: ID!, $key: String!) { reverseTransfer(id: $id, reason: "x", idempotencyKey: $key) { id } }',
          (id) => ({ id, key }),
        ],
        ids.redemptionTransfer,
        'tr_999999',
      ],
      [
        [
          'restockProduct',
          () => clerk,
          'mutation ($id: ID!) { restockProduct(productId: $id, quantity: 1) { id } }',
          (id) => ({ id }),
        ],
        other.productId,
        'prod_999999',
      ],
      [
        [
          'cancelRedemption',
          () => clerk,
          'mutation ($id: ID!) { cancelRedemption(id: $id, reason: "x") { id } }',
          (id) => ({ id }),
        ],
        ids.redemption,
        'red_999999',
      ],
      [
        [
          'redeem for a member',
          () => clerk,
          'mutation ($input: RedeemInput!) { redeem(input: $input) { id } }',
          (id) => ({
            input: { memberId: id, items: [{ productId: other.productId, quantity: 1 }], idempotencyKey: key },
          }),
        ],
        other.volunteerId,
        'mem_999999',
      ],
    ];
  };

  it('answers another site’s ids exactly as ids that do not exist', async () => {
    for (const [[what, as, query, vars], theirs, missing] of cases()) {
      for (const lang of ['zh', 'en']) {
        const [a, b] = [await answer(as(), query, vars(theirs), lang), await answer(as(), query, vars(missing), lang)];
        expect(a, `${what} (${lang}): another site's id vs none`).toEqual(b);
        expect(a.text, what).not.toMatch(/FORBIDDEN|REDEMPTION|兑换请用/);
      }
    }
  });

  it('lets a volunteer read an elder only while holding a claim for her, care categories included', async () => {
    const Q = 'query ($id: ID!) { member(id: $id) { name careCategories } }';
    const read = async (as: Client) => (await as.ok<{ member: unknown }>(Q, { id: d.ids.elder })).member;
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    // Through the need he sees her name, not her care categories.
    const seen = await volunteer.ok<{ need: { beneficiary: { careCategories: string[] } } }>(
      'query ($id: ID!) { need(id: $id) { beneficiary { careCategories } } }',
      { id: need.id },
    );
    expect(seen.need.beneficiary.careCategories).toEqual([]);
    expect(await read(volunteer)).toBeNull();
    const claim = (await volunteer.ok<{ claimNeed: { id: string } }>(CLAIM_NEED, { id: need.id })).claimNeed;
    expect(await read(volunteer)).toEqual({ name: '赵玉梅', careCategories: ['LIVING_ALONE', 'ADVANCED_AGE'] });
    await volunteer.ok('mutation ($id: ID!) { withdrawClaim(claimId: $id) { id } }', { id: claim.id });
    expect(await read(volunteer)).toBeNull();
    // Her site's clerk (who looks members up at the counter) and she herself read her in full.
    expect(await read(clerk)).toEqual({ name: '赵玉梅', careCategories: ['LIVING_ALONE', 'ADVANCED_AGE'] });
    expect(await read(await s.as(PHONES.elder))).toMatchObject({ name: '赵玉梅' });
    // Another elder of the site, and the other site's coordinator: null, as for no one.
    expect(await read(await s.as(PHONES.volunteerElder))).toBeNull();
    expect(await read(other.coordinator)).toBeNull();
  });
});
