// Input that looks harmless and is not: impossible dates (30 February, 24:00) that JavaScript
// would quietly roll into another day, years such as 0001 and 9999, and invisible characters
// (zero-width spaces, bidi overrides, lone surrogates) that slip a look-alike past a duplicate
// check and print raw in certificates and CSVs. Each is BAD_USER_INPUT naming the field, never
// an internal error, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, hoursFromNow, PHONES, type Client, type TestServer } from '../api/support/harness';
import { CLAIM_NEED, CHECK_IN, demo, POST_NEED, REPORT, type Demo } from '../api/support/ops';
import { expectRefusal, postJson, startSecServer, unchanged, type SecServer } from './support/attack';

describe.each(targets())('input rules over HTTP on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let coordinator: Client;

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    coordinator = await s.as(PHONES.coordinator);
  });
  afterAll(() => s?.close());

  /** Sends as `as`: BAD_USER_INPUT (HTTP 200, Apollo's resolver refusal) naming `field`, nothing written. */
  async function badInput(as: Client, query: string, variables: Record<string, unknown>, field: string) {
    return unchanged(s.handle, async () => {
      const a = await postJson(s.url, { query, variables }, as.token, { 'accept-language': 'en' });
      const e = expectRefusal(a, ['BAD_USER_INPUT'], [200]);
      expect(e.extensions.field, e.message).toBe(field);
      return e;
    });
  }

  const need = (input: Record<string, unknown>) => ({
    input: {
      siteId: d.siteId,
      beneficiaryId: d.ids.sun,
      title: '陪老人聊天',
      category: 'COMPANIONSHIP',
      estimatedMinutes: 60,
      startsAt: hoursFromNow(24),
      ...input,
    },
  });

  describe('dates', () => {
    it.each([
      ['30 February', '2026-02-30T09:00:00+08:00'],
      ['29 February of a common year', '2027-02-29T09:00:00+08:00'],
      ['31 April', '2026-04-31T09:00:00+08:00'],
      ['24:00', '2026-11-25T24:00:00+08:00'],
      ['minute 60', '2026-11-25T09:60:00+08:00'],
      ['year 0001', '0001-11-25T09:00:00+08:00'],
      ['year 9999', '9999-11-25T09:00:00+08:00'],
      ['year 1999', '1999-11-25T09:00:00+08:00'],
      ['year 2101', '2101-11-25T09:00:00+08:00'],
    ])('refuses a need starting on %s, naming input.startsAt', async (_what, startsAt) => {
      await badInput(coordinator, POST_NEED, need({ startsAt }), 'input.startsAt');
    });

    it('still posts a need on 29 February of a leap year', async () => {
      const data = await coordinator.ok<{ postNeed: { id: string } }>(
        `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id startsAt } }`,
        need({ startsAt: '2028-02-29T09:00:00+08:00' }),
      );
      expect(data.postNeed.id).toMatch(/^need_/);
    });

    const NEEDS_ON = 'query ($siteId: ID!, $day: String) { needs(siteId: $siteId, day: $day) { totalCount } }';
    it.each(['0000-01-01', '0001-01-01', '2026-02-30', '2026-13-01', '9999-12-31', '1999-12-31'])(
      'refuses needs(day: %s) as BAD_USER_INPUT naming day',
      async (day) => {
        const volunteer = await s.as(PHONES.volunteer);
        await badInput(volunteer, NEEDS_ON, { siteId: d.siteId, day }, 'day');
      },
    );

    it.each(['0001-01', '9999-12', '2026-13'])('refuses the month %s in reports and visit coverage', async (month) => {
      const q = (f: string) =>
        `query ($siteId: ID!, $month: String!) { ${f}(siteId: $siteId, month: $month) { month } }`;
      await badInput(coordinator, q('siteReport'), { siteId: d.siteId, month }, 'month');
      const coverage =
        'query ($siteId: ID!, $month: String!) { visitCoverage(siteId: $siteId, month: $month) { dueCount } }';
      await badInput(coordinator, coverage, { siteId: d.siteId, month }, 'month');
    });
  });

  describe('invisible characters', () => {
    const INVISIBLE = [
      ['a zero-width space', '\u200b'],
      ['a right-to-left override', '\u202e'],
      ['a lone surrogate', '\ud800'],
      ['a byte order mark', '\ufeff'],
      ['a NUL', '\u0000'],
    ] as const;

    it.each(INVISIBLE)('refuses %s in a need title and description', async (_what, ch) => {
      await badInput(coordinator, POST_NEED, need({ title: `陪老人${ch}聊天` }), 'input.title');
      await badInput(coordinator, POST_NEED, need({ description: `带上${ch}药` }), 'input.description');
    });

    it.each(INVISIBLE)("refuses %s in a member's name and address", async (_what, ch) => {
      const add = 'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }';
      const input = { siteId: d.siteId, name: '钱大伯', roles: ['ELDER'] };
      await badInput(coordinator, add, { input: { ...input, name: `钱${ch}大伯` } }, 'input.name');
      await badInput(coordinator, add, { input: { ...input, address: `东村${ch}3组` } }, 'input.address');
    });

    it.each(INVISIBLE)('refuses %s in goods, a reason and a donation note', async (_what, ch) => {
      const addProduct = 'mutation ($input: AddProductInput!) { addProduct(input: $input) { id } }';
      const goods = { siteId: d.siteId, pointsPrice: 5, stock: 3 };
      await badInput(coordinator, addProduct, { input: { ...goods, name: `香皂${ch}` } }, 'input.name');
      const volunteer = await s.as(PHONES.volunteer);
      const donate =
        'mutation ($to: ID!, $note: String) { donateMinutes(toMemberId: $to, minutes: 1, note: $note, idempotencyKey: "note-key-1") { id } }';
      await badInput(volunteer, donate, { to: d.ids.volunteer2, note: `谢谢${ch}` }, 'note');
    });

    it('refuses a look-alike of existing goods that differs by a zero-width space, and treats NFD as NFC', async () => {
      const addProduct = 'mutation ($input: AddProductInput!) { addProduct(input: $input) { id name } }';
      const goods = { siteId: d.siteId, pointsPrice: 5, stock: 3 };
      const first = await coordinator.ok<{ addProduct: { name: string } }>(addProduct, {
        input: { ...goods, name: 'Cafe\u0301 香皂' },
      });
      expect(first.addProduct.name).toBe('Caf\u00e9 香皂');
      await badInput(coordinator, addProduct, { input: { ...goods, name: 'Caf\u00e9\u200b 香皂' } }, 'input.name');
      // The composed spelling is the same name: the duplicate check sees it.
      const again = await coordinator.fails(addProduct, { input: { ...goods, name: 'Caf\u00e9 香皂' } });
      expect(again.extensions?.code).toBe('CONFLICT');
    });

    it('keeps line breaks where the client has a text area, and refuses them in a title', async () => {
      await badInput(coordinator, POST_NEED, need({ title: '陪老人\n聊天' }), 'input.title');
      const posted = await coordinator.ok<{ postNeed: { id: string } }>(
        'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }',
        // Begun a quarter of an hour ago, so its volunteer may check in and report below.
        need({ description: '第一步\r\n第二步', beneficiaryId: d.ids.zhou, startsAt: hoursFromNow(-0.25) }),
      );
      const read = await coordinator.ok<{ need: { description: string } }>(
        'query ($id: ID!) { need(id: $id) { description } }',
        { id: posted.postNeed.id },
      );
      expect(read.need.description).toBe('第一步\n第二步');
      // A report's note: line breaks yes, a bidi override no.
      const volunteer = await s.as(PHONES.volunteer3);
      const claim = (await volunteer.ok<{ claimNeed: { id: string } }>(CLAIM_NEED, { id: posted.postNeed.id }))
        .claimNeed;
      await volunteer.ok(CHECK_IN, { id: claim.id });
      await badInput(volunteer, REPORT, { id: claim.id, m: 30, note: '到了\u202e' }, 'note');
      const reported = await volunteer.ok<{ reportService: { status: string } }>(REPORT, {
        id: claim.id,
        m: 30,
        note: '到了\n老人很好',
      });
      expect(reported.reportService.status).toBe('REPORTED');
    });
  });
});
