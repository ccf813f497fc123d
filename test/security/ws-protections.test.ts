// The HTTP protections over WebSocket, against a production-mode server: internal errors masked
// (and every error in the client's language), introspection and "did you mean" refused, the
// per-member request budget, a cap on subscriptions per socket and on sockets per member, a bound
// on the message size and on the wait for connection_init.
import type { Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { engines, hoursFromNow, PHONES, type GqlError, type TestServer } from '../api/support/harness';
import { demo, type Demo } from '../api/support/ops';
import { subscribe, wsClient, wsRequest, type Subscriber, type WsOptions } from '../api/support/ws';
import { startSecServer, unchanged, type SecServer } from './support/attack';

const NEED_POSTED = `subscription ($s: ID!) { needPosted(siteId: $s) { id } }`;
const POST_NEED = `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`;
const MEMBERS = `query ($s: ID!) { members(siteId: $s, first: 5) { totalCount } }`;
/** What an internal error may never show: SQL, table and column names, the thrown text, a stack. */
const LEAK = /password_hash|insert into|"needs"|boom|\bat .+\.(ts|js):\d+|node_modules/i;

const codeOf = (r: { errors?: GqlError[] }) => String(r.errors?.[0]?.extensions?.code ?? 'OK');

interface Closed {
  code: number;
  reason: string;
}

/** A bare graphql-transport-ws socket, for what no well-behaved client sends. */
function rawSocket(httpUrl: string): { socket: WebSocket; opened: Promise<void>; closed: Promise<Closed> } {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  // Closed, or answered where it should have been closed: then the code is 0 and the reason the answer.
  const closed = new Promise<Closed>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('message', (data) => {
      const text = data.toString();
      if (!text.includes('"connection_ack"')) resolve({ code: 0, reason: text.slice(0, 200) });
    });
  });
  return { socket, opened, closed };
}

describe.each(engines())('WebSocket protections in production on %s', (engine) => {
  let s: SecServer;
  let limited: SecServer;
  let d: Demo;
  const sockets: WsClient[] = [];
  const connect = (server: SecServer, token?: string, options: WsOptions = {}) => {
    const c = wsClient(server.url, token, options);
    sockets.push(c);
    return c;
  };
  const tokenOf = async (server: SecServer, phone: string) => (await server.as(phone)).token!;

  beforeAll(async () => {
    s = await startSecServer(engine, { NODE_ENV: 'production' });
    limited = await startSecServer(engine, { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '30' });
    // demo() only logs in through as(): the harness's TestServer and ours agree on it.
    d = await demo(s as unknown as TestServer);
  });
  afterAll(async () => {
    for (const c of sockets) await c.dispose();
    await s?.close();
    await limited?.close();
  });

  it('masks an internal error as HTTP does, in the language the client asked for', async () => {
    // A real failure inside the database, as a broken disk or a bad migration would give.
    await s.handle.db.execute(`create function huzhu_test_boom() returns trigger language plpgsql
      as $$ begin raise exception 'boom: select password_hash from members'; end $$`);
    await s.handle.db.execute(`create trigger huzhu_test_boom before insert on needs
      for each row execute function huzhu_test_boom()`);
    try {
      const token = await tokenOf(s, PHONES.coordinator);
      const input = {
        siteId: d.siteId,
        beneficiaryId: d.ids.elder,
        title: '换灯泡',
        category: 'ERRAND',
        startsAt: hoursFromNow(24),
        estimatedMinutes: 30,
      };
      const answers = await unchanged(s.handle, () =>
        Promise.all([
          wsRequest(connect(s, token), POST_NEED, { input }),
          wsRequest(connect(s, token, { params: { lang: 'en' } }), POST_NEED, { input }),
          wsRequest(connect(s, token, { headers: { 'accept-language': 'en-US,en;q=0.9' } }), POST_NEED, { input }),
        ]),
      );
      const [zh, ...en] = answers;
      for (const a of answers) {
        expect(a.data ?? null).toBeNull();
        expect(a.errors).toHaveLength(1);
        // The code, and the id of the one log line that tells the operator what happened; nothing else.
        expect(a.errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
        expect(JSON.stringify(a)).not.toMatch(LEAK);
      }
      expect(zh!.errors![0]!.message).toBe('服务器出错了，请稍后再试');
      for (const a of en) expect(a.errors![0]!.message).toBe('Internal server error; please try again');
    } finally {
      await s.handle.db.execute('drop trigger huzhu_test_boom on needs');
      await s.handle.db.execute('drop function huzhu_test_boom()');
    }
  });

  it("a user error comes in the client's language too", async () => {
    const token = await tokenOf(s, PHONES.volunteer);
    const zh = await wsRequest(connect(s, token), MEMBERS, { s: d.siteId });
    const en = await wsRequest(connect(s, token, { params: { acceptLanguage: 'en' } }), MEMBERS, { s: d.siteId });
    expect([codeOf(zh), codeOf(en)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(zh.errors![0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.errors![0]!.message).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.stringify([zh, en])).not.toContain('messageZh');
  });

  it('refuses introspection and hides "did you mean" without a token', async () => {
    const anonymous = connect(s);
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Member") { fields { name } } }']) {
      const r = await wsRequest(anonymous, query);
      expect(codeOf(r), query).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.data ?? null).toBeNull();
    }
    // Each typo, and the real name a suggestion would give away (as over HTTP: hostile-graphql).
    const typos: [string, Record<string, unknown>, RegExp][] = [
      ['{ sites { totalCont } }', {}, /totalCount/],
      [`{ site(id: "${d.siteId}") { nam regin } }`, {}, /"name"|\bname\b|region/],
      ['{ sites(firts: 3) { totalCount } }', {}, /\bfirst\b/],
      ['query ($x: CreateSiteInpt!) { sites { totalCount } }', {}, /CreateSiteInput/],
      [`{ needs(siteId: "${d.siteId}", status: OPN) { totalCount } }`, {}, /\bOPEN\b/],
      [
        `query ($st: NeedStatus) { needs(siteId: "${d.siteId}", status: $st) { totalCount } }`,
        { st: 'OPN' },
        /\bOPEN\b/,
      ],
      ['{ viewer { phon } }', {}, /\bphone\b/],
    ];
    for (const [query, variables, hidden] of typos) {
      const r = await wsRequest(anonymous, query, variables);
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'], query).toContain(codeOf(r));
      expect(r.data ?? null).toBeNull();
      const text = JSON.stringify(r.errors);
      expect(text, query).not.toMatch(/did you mean/i);
      expect(text, query).not.toMatch(hidden);
    }
    // A token changes nothing: the rule is production's.
    const r = await wsRequest(connect(s, await tokenOf(s, PHONES.admin)), '{ __schema { queryType { name } } }');
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("applies the per-member request budget (RATE_LIMIT_PER_MINUTE) to a member's sockets together", async () => {
    const token = await tokenOf(limited, PHONES.coordinator);
    const first = connect(limited, token, { keepOpen: true });
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) codes.push(codeOf(await wsRequest(first, '{ viewer { id } }')));
    expect(codes).toEqual(Array.from({ length: 30 }, () => 'OK'));
    const over = await wsRequest(first, '{ viewer { id } }');
    expect(codeOf(over)).toBe('TOO_MANY_REQUESTS');
    expect(over.errors![0]!.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(over.errors![0]!.message).toMatch(/[\u4e00-\u9fff]/);
    // A second socket is no fresh budget, and neither is a subscription.
    const second = connect(limited, token);
    expect(codeOf(await wsRequest(second, '{ viewer { id } }'))).toBe('TOO_MANY_REQUESTS');
    const sub = subscribe(second, NEED_POSTED, { s: d.siteId });
    expect((await sub.failure())[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // The budget is the member's: another member is served.
    const other = connect(limited, await tokenOf(limited, PHONES.volunteer));
    expect(codeOf(await wsRequest(other, '{ viewer { id } }'))).toBe('OK');
  });

  it('caps the subscriptions open on one socket, and frees a place when one ends', async () => {
    const coordinator = await s.as(PHONES.coordinator);
    const socket = connect(s, coordinator.token, { keepOpen: true });
    const subs = Array.from({ length: 21 }, () => subscribe<{ id: string }>(socket, NEED_POSTED, { s: d.siteId }));
    const refused = await Promise.any(subs.map((sub) => sub.failure(10_000).then((errors) => ({ sub, errors }))));
    expect(refused.errors[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors[0]?.message).toMatch(/20/);
    const live = subs.filter((sub) => sub !== refused.sub);
    await allLive(live);

    live[0]!.dispose();
    // A round trip on the same socket: the unsubscribe has been handled by the time it returns.
    expect(codeOf(await wsRequest(socket, '{ __typename }'))).toBe('OK');
    const replacement = subscribe<{ id: string }>(socket, NEED_POSTED, { s: d.siteId });
    await allLive([replacement, ...live.slice(1)]);

    async function allLive(group: Subscriber<{ id: string }>[]) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const { postNeed } = await coordinator.ok<{ postNeed: { id: string } }>(POST_NEED, {
          input: {
            siteId: d.siteId,
            beneficiaryId: d.ids.elder,
            title: '探针',
            category: 'ERRAND',
            startsAt: hoursFromNow(24),
            estimatedMinutes: 30,
          },
        });
        const heard = await Promise.all(
          group.map((sub) =>
            sub
              .waitFor((e) => e.id === postNeed.id, 250 * (attempt + 1))
              .then(
                () => true,
                () => false,
              ),
          ),
        );
        if (heard.every(Boolean)) return;
      }
      throw new Error('not every subscription went live');
    }
  });

  it('caps the sockets one member may hold open, with a close code saying why', async () => {
    const token = await tokenOf(s, PHONES.volunteer2);
    const ten = Array.from({ length: 10 }, () => connect(s, token, { keepOpen: true }));
    for (const c of ten) expect(codeOf(await wsRequest(c, '{ __typename }'))).toBe('OK');
    const eleventh = connect(s, token);
    const closed = (await wsRequest(eleventh, '{ __typename }').then(
      () => undefined,
      (error: unknown) => error,
    )) as Closed | undefined;
    expect(closed).toMatchObject({ code: 1013 });
    expect(closed!.reason).toMatch(/at most 10/);
    // Another member is not affected; and a socket closed frees its place.
    expect(codeOf(await wsRequest(connect(s, await tokenOf(s, PHONES.volunteer3)), '{ __typename }'))).toBe('OK');
    await ten[0]!.dispose();
    let code = 'closed';
    for (let attempt = 0; attempt < 100 && code !== 'OK'; attempt++) {
      code = await wsRequest(connect(s, token), '{ __typename }').then(codeOf, () => 'closed');
    }
    expect(code).toBe('OK');
  });

  it('closes a socket whose message is over 100 KB (1009), as HTTP refuses such a body', async () => {
    const { socket, opened, closed } = rawSocket(s.url);
    await opened;
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    const query = '{ __typename }';
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query, variables: { padding: 'x'.repeat(150 * 1024) } },
      }),
    );
    expect((await closed).code).toBe(1009);
  });

  it('closes a socket that never sends connection_init (4408)', async () => {
    const { opened, closed } = rawSocket(s.url);
    await opened;
    expect(await closed).toMatchObject({ code: 4408 });
  }, 30_000);
});
