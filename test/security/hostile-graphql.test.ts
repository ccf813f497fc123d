// Hostile documents and hostile HTTP against a production-mode server, on each engine: every one
// is refused before execution (no SQL statement runs), as a 4xx JSON answer in GraphQL's error
// shape, never a 500, an HTML page or a stack trace, and the database is left exactly as it was.
// Apollo answers 400 for a document that fails validation (limits, introspection, unknown
// fields), 413 for a body over the limit, 400 for malformed JSON, a batch or a CSRF-suspect
// request, and 405 for a mutation over GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, PHONES, type TestServer } from '../api/support/harness';
import { demo, type Demo } from '../api/support/ops';
import {
  expectRefusal,
  postJson,
  raw,
  startSecServer,
  unchanged,
  type RawAnswer,
  type SecServer,
} from './support/attack';

const ADD_MEMBER = 'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }';

describe.each(engines())('hostile GraphQL and HTTP on %s (NODE_ENV=production)', (engine) => {
  let s: SecServer;
  let d: Demo;
  let coordinatorToken: string;
  const memberInput = () => ({
    input: { siteId: d.siteId, name: '攻击者', phone: '13712345678', roles: ['VOLUNTEER'] },
  });

  beforeAll(async () => {
    s = await startSecServer(engine, { NODE_ENV: 'production' });
    // demo() only logs in through as(): the harness's TestServer and ours agree on it.
    d = await demo(s as unknown as TestServer);
    coordinatorToken = (await s.as(PHONES.coordinator)).token!;
  });
  afterAll(() => s?.close());

  /** Sends the attack with the database and the statement log watched: no write, no SQL at all. */
  async function attack(send: () => Promise<RawAnswer>, codes: string[], statuses = [400]) {
    return unchanged(s.handle, async () => {
      s.statements.length = 0;
      const answer = await send();
      // A token costs one look-up of its member; an anonymous refusal costs nothing.
      expect(s.statements.length, s.statements.join('\n')).toBeLessThanOrEqual(2);
      return expectRefusal(answer, codes, statuses);
    });
  }

  it('refuses an alias bomb: 1,000 aliases, 300, and 16 (one over the limit of 15)', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: sites { totalCount }`).join(' ')} }`;
    // So many tokens that parsing stops at the token limit (2000) before aliases are counted.
    const bomb = await attack(() => postJson(s.url, { query: aliases(1000) }), ['GRAPHQL_PARSE_FAILED']);
    expect(bomb.message).toMatch(/more th(an|at) 2000 tokens/i);
    // Under the token limit, 300 aliases meet the alias limit.
    const many = await attack(() => postJson(s.url, { query: aliases(300) }), ['GRAPHQL_VALIDATION_FAILED']);
    expect(many.message).toMatch(/Aliases limit of 15 exceeded, found 300/);
    const over = await attack(() => postJson(s.url, { query: aliases(16) }), ['GRAPHQL_VALIDATION_FAILED']);
    expect(over.message).toMatch(/Aliases limit of 15/);
    // Fifteen is allowed: the limit is where the README says, not tighter.
    expect((await postJson(s.url, { query: aliases(15) })).status).toBe(200);
  });

  it('refuses a 50-level nested query (limit 12)', async () => {
    let inner = 'id';
    for (let i = 0; i < 25; i++) inner = `claims { need { ${inner} } }`;
    const query = `query ($id: ID!) { need(id: $id) { ${inner} } }`;
    const r = await attack(
      () => postJson(s.url, { query, variables: { id: 'need_1' } }, coordinatorToken),
      ['GRAPHQL_VALIDATION_FAILED'],
    );
    expect(r.message).toMatch(/depth limit of 12/i);
  });

  it('refuses a query whose list sizes multiply past the cost limit', async () => {
    const query = `query ($siteId: ID!) { members(siteId: $siteId, first: 100) { edges { node {
      transfers(first: 100) { edges { node { toMember { transfers(first: 100) { edges { node { id } } } } } } } } } } }`;
    const r = await attack(
      () => postJson(s.url, { query, variables: { siteId: d.siteId } }, coordinatorToken),
      ['GRAPHQL_VALIDATION_FAILED'],
    );
    expect(r.message).toMatch(/cost \d+ exceeds the limit of 20000/);
  });

  it('refuses a 10 MB body with 413', async () => {
    const body = JSON.stringify({
      query: ADD_MEMBER,
      variables: { ...memberInput(), pad: 'x'.repeat(10 * 1024 * 1024) },
    });
    const r = await attack(() => postJson(s.url, body, coordinatorToken), ['BAD_REQUEST'], [413]);
    expect(r.message).toMatch(/too large/i);
  });

  it('refuses a batch of 1,000 operations', async () => {
    const small = Array.from({ length: 1000 }, () => ({ query: '{ sites { totalCount } }' }));
    const r = await attack(() => postJson(s.url, small, coordinatorToken), ['BAD_REQUEST']);
    expect(r.message).toMatch(/batching disabled/i);
    // 1,000 mutations with their variables are over the body limit before they are a batch.
    const writes = Array.from({ length: 1000 }, () => ({ query: ADD_MEMBER, variables: memberInput() }));
    await attack(() => postJson(s.url, writes, coordinatorToken), ['BAD_REQUEST'], [400, 413]);
    // Even a batch of two is refused: batching is off, not merely capped.
    await attack(() => postJson(s.url, small.slice(0, 2), coordinatorToken), ['BAD_REQUEST']);
  });

  it('refuses malformed JSON', async () => {
    for (const body of [
      '{"query": "{ sites { totalCount } }"',
      '{query: 1}',
      '',
      'null',
      '"{ sites { totalCount } }"',
    ]) {
      const r = await attack(() => postJson(s.url, body, coordinatorToken), ['BAD_REQUEST']);
      expect(r.message, body).toMatch(/JSON|body|query/i);
    }
  });

  it('refuses a POST with text/plain (CSRF), even with a valid token', async () => {
    const body = JSON.stringify({ query: ADD_MEMBER, variables: memberInput() });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await attack(
        () =>
          raw(`${s.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': type, authorization: `Bearer ${coordinatorToken}` },
            body,
          }),
        ['BAD_REQUEST'],
      );
      expect(r.message, type).toMatch(/Cross-Site Request Forgery|CSRF|content-type/i);
    }
  });

  it('refuses a GET carrying a mutation', async () => {
    const params = new URLSearchParams({
      query: ADD_MEMBER,
      variables: JSON.stringify(memberInput()),
    });
    const get = (headers: Record<string, string>) =>
      raw(`${s.url}/graphql?${params.toString()}`, {
        headers: { authorization: `Bearer ${coordinatorToken}`, ...headers },
      });
    // A plain GET, as an <img> or a link would send it: CSRF prevention stops it.
    const plain = await attack(() => get({}), ['BAD_REQUEST']);
    expect(plain.message).toMatch(/Cross-Site Request Forgery/);
    // With the preflight header a browser would need CORS for: still no mutation over GET.
    const preflighted = await attack(() => get({ 'apollo-require-preflight': 'true' }), ['BAD_REQUEST'], [405]);
    expect(preflighted.message).toMatch(/only support query operations|mutation.*POST/i);
    // A query over GET with that header is fine: the refusal is about the mutation.
    const query = new URLSearchParams({ query: '{ sites { totalCount } }' });
    const ok = await raw(`${s.url}/graphql?${query.toString()}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
  });

  it('refuses introspection in production', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Member") { fields { name } } }']) {
      const r = await attack(() => postJson(s.url, { query }), ['GRAPHQL_VALIDATION_FAILED']);
      expect(r.message).toMatch(/introspection/i);
    }
  });

  it('leaks no schema through suggestions for typos in production', async () => {
    // Each typo, and the real name a suggestion would give away.
    const typos: [string, RegExp][] = [
      ['{ sites { totalCont } }', /totalCount/],
      ['{ site(id: "site_1") { nam regin } }', /"name"|\bname\b|region/],
      ['{ sites(firts: 3) { totalCount } }', /\bfirst\b/],
      ['query ($x: CreateSiteInpt!) { sites { totalCount } }', /CreateSiteInput/],
      [
        'mutation { createSite(input: { name: "x", region: "a/b/c", pointsPerHour: 1, timeZon: "UTC" }) { id } }',
        /timeZone/,
      ],
      ['{ needs(siteId: "site_1", status: OPN) { totalCount } }', /\bOPEN\b/],
      ['{ sitse { totalCount } }', /\bsites?\b/],
      ['{ viewer { phon } }', /\bphone\b/],
    ];
    for (const [query, hidden] of typos) {
      const a = await postJson(s.url, { query }, coordinatorToken);
      const r = expectRefusal(a, ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
      expect(a.text, query).not.toMatch(/did you mean/i);
      expect(a.text, query).not.toMatch(hidden);
      expect(r.message.length).toBeGreaterThan(0);
    }
  });

  it('leaks no schema through suggestions in variable values either', async () => {
    // graphql-js coerces variables outside validation, with suggestions of its own wording.
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['query ($st: NeedStatus) { needs(siteId: "site_1", status: $st) { totalCount } }', { st: 'OPN' }, /\bOPEN\b/],
      [
        'mutation ($i: CreateSiteInput!) { createSite(input: $i) { id } }',
        { i: { name: 'x', region: 'a/b/c', pointsPerHour: 1, timeZon: 'UTC' } },
        /timeZone/,
      ],
    ];
    for (const [query, variables, hidden] of cases) {
      const a = await attack(() => postJson(s.url, { query, variables }, coordinatorToken), ['BAD_USER_INPUT']);
      expect(a.message, query).not.toMatch(/did you mean/i);
      expect(a.message, query).not.toMatch(hidden);
      // Still says what is wrong with the value.
      expect(a.message, query).toMatch(/Variable "\$(st|i)" got invalid value/);
    }
  });

  it('answers unknown paths under the API with JSON, not the app shell', async () => {
    for (const path of [
      '/export/site_1/2026-13/service.csv',
      '/certificate/mem_999999',
      '/export/site_1/2026-01/secrets.csv',
    ]) {
      const a = await raw(`${s.url}${path}`, { headers: { authorization: `Bearer ${coordinatorToken}` } });
      expect(a.status, path).toBeGreaterThanOrEqual(400);
      expect(a.status, path).toBeLessThan(500);
      expect(a.contentType, path).toMatch(/json/);
      expect(a.text).not.toMatch(STACKLIKE);
    }
  });
});

const STACKLIKE = /\bat .+:\d+:\d+|node_modules/;

// The controls: the same documents where the switches are the other way, so the refusals above are
// the production settings at work (and GRAPHQL_INTROSPECTION=true does turn introspection back on).
describe('introspection and suggestions outside production (PGlite)', () => {
  it('suggests and introspects in development, and introspects in production when asked to', async () => {
    const dev = await startSecServer('pglite');
    const opted = await startSecServer('pglite', { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    try {
      const typo = await postJson(dev.url, { query: '{ sites { totalCont } }' });
      expect(typo.json?.errors?.[0]?.message).toMatch(/Did you mean "totalCount"/);
      const coerced = await postJson(dev.url, {
        query: 'query ($st: NeedStatus) { needs(siteId: "site_1", status: $st) { totalCount } }',
        variables: { st: 'OPN' },
      });
      expect(coerced.json?.errors?.[0]?.message).toMatch(/Did you mean the enum value "OPEN"/);
      for (const s of [dev, opted]) {
        const a = await postJson(s.url, { query: '{ __type(name: "Member") { name } }' });
        expect(a.json?.data).toEqual({ __type: { name: 'Member' } });
      }
    } finally {
      await Promise.all([dev.close(), opted.close()]);
    }
  });
});
