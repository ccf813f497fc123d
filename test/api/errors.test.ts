// Every error code of the contract, provoked over HTTP on each engine: the right extensions.code,
// a Chinese message by default and an English one with Accept-Language: en, and nothing written
// (row counts, every balance and every stock level unchanged after the failure).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, idemKey, PHONES, startTestServer, type Client, type Lang, type TestServer } from './support/harness';
import {
  CLAIM_NEED,
  CONFIRM,
  POST_NEED,
  REDEEM,
  claimUpTo,
  demo,
  needInput,
  postNeed,
  product,
  type Demo,
} from './support/ops';

const CJK = /[\u4e00-\u9fff]/;
const NEEDS_Q = 'query ($siteId: ID!) { needs(siteId: $siteId) { totalCount } }';
const DONATE = `mutation ($to: ID!, $m: Int!, $key: String!) {
  donateMinutes(toMemberId: $to, minutes: $m, idempotencyKey: $key) { id amount }
}`;

interface Provocation {
  code: string;
  what: string;
  /** extensions.field the error must name. */
  field?: string;
  /** HTTP status, where the contract fixes one. */
  status?: number;
  /** Prepares the state (outside the snapshot) and returns the client, query and variables to send. */
  prepare: () => Promise<{
    as: Client;
    query: string;
    variables?: Record<string, unknown>;
    after?: () => Promise<void>;
  }>;
}

describe.each(targets())('error codes on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client;
  let volunteer: Client;
  let volunteer2: Client;
  const need = (extra: Record<string, unknown> = {}) => needInput(d, extra);

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
    volunteer2 = await s.as(PHONES.volunteer2);
  });
  afterAll(() => s?.close());

  const provocations: Provocation[] = [
    {
      code: 'UNAUTHENTICATED',
      what: 'posting a need without a token',
      prepare: async () => ({ as: s.client, query: POST_NEED, variables: need() }),
    },
    {
      code: 'UNAUTHENTICATED',
      what: 'reading needs without a token',
      prepare: async () => ({ as: s.client, query: NEEDS_Q, variables: { siteId: d.siteId } }),
    },
    {
      code: 'UNAUTHENTICATED',
      what: "a volunteer's token rewritten to name the platform admin",
      status: 401,
      prepare: async () => {
        const [header, payload, signature] = volunteer.token!.split('.') as [string, string, string];
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
        claims.sub = d.ids.admin.replace('mem_', '');
        const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
        return { as: s.client.as(forged), query: POST_NEED, variables: need() };
      },
    },
    {
      code: 'UNAUTHENTICATED',
      what: 'logging in with the wrong password',
      prepare: async () => ({
        as: s.client,
        query: 'mutation { login(phone: "13900000003", password: "wrong-password") { token } }',
      }),
    },
    {
      code: 'FORBIDDEN',
      what: 'a volunteer posting a need',
      prepare: async () => ({ as: volunteer, query: POST_NEED, variables: need() }),
    },
    {
      code: 'BAD_USER_INPUT',
      what: 'a need of 0 minutes',
      field: 'input.estimatedMinutes',
      prepare: async () => ({ as: coordinator, query: POST_NEED, variables: need({ estimatedMinutes: 0 }) }),
    },
    {
      code: 'BAD_USER_INPUT',
      what: "a need's id given as the beneficiary",
      field: 'input.beneficiaryId',
      prepare: async () => ({ as: coordinator, query: POST_NEED, variables: need({ beneficiaryId: 'need_1' }) }),
    },
    {
      code: 'BAD_USER_INPUT',
      what: 'a too short idempotency key',
      field: 'idempotencyKey',
      prepare: async () => ({ as: volunteer, query: DONATE, variables: { to: d.ids.elder, m: 1, key: 'k' } }),
    },
    {
      code: 'NOT_FOUND',
      what: 'claiming a need that does not exist',
      prepare: async () => ({ as: volunteer, query: CLAIM_NEED, variables: { id: 'need_987654' } }),
    },
    {
      code: 'CONFLICT',
      what: 'claiming the same need twice',
      prepare: async () => {
        const n = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, slots: 3 });
        await claimUpTo(volunteer, n.id, 'CLAIMED');
        return { as: volunteer, query: CLAIM_NEED, variables: { id: n.id } };
      },
    },
    {
      code: 'CONFLICT',
      what: 'claiming a full need',
      prepare: async () => {
        const n = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, slots: 1 });
        await claimUpTo(volunteer, n.id, 'CLAIMED');
        return { as: volunteer2, query: CLAIM_NEED, variables: { id: n.id } };
      },
    },
    {
      code: 'INSUFFICIENT_BALANCE',
      what: 'donating more minutes than held (刘桂兰 holds 240)',
      prepare: async () => ({ as: volunteer2, query: DONATE, variables: { to: d.ids.elder, m: 241, key: idemKey() } }),
    },
    {
      code: 'INSUFFICIENT_BALANCE',
      what: 'confirming a BENEFICIARY-paid need whose elder has no minutes banked',
      prepare: async () => {
        const n = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, payer: 'BENEFICIARY' });
        const claim = await claimUpTo(volunteer, n.id, 'REPORTED', 60);
        return {
          as: coordinator,
          query: CONFIRM,
          variables: { id: claim.id, key: idemKey('confirm') },
          after: async () => {
            const c = await coordinator.ok<{ need: { claims: { status: string; confirmedMinutes: number | null }[] } }>(
              'query ($id: ID!) { need(id: $id) { claims { status confirmedMinutes } } }',
              { id: n.id },
            );
            expect(c.need.claims).toEqual([{ status: 'REPORTED', confirmedMinutes: null }]);
          },
        };
      },
    },
    {
      code: 'INSUFFICIENT_BALANCE',
      what: 'redeeming goods with no points (陈志明 holds none)',
      prepare: async () => {
        const rice = await product(coordinator, d.siteId, '大米（5公斤）');
        return {
          as: await s.as(PHONES.volunteer3),
          query: REDEEM,
          variables: {
            input: {
              memberId: d.ids.volunteer3,
              items: [{ productId: rice.id, quantity: 1 }],
              idempotencyKey: idemKey(),
            },
          },
        };
      },
    },
    {
      code: 'OUT_OF_STOCK',
      what: 'a basket whose second line asks for more reading glasses than are in stock',
      prepare: async () => {
        const towel = await product(coordinator, d.siteId, '毛巾');
        const glasses = await product(coordinator, d.siteId, '老花镜');
        const items = [
          { productId: towel.id, quantity: 1 },
          { productId: glasses.id, quantity: glasses.stock + 1 },
        ];
        return {
          as: volunteer,
          query: REDEEM,
          variables: { input: { memberId: d.ids.volunteer, items, idempotencyKey: idemKey() } },
        };
      },
    },
  ];

  for (const p of provocations) {
    it(`${p.code}: ${p.what}`, async () => {
      const { as, query, variables, after } = await p.prepare();
      const before = await s.snapshot();
      const messages: Record<Lang, string> = { zh: '', en: '' };
      for (const lang of ['zh', 'en'] as const) {
        // Chinese is the default: no Accept-Language at all for zh.
        const error = await (lang === 'en' ? as.in('en') : as).fails(query, variables);
        expect(error.extensions?.code, JSON.stringify(error)).toBe(p.code);
        if (p.field) expect(error.extensions?.field).toBe(p.field);
        if (p.status) expect(error.status).toBe(p.status);
        messages[lang] = error.message;
      }
      expect(messages.zh).toMatch(CJK);
      // English words, though names from the data (老花镜) stay as they are.
      expect(messages.en).toMatch(/^[^\u4e00-\u9fff]*[A-Za-z]{3,}/);
      expect(messages.en).not.toBe(messages.zh);
      expect(await s.snapshot()).toEqual(before);
      await after?.();
    });
  }

  it('a failed redemption leaves the first line of the basket in stock and the points where they were', async () => {
    const towel = await product(volunteer, d.siteId, '毛巾');
    const glasses = await product(volunteer, d.siteId, '老花镜');
    const error = await volunteer.fails(REDEEM, {
      input: {
        memberId: d.ids.volunteer,
        items: [
          { productId: towel.id, quantity: 2 },
          { productId: glasses.id, quantity: 99 },
        ],
        idempotencyKey: idemKey(),
      },
    });
    expect(error.extensions?.code).toBe('OUT_OF_STOCK');
    expect((await product(volunteer, d.siteId, '毛巾')).stock).toBe(towel.stock);
    const me = await volunteer.ok<{ viewer: { balance: { points: number } } }>('{ viewer { balance { points } } }');
    expect(me.viewer.balance.points).toBe(100);
  });
});
