// The clerk's counter over HTTP, on each target: a redemption answers with its receipt (number,
// balance after), the day view lists it with the day's total, and undo is offered only while
// cancelRedemption would accept it, after which the points and the stock are back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONES, startTestServer, targets, type Client, type TestServer } from './support/harness';

interface Redemption {
  id: string;
  createdAt: string;
  receiptNumber: string;
  balanceAfter: number;
  canCancel: boolean;
  totalPoints: number;
  status: string;
}

const FIELDS = 'id createdAt receiptNumber balanceAfter canCancel totalPoints status';
const DAY = `query ($s: ID!, $d: String, $m: ID) { redemptions(siteId: $s, day: $d, memberId: $m) {
  totalCount pointsTaken cancelledCount edges { node { ${FIELDS} } } } }`;

/** The calendar day of an instant in Shanghai (the demo site's zone), YYYY-MM-DD. */
const shanghaiDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(iso))
    .slice(0, 10);

describe.each(targets())('receipts and undo at the counter on $name', (on) => {
  let s: TestServer;
  let clerk: Client;
  let siteId: string;
  let zhang: string;
  let towel: { id: string; stock: number };

  beforeAll(async () => {
    s = await startTestServer(on);
    clerk = await s.as(PHONES.clerk);
    const { viewer } = await clerk.ok<{ viewer: { site: { id: string } } }>('{ viewer { site { id } } }');
    siteId = viewer.site.id;
    const { members } = await clerk.ok<{ members: { edges: { node: { id: string } }[] } }>(
      'query ($s: ID!) { members(siteId: $s, search: "13900000003") { edges { node { id } } } }',
      { s: siteId },
    );
    zhang = members.edges[0]!.node.id;
    const { products } = await clerk.ok<{ products: { id: string; name: string; stock: number }[] }>(
      'query ($s: ID!) { products(siteId: $s) { id name stock } }',
      { s: siteId },
    );
    towel = products.find((p) => p.name === '毛巾')!;
  });
  afterAll(() => s?.close());

  const pointsOf = async (member: string) =>
    (
      await clerk.ok<{ member: { balance: { points: number } } }>(
        'query ($id: ID!) { member(id: $id) { balance { points } } }',
        { id: member },
      )
    ).member.balance.points;
  const stockOfTowel = async () =>
    (
      await clerk.ok<{ products: { id: string; stock: number }[] }>(
        'query ($s: ID!) { products(siteId: $s) { id stock } }',
        { s: siteId },
      )
    ).products.find((p) => p.id === towel.id)!.stock;

  it('hands out with a receipt, lists the day with its total, and undoes once with points and stock back', async () => {
    const before = await pointsOf(zhang);
    const { redeem } = await clerk.ok<{ redeem: Redemption }>(
      `mutation ($input: RedeemInput!) { redeem(input: $input) { ${FIELDS} } }`,
      {
        input: {
          memberId: zhang,
          items: [{ productId: towel.id, quantity: 2 }],
          idempotencyKey: `receipt-${Date.now()}`,
        },
      },
    );
    const day = shanghaiDay(redeem.createdAt);
    expect(redeem).toMatchObject({
      receiptNumber: `${day.replaceAll('-', '')}-001`,
      balanceAfter: before - 30,
      canCancel: true,
      totalPoints: 30,
    });
    expect(redeem.receiptNumber).not.toContain(redeem.id);

    const { redemptions } = await clerk.ok<{
      redemptions: { totalCount: number; pointsTaken: number; cancelledCount: number; edges: { node: Redemption }[] };
    }>(DAY, { s: siteId, d: day });
    expect(redemptions).toMatchObject({ totalCount: 1, pointsTaken: 30, cancelledCount: 0 });
    expect(redemptions.edges[0]!.node.id).toBe(redeem.id);

    // The member sees their receipt but cannot take the goods back; a bad day names its field.
    const volunteer = await s.as(PHONES.volunteer);
    const own = await volunteer.ok<{ redemptions: { edges: { node: Redemption }[] } }>(DAY, { s: siteId, d: day });
    expect(own.redemptions.edges.map((e) => [e.node.receiptNumber, e.node.canCancel])).toEqual([
      [redeem.receiptNumber, false],
    ]);
    expect(await clerk.fails(DAY, { s: siteId, d: '2026-02-30' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'day' },
    });

    const stockBefore = await stockOfTowel();
    const { cancelRedemption } = await clerk.ok<{ cancelRedemption: Redemption }>(
      `mutation ($id: ID!) { cancelRedemption(id: $id, reason: "拿错了") { ${FIELDS} } }`,
      { id: redeem.id },
    );
    expect(cancelRedemption).toMatchObject({ status: 'CANCELLED', canCancel: false, balanceAfter: before - 30 });
    expect([await pointsOf(zhang), await stockOfTowel()]).toEqual([before, stockBefore + 2]);
    expect(await clerk.ok(DAY, { s: siteId, d: day })).toMatchObject({
      redemptions: { totalCount: 1, pointsTaken: 0, cancelledCount: 1 },
    });
    expect(
      await clerk.in('en').fails(`mutation ($id: ID!) { cancelRedemption(id: $id, reason: "again") { id } }`, {
        id: redeem.id,
      }),
    ).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});
