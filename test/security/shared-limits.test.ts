// The request limit and the log-in lock-outs over HTTP. The limit is the member's, whatever way
// the Authorization header spells the token; a header that is not exactly `Bearer <token>` is 401.
// X-Forwarded-For names the client only when TRUST_PROXY trusts the proxy that sent it. The counts
// live in the database: two server processes on one PostgreSQL share them, and a restarted server
// (either engine) still holds a lock-out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@huzhu/server/start';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, JWT_SECRET, login, PASSWORD, PHONES } from '../api/support/harness';
import { postJson, raw, startSecServer, type SecServer } from './support/attack';

const LIMIT = 20;
const VIEWER = { query: '{ viewer { id } }' };
const LOGIN = 'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }';

/** POSTs `{ viewer { id } }` with these headers; the status and the first error code. */
async function ask(url: string, headers: Record<string, string>) {
  const a = await raw(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(VIEWER),
  });
  return { status: a.status, code: a.json?.errors?.[0]?.extensions?.code as string | undefined, json: a.json };
}

async function tryLogin(url: string, phone: string, password: string) {
  const a = await postJson(url, { query: LOGIN, variables: { p: phone, w: password } });
  return (a.json?.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
}

describe.each(targets())('the request limit on $name', (on) => {
  let s: SecServer;
  beforeAll(async () => {
    s = await startSecServer(on, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => s?.close());

  it('accepts `Bearer <token>` in any case, and refuses every other shape with 401', async () => {
    const token = await login(s.url, PHONES.elder);
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const a = await ask(s.url, { authorization: `${scheme} ${token}` });
      expect(a.status, scheme).toBe(200);
      expect(a.json?.data).toMatchObject({ viewer: { id: expect.stringMatching(/^mem_/) } });
    }
    const shapes = [`Bearer  ${token}`, `Bearer\t${token}`, token, `Basic ${token}`, `Bearer ${token} x`, 'Bearer'];
    for (const header of shapes) {
      const a = await ask(s.url, { authorization: header });
      expect([a.status, a.code], JSON.stringify(header.replace(token, 'T'))).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('keys the limit on the member: other spellings and other tokens share one budget', async () => {
    const token = await login(s.url, PHONES.volunteer);
    const spellings = [`Bearer ${token}`, `bearer ${token}`, `BEARER ${token}`, `BeArEr ${token}`];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) statuses.push((await ask(s.url, { authorization: spellings[i % 4]! })).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses.slice(LIMIT)).toEqual(Array(5).fill(429));
    // A new log-in (a request from the address, not the member) gets a token that is still over.
    const again = await login(s.url, PHONES.volunteer);
    expect((await ask(s.url, { authorization: `Bearer ${again}` })).code).toBe('TOO_MANY_REQUESTS');
    // Another member is not.
    const other = await login(s.url, PHONES.volunteer2);
    expect((await ask(s.url, { authorization: `Bearer ${other}` })).status).toBe(200);
  });
});

describe.each(targets())('X-Forwarded-For on $name', (on) => {
  it('is ignored by default, so new values get no new budget', async () => {
    const s = await startSecServer(on, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 5; i++)
        statuses.push((await ask(s.url, { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
      expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
      expect(statuses.slice(LIMIT)).toEqual(Array(5).fill(429));
    } finally {
      await s.close();
    }
  });

  it('names the client when TRUST_PROXY trusts the proxy (here loopback)', async () => {
    const s = await startSecServer(on, { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'loopback' });
    try {
      for (let i = 0; i < LIMIT + 5; i++)
        expect((await ask(s.url, { 'x-forwarded-for': `203.0.113.${i + 1}` })).status).toBe(200);
      // One client behind the proxy still has one budget: it was spent once above.
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT; i++) statuses.push((await ask(s.url, { 'x-forwarded-for': '198.51.100.7' })).status);
      expect(statuses.slice(0, LIMIT - 1)).toEqual(Array(LIMIT - 1).fill(200));
      expect((await ask(s.url, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
      expect((await ask(s.url, { 'x-forwarded-for': '198.51.100.7, 10.0.0.1' })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL', () => {
  let a: SecServer;
  let b: RunningServer;
  beforeAll(async () => {
    a = await startSecServer('postgres', { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    b = await second(a.running.config.databaseUrl!);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });
  const second = (databaseUrl: string) =>
    startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      env: { JWT_SECRET, RATE_LIMIT_PER_MINUTE: String(LIMIT) },
      demoData: false,
      quiet: true,
    });

  it('share lock-outs: ten wrong passwords on A lock the phone on B, and on B restarted', async () => {
    for (let i = 0; i < 10; i++) expect(await tryLogin(a.url, PHONES.volunteer2, `wrong-${i}`)).toBe('UNAUTHENTICATED');
    expect(await tryLogin(b.url, PHONES.volunteer2, PASSWORD)).toBe('TOO_MANY_REQUESTS');
    await b.close();
    b = await second(a.running.config.databaseUrl!);
    expect(await tryLogin(b.url, PHONES.volunteer2, PASSWORD)).toBe('TOO_MANY_REQUESTS');
    // The lock is the phone's: another member logs in on either.
    expect(await tryLogin(b.url, PHONES.volunteer3, PASSWORD)).toBe('OK');
  });

  it('share the request limit: a budget spent on A is spent on B', async () => {
    const token = await login(a.url, PHONES.clerk);
    for (let i = 0; i < LIMIT; i++) expect((await ask(a.url, { authorization: `Bearer ${token}` })).status).toBe(200);
    const onB = await ask(b.url, { authorization: `Bearer ${token}` });
    expect([onB.status, onB.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
  });
});

describe.each(targets())('a restart on $name', (on) => {
  it('keeps a lock-out', async () => {
    // PGlite on disk (a folder of its own), so the restarted server opens the same database.
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-restart-'));
    const common = { port: 0, host: '127.0.0.1', quiet: true, env: { JWT_SECRET } } as const;
    let s: SecServer | undefined;
    let first: RunningServer | undefined;
    let restarted: RunningServer | undefined;
    try {
      if (on.engine === 'postgres') {
        s = await startSecServer(on);
        first = s.running;
      } else {
        first = await startServer({ ...common, dataDir: dir, demoData: true });
      }
      for (let i = 0; i < 10; i++) await tryLogin(first.url, PHONES.coordinator, `wrong-${i}`);
      expect(await tryLogin(first.url, PHONES.coordinator, PASSWORD)).toBe('TOO_MANY_REQUESTS');
      const databaseUrl = first.config.databaseUrl;
      await first.close();
      restarted = await startServer({
        ...common,
        demoData: false,
        ...(databaseUrl ? { databaseUrl } : { dataDir: dir }),
      });
      expect(await tryLogin(restarted.url, PHONES.coordinator, PASSWORD)).toBe('TOO_MANY_REQUESTS');
      expect(await tryLogin(restarted.url, PHONES.clerk, PASSWORD)).toBe('OK');
    } finally {
      await restarted?.close();
      await first?.close();
      await s?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
