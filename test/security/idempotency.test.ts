// Idempotency keys hold the whole request: the same key with the same arguments is a retry and
// gets the first answer, writing nothing; the same key with any one argument changed (another
// note, other minutes, another member, goods, transfer or reason) is CONFLICT and writes
// nothing, where it used to be answered with the first result as if it had been done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, idemKey, PHONES, type Client, type TestServer } from '../api/support/harness';
import { claimUpTo, CONFIRM, demo, needInput, postNeed, POST_NEED, REDEEM, type Demo } from '../api/support/ops';
import { ownSite, type SiteCtx } from '../api/support/sites';
import { expectRefusal, postJson, startSecServer, unchanged, type SecServer } from './support/attack';

const DONATE = `mutation ($to: ID!, $m: Int!, $note: String, $key: String!) {
  donateMinutes(toMemberId: $to, minutes: $m, note: $note, idempotencyKey: $key) { id amount memo } }`;
const RECORD_VISIT = `mutation ($input: RecordVisitInput!) {
  recordVisit(input: $input) { id visitedAt note followUpNeeded elder { id } } }`;
const REVERSE = `mutation ($id: ID!, $reason: String!, $key: String!) {
  reverseTransfer(id: $id, reason: $reason, idempotencyKey: $key) { id amount memo } }`;

describe.each(targets())('idempotency keys over HTTP on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let own: SiteCtx;
  let coordinator: Client;
  let volunteer: Client;

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    own = await ownSite(s as unknown as TestServer, d);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
  });
  afterAll(() => s?.close());

  /** The first answer once more, with nothing written. */
  async function replayed(as: Client, query: string, variables: Record<string, unknown>, first: unknown) {
    await unchanged(s.handle, async () => {
      const again = await postJson(s.url, { query, variables }, as.token);
      expect(again.status, again.text).toBe(200);
      expect(again.json?.errors, again.text).toBeUndefined();
      expect(again.json?.data).toEqual(first);
    });
  }

  /** CONFLICT, and nothing written. */
  async function conflict(as: Client, query: string, variables: Record<string, unknown>) {
    await unchanged(s.handle, async () => {
      const a = await postJson(s.url, { query, variables }, as.token, { 'accept-language': 'en' });
      const e = expectRefusal(a, ['CONFLICT'], [200]);
      expect(e.message).toMatch(/idempotency key/i);
    });
  }

  it('donateMinutes: another note, amount or receiver under the same key is CONFLICT', async () => {
    const args = { to: d.ids.volunteer2, m: 5, note: '谢谢帮忙', key: idemKey('donate') };
    const first = await volunteer.ok(DONATE, args);
    await replayed(volunteer, DONATE, args, first);
    await conflict(volunteer, DONATE, { ...args, note: '另一句话' });
    await conflict(volunteer, DONATE, { ...args, note: null });
    await conflict(volunteer, DONATE, { ...args, m: 6 });
    await conflict(volunteer, DONATE, { ...args, to: d.ids.volunteer3 });
  });

  it('confirmService: other minutes, or another claim, under the same key is CONFLICT', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun, slots: 2 });
    const claim = await claimUpTo(volunteer, need.id, 'REPORTED', 60);
    const other = await claimUpTo(await s.as(PHONES.volunteer2), need.id, 'REPORTED', 45);
    const args = { id: claim.id, m: 50, key: idemKey('confirm') };
    const first = await coordinator.ok(CONFIRM, args);
    await replayed(coordinator, CONFIRM, args, first);
    await conflict(coordinator, CONFIRM, { ...args, m: 51 });
    // Without minutes the request means the reported 60, not the 50 confirmed.
    await conflict(coordinator, CONFIRM, { ...args, m: null });
    await conflict(coordinator, CONFIRM, { ...args, id: other.id });
    await conflict(coordinator, CONFIRM, { ...args, id: other.id, m: 45 });
  });

  it('confirmService without minutes: a retry without them, or with the reported ones, is the same request', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.zhou });
    const claim = await claimUpTo(volunteer, need.id, 'REPORTED', 40);
    const args = { id: claim.id, key: idemKey('confirm') };
    const first = await coordinator.ok(CONFIRM, args);
    await replayed(coordinator, CONFIRM, args, first);
    await replayed(coordinator, CONFIRM, { ...args, m: 40 }, first);
    await conflict(coordinator, CONFIRM, { ...args, m: 39 });
  });

  it('redeem: other goods, quantities or member under the same key is CONFLICT', async () => {
    const clerk = await s.as(PHONES.clerk);
    const add = 'mutation ($input: AddProductInput!) { addProduct(input: $input) { id } }';
    const second = (
      await coordinator.ok<{ addProduct: { id: string } }>(add, {
        input: { siteId: d.siteId, name: '幂等测试香皂', pointsPrice: 1, stock: 100 },
      })
    ).addProduct.id;
    const input = {
      memberId: d.ids.volunteer,
      items: [{ productId: own.productId, quantity: 2 }],
      idempotencyKey: idemKey('redeem'),
    };
    const first = await clerk.ok(REDEEM, { input });
    await replayed(clerk, REDEEM, { input }, first);
    await conflict(clerk, REDEEM, { input: { ...input, items: [{ productId: own.productId, quantity: 3 }] } });
    await conflict(clerk, REDEEM, { input: { ...input, items: [{ productId: second, quantity: 2 }] } });
    await conflict(clerk, REDEEM, {
      input: { ...input, items: [...input.items, { productId: second, quantity: 1 }] },
    });
    // The key belongs to the member's points (the buyer's phone and the clerk's till retry one
    // redemption under it): the same key for another member is that member's own request.
    const forOther = await clerk.ok<{ redeem: { id: string } }>(REDEEM, {
      input: { ...input, memberId: d.ids.volunteer2 },
    });
    expect(forOther.redeem.id).not.toBe((first as { redeem: { id: string } }).redeem.id);
  });

  it('postNeed: the need posted offline and sent again is posted once; another need under its key is CONFLICT', async () => {
    const args = needInput(d, { idempotencyKey: idemKey('post-need') });
    const first = await coordinator.ok(POST_NEED, args);
    await replayed(coordinator, POST_NEED, args, first);
    for (const change of [
      { title: '帮忙挑两担水' },
      { category: 'REPAIR' },
      { estimatedMinutes: 45 },
      { slots: 2 },
      { payer: 'BENEFICIARY' },
      { beneficiaryId: d.ids.sun },
      { startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString() },
      { description: '水缸在后院' },
    ]) {
      await conflict(coordinator, POST_NEED, { input: { ...args.input, ...change } });
    }
  });

  it('recordVisit: the visit recorded offline and sent again is recorded once; another visit under its key is CONFLICT', async () => {
    const input = {
      elderId: d.ids.zhou,
      visitedAt: new Date(Date.now() - 3_600_000).toISOString(),
      note: '屋里有点冷',
      idempotencyKey: idemKey('record-visit'),
    };
    const first = await coordinator.ok(RECORD_VISIT, { input });
    await replayed(coordinator, RECORD_VISIT, { input }, first);
    await conflict(coordinator, RECORD_VISIT, { input: { ...input, note: '一切都好' } });
    await conflict(coordinator, RECORD_VISIT, { input: { ...input, followUpNeeded: true } });
    await conflict(coordinator, RECORD_VISIT, { input: { ...input, elderId: d.ids.sun } });
    await conflict(coordinator, RECORD_VISIT, {
      input: { ...input, visitedAt: new Date(Date.now() - 7_200_000).toISOString() },
    });
  });

  it('reverseTransfer: another reason, or another transfer, under the same key is CONFLICT', async () => {
    const gift = (m: number) =>
      volunteer.ok<{ donateMinutes: { id: string } }>(DONATE, { to: d.ids.volunteer3, m, key: idemKey('gift') });
    const [one, two] = [(await gift(3)).donateMinutes.id, (await gift(4)).donateMinutes.id];
    const args = { id: one, reason: '误操作', key: idemKey('reverse') };
    const first = await coordinator.ok(REVERSE, args);
    await replayed(coordinator, REVERSE, args, first);
    await conflict(coordinator, REVERSE, { ...args, reason: '另一个原因' });
    await conflict(coordinator, REVERSE, { ...args, id: two });
  });
});
