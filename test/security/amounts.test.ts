// Hostile amounts: -5, 0, 1.5, 2^31, "1e3" and null in every amount of donateMinutes, redeem,
// reportService, confirmService, restockProduct and addProduct, as a variable and written into the
// document. A value that is not an Int at all (1.5, 2^31, "1e3", null for a required Int) fails
// GraphQL's own checks: 400, BAD_USER_INPUT for a variable, GRAPHQL_VALIDATION_FAILED inline. An
// Int out of range (-5, 0) reaches our validation: 200 with BAD_USER_INPUT naming the field
// (Apollo's answer for a resolver's error). Nothing is written either way. Two values are legal
// and accepted on purpose: confirmService's minutes may be null ("the reported minutes"), and a
// product may be added with stock 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, idemKey, PHONES, type Client, type TestServer } from '../api/support/harness';
import { balanceOf, claimUpTo, demo, postNeed, products, type Demo } from '../api/support/ops';
import { expectRefusal, postJson, startSecServer, unchanged, type SecServer } from './support/attack';

const VALUES: [label: string, json: unknown, literal: string][] = [
  ['-5', -5, '-5'],
  ['0', 0, '0'],
  ['1.5', 1.5, '1.5'],
  ['2^31', 2 ** 31, String(2 ** 31)],
  ['"1e3"', '1e3', '"1e3"'],
  ['null', null, 'null'],
];

interface Target {
  name: string;
  who: () => Client;
  /** The field our validation names for an out-of-range value. */
  field: string;
  /** The operation with $v (Int) where the amount goes, and its other variables. */
  query: () => string;
  variables: () => Record<string, unknown>;
  /** Values this amount legally takes (accepted on purpose, tested below). */
  legal?: string[];
}

describe.each(targets())('hostile amounts on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let coordinator: Client;
  let volunteer: Client;
  let checkedIn: string;
  let reported: string;
  let productId: string;

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun, slots: 2 });
    reported = (await claimUpTo(volunteer, need.id, 'REPORTED', 45)).id;
    const need2 = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.zhou });
    checkedIn = (await claimUpTo(volunteer, need2.id, 'CHECKED_IN')).id;
    productId = (await products(coordinator, d.siteId))[0]!.id;
  });
  afterAll(() => s?.close());

  const targets: Target[] = [
    {
      name: 'donateMinutes.minutes',
      who: () => volunteer,
      field: 'minutes',
      query: () =>
        'mutation ($v: Int!, $to: ID!, $k: String!) { donateMinutes(toMemberId: $to, minutes: $v, idempotencyKey: $k) { id } }',
      variables: () => ({ to: d.ids.elder, k: idemKey('amount') }),
    },
    {
      name: 'redeem.items.quantity',
      who: () => volunteer,
      field: 'input.items[0].quantity',
      query: () =>
        'mutation ($v: Int!, $m: ID!, $p: ID!, $k: String!) { redeem(input: { memberId: $m, items: [{ productId: $p, quantity: $v }], idempotencyKey: $k }) { id } }',
      variables: () => ({ m: d.ids.volunteer, p: productId, k: idemKey('amount') }),
    },
    {
      name: 'reportService.minutes',
      who: () => volunteer,
      field: 'minutes',
      query: () => 'mutation ($v: Int!, $id: ID!) { reportService(claimId: $id, minutes: $v) { id } }',
      variables: () => ({ id: checkedIn }),
    },
    {
      name: 'confirmService.minutes',
      who: () => coordinator,
      field: 'minutes',
      query: () =>
        'mutation ($v: Int, $id: ID!, $k: String!) { confirmService(claimId: $id, minutes: $v, idempotencyKey: $k) { id } }',
      variables: () => ({ id: reported, k: idemKey('amount') }),
      legal: ['null'],
    },
    {
      name: 'restockProduct.quantity',
      who: () => coordinator,
      field: 'quantity',
      query: () => 'mutation ($v: Int!, $id: ID!) { restockProduct(productId: $id, quantity: $v) { id } }',
      variables: () => ({ id: productId }),
    },
    {
      name: 'addProduct.pointsPrice',
      who: () => coordinator,
      field: 'input.pointsPrice',
      query: () =>
        'mutation ($v: Int!, $s: ID!) { addProduct(input: { siteId: $s, name: "肥皂", pointsPrice: $v, stock: 5 }) { id } }',
      variables: () => ({ s: d.siteId }),
    },
    {
      name: 'addProduct.stock',
      who: () => coordinator,
      field: 'input.stock',
      query: () =>
        'mutation ($v: Int!, $s: ID!) { addProduct(input: { siteId: $s, name: "肥皂", pointsPrice: 5, stock: $v }) { id } }',
      variables: () => ({ s: d.siteId }),
      legal: ['0'],
    },
  ];

  const cases = targets.flatMap((t) =>
    VALUES.filter(([label]) => !t.legal?.includes(label)).map(
      ([label, json, literal]) => [t.name, label, t, json, literal] as const,
    ),
  );

  it.each(cases)('%s = %s is refused, as a variable and inline', async (_name, label, t, json, literal) => {
    const notAnInt = !['-5', '0'].includes(label);
    await unchanged(s.handle, async () => {
      const asVariable = await postJson(
        s.url,
        { query: t.query(), variables: { ...t.variables(), v: json } },
        t.who().token,
      );
      const r = expectRefusal(asVariable, ['BAD_USER_INPUT'], [notAnInt ? 400 : 200]);
      if (!notAnInt) expect(r.extensions.field).toBe(t.field);

      // The same value written into the document: $v's declaration dropped, the literal in its place.
      const inline = t
        .query()
        .replace(/\$v: Int!?, /, '')
        .replace('$v', literal);
      const written = await postJson(s.url, { query: inline, variables: t.variables() }, t.who().token);
      const w = expectRefusal(
        written,
        [notAnInt ? 'GRAPHQL_VALIDATION_FAILED' : 'BAD_USER_INPUT'],
        [notAnInt ? 400 : 200],
      );
      if (!notAnInt) expect(w.extensions.field).toBe(t.field);
    });
  });

  it('accepts the legal edge values: confirm with minutes null credits the reported 45', async () => {
    const before = await balanceOf(coordinator, d.ids.volunteer);
    const t = targets.find((x) => x.name === 'confirmService.minutes')!;
    const a = await postJson(s.url, { query: t.query(), variables: { ...t.variables(), v: null } }, coordinator.token);
    expect(a.json?.errors).toBeUndefined();
    expect((await balanceOf(coordinator, d.ids.volunteer)).minutes).toBe(before.minutes + 45);

    const stock = targets.find((x) => x.name === 'addProduct.stock')!;
    const b = await postJson(
      s.url,
      { query: stock.query(), variables: { ...stock.variables(), v: 0 } },
      coordinator.token,
    );
    expect(b.json?.errors).toBeUndefined();
  });
});
