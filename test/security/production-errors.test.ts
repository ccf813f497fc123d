// Every user error code against a production-mode server (NODE_ENV=production, what people deploy),
// on each engine: none is answered with a 5xx, each keeps its extensions.code and its message in
// Chinese (English with Accept-Language: en), and a mutation that committed is answered with its
// data. Issue 13 found every one of these answered 500 "Internal server error" in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, idemKey, PHONES, target, type Client, type TestServer } from '../api/support/harness';
import {
  CLAIM_NEED,
  POST_NEED,
  REDEEM,
  claimUpTo,
  demo,
  needInput,
  postNeed,
  product,
  type Demo,
} from '../api/support/ops';
import { postJson, startSecServer, type SecServer } from './support/attack';

const CJK = /[\u4e00-\u9fff]/;
const LOGIN = 'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }';
const DONATE = `mutation ($to: ID!, $m: Int!, $key: String!) {
  donateMinutes(toMemberId: $to, minutes: $m, idempotencyKey: $key) { id amount }
}`;

interface Sent {
  token?: string | undefined;
  query: string;
  variables?: Record<string, unknown>;
}

describe.each(engines())('user errors in production on %s', (engine) => {
  let s: SecServer;
  let d: Demo;
  let coordinator: Client;
  let volunteer: Client;
  let volunteer2: Client;

  beforeAll(async () => {
    s = await startSecServer(target(engine, 'production'));
    expect(s.running.config.production).toBe(true);
    d = await demo(s as unknown as TestServer);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
    volunteer2 = await s.as(PHONES.volunteer2);
  });
  afterAll(() => s?.close());

  /** Sends in both languages; returns the answers' first errors after checking none is a 5xx. */
  async function inBothLanguages(sent: Sent, code: string) {
    const messages: Record<string, string> = {};
    for (const lang of ['zh', 'en']) {
      const a = await postJson(s.url, { query: sent.query, variables: sent.variables }, sent.token, {
        'accept-language': lang,
      });
      expect(a.status, a.text).toBeLessThan(500);
      const error = a.json?.errors?.[0];
      expect(error?.extensions?.code, a.text).toBe(code);
      messages[lang] = error!.message;
    }
    expect(messages.zh).toMatch(CJK);
    expect(messages.en).toMatch(/^[^\u4e00-\u9fff]*[A-Za-z]{3,}/);
    expect(messages.en).not.toBe(messages.zh);
    return messages;
  }

  const need = (extra: Record<string, unknown> = {}) => needInput(d, extra);

  it('UNAUTHENTICATED: a bad token is a 401, not a 500', async () => {
    const bad = `${volunteer.token!.slice(0, -4)}AAAA`;
    await inBothLanguages({ token: bad, query: '{ viewer { id } }' }, 'UNAUTHENTICATED');
    const a = await postJson(s.url, { query: '{ viewer { id } }' }, bad);
    expect(a.status).toBe(401);
  });

  it('UNAUTHENTICATED: a wrong password', async () => {
    const m = await inBothLanguages(
      { query: LOGIN, variables: { p: PHONES.volunteer3, w: 'wrong-password' } },
      'UNAUTHENTICATED',
    );
    expect(m.zh).toBe('手机号或密码不对');
  });

  it('FORBIDDEN: a volunteer posting a need', async () => {
    await inBothLanguages({ token: volunteer.token, query: POST_NEED, variables: need() }, 'FORBIDDEN');
  });

  it('NOT_FOUND: claiming a need that does not exist', async () => {
    await inBothLanguages({ token: volunteer.token, query: CLAIM_NEED, variables: { id: 'need_987654' } }, 'NOT_FOUND');
  });

  it('BAD_USER_INPUT: a need of 0 minutes', async () => {
    await inBothLanguages(
      { token: coordinator.token, query: POST_NEED, variables: need({ estimatedMinutes: 0 }) },
      'BAD_USER_INPUT',
    );
  });

  it('CONFLICT: claiming the same need twice', async () => {
    const n = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, slots: 3 });
    await claimUpTo(volunteer, n.id, 'CLAIMED');
    await inBothLanguages({ token: volunteer.token, query: CLAIM_NEED, variables: { id: n.id } }, 'CONFLICT');
  });

  it('INSUFFICIENT_BALANCE: donating more minutes than held', async () => {
    await inBothLanguages(
      { token: volunteer2.token, query: DONATE, variables: { to: d.ids.elder, m: 241, key: idemKey() } },
      'INSUFFICIENT_BALANCE',
    );
  });

  it('OUT_OF_STOCK: more reading glasses than are in stock', async () => {
    const glasses = await product(coordinator, d.siteId, '老花镜');
    const items = [{ productId: glasses.id, quantity: glasses.stock + 1 }];
    await inBothLanguages(
      {
        token: volunteer.token,
        query: REDEEM,
        variables: { input: { memberId: d.ids.volunteer, items, idempotencyKey: idemKey() } },
      },
      'OUT_OF_STOCK',
    );
  });

  it('TOO_MANY_REQUESTS: a phone locked after ten wrong passwords', async () => {
    // All at once, so the slow-down after the third costs one wait rather than seven in a row.
    await Promise.all(
      Array.from({ length: 11 }, (_, i) =>
        postJson(s.url, { query: LOGIN, variables: { p: PHONES.elder, w: `wrong-${i}` } }),
      ),
    );
    await inBothLanguages({ query: LOGIN, variables: { p: PHONES.elder, w: 'wrong-again' } }, 'TOO_MANY_REQUESTS');
  });

  it('a donateMinutes that committed is answered with its data', async () => {
    const key = idemKey('prod');
    const a = await postJson(s.url, { query: DONATE, variables: { to: d.ids.elder, m: 5, key } }, volunteer.token);
    expect(a.status, a.text).toBe(200);
    expect(a.json?.errors).toBeUndefined();
    const gift = (a.json?.data as { donateMinutes: { id: string; amount: number } }).donateMinutes;
    expect(gift).toEqual({ id: expect.stringMatching(/^tr_/), amount: 5 });
    // The same key again answers the same transfer: the first answer was the committed one.
    const again = await volunteer.ok<{ donateMinutes: { id: string } }>(DONATE, { to: d.ids.elder, m: 5, key });
    expect(again.donateMinutes.id).toBe(gift.id);
  });
});
