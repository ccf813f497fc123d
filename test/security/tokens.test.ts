// Forged log-in tokens, crafted by hand (HMAC from node:crypto): tampered, expired, `alg: none`,
// another algorithm, another secret, another issuer; and well-signed ones that omit exp or iat,
// live longer than 30 days or name their member other than as a plain decimal id. Each is refused with 401 UNAUTHENTICATED as
// JSON on /graphql, on the certificate and on the CSV exports, and writes nothing. A token built
// the same way with the right secret is accepted, so the refusals are the server's doing.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, JWT_SECRET, monthIn, PHONES, type TestServer } from '../api/support/harness';
import { demo, type Demo } from '../api/support/ops';
import { expectRefusal, postJson, raw, startSecServer, unchanged, type SecServer } from './support/attack';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, secret = JWT_SECRET): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const alg = header.alg === 'HS512' ? 'sha512' : 'sha256';
  const signature = header.alg === 'none' ? '' : createHmac(alg, secret).update(input).digest('base64url');
  return `${input}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);

describe.each(targets())('forged tokens on $name', (on) => {
  let s: SecServer;
  let d: Demo;
  let coordinatorToken: string;
  let volunteerToken: string;
  const claims = (sub: string, extra: Record<string, unknown> = {}) => ({
    sub: sub.replace('mem_', ''),
    iss: 'huzhu',
    iat: now() - 60,
    exp: now() + 3600,
    ...extra,
  });
  const HS256 = { alg: 'HS256', typ: 'JWT' };
  const addMember = () => ({
    query: 'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
    variables: { input: { siteId: d.siteId, name: '冒名者', phone: '13712340000', roles: ['COORDINATOR'] } },
  });

  beforeAll(async () => {
    s = await startSecServer(on);
    d = await demo(s as unknown as TestServer);
    coordinatorToken = (await s.as(PHONES.coordinator)).token!;
    volunteerToken = (await s.as(PHONES.volunteer)).token!;
  });
  afterAll(() => s?.close());

  it('accepts a token crafted the same way with the right secret (the control)', async () => {
    const token = jwt(HS256, claims(d.ids.coordinator));
    const a = await postJson(s.url, { query: '{ viewer { id } }' }, token);
    expect(a.status).toBe(200);
    expect(a.json?.data).toEqual({ viewer: { id: d.ids.coordinator } });
  });

  const forgeries: [string, () => string][] = [
    [
      "a volunteer's real token with the payload rewritten to name the coordinator",
      () => {
        const [header, payload, signature] = volunteerToken.split('.') as [string, string, string];
        const real = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
        return `${header}.${b64({ ...real, sub: d.ids.coordinator.replace('mem_', '') })}.${signature}`;
      },
    ],
    [
      'a real token with one character of its signature changed',
      () => {
        const last = coordinatorToken.at(-2) === 'A' ? 'B' : 'A';
        return `${coordinatorToken.slice(0, -2)}${last}${coordinatorToken.slice(-1)}`;
      },
    ],
    [
      'an expired token (exp a minute ago), correctly signed',
      () => jwt(HS256, claims(d.ids.coordinator, { exp: now() - 60 })),
    ],
    ['alg: none with no signature', () => jwt({ alg: 'none', typ: 'JWT' }, claims(d.ids.coordinator))],
    [
      'alg: none with the signature of a real token',
      () => `${jwt({ alg: 'none' }, claims(d.ids.coordinator))}${coordinatorToken.split('.')[2]}`,
    ],
    [
      'HS512 with the right secret (only HS256 is accepted)',
      () => jwt({ alg: 'HS512', typ: 'JWT' }, claims(d.ids.coordinator)),
    ],
    [
      'HS256 with another secret',
      () => jwt(HS256, claims(d.ids.coordinator), 'not-the-server-secret-0123456789abcdef'),
    ],
    ['another issuer', () => jwt(HS256, claims(d.ids.coordinator, { iss: 'evil' }))],
    ['a member id that does not exist', () => jwt(HS256, claims('mem_999999'))],
    [
      'a token without exp, correctly signed',
      () => {
        const { exp: _exp, ...rest } = claims(d.ids.coordinator);
        return jwt(HS256, rest);
      },
    ],
    [
      'a token without iat, correctly signed',
      () => {
        const { iat: _iat, ...rest } = claims(d.ids.coordinator);
        return jwt(HS256, rest);
      },
    ],
    [
      'a token living 31 days (over the 30-day cap), correctly signed',
      () => jwt(HS256, claims(d.ids.coordinator, { exp: now() + 31 * 24 * 3600 - 60 })),
    ],
    ...['0', '+', ' ', '1e0*'].map((prefix): [string, () => string] => [
      `sub "${prefix}<id>" (not a plain decimal id), correctly signed`,
      () => {
        const id = d.ids.coordinator.replace('mem_', '');
        const sub = prefix === '1e0*' ? `${id}e0` : `${prefix}${id}`;
        return jwt(HS256, { ...claims(d.ids.coordinator), sub });
      },
    ]),
    ['not a JWT at all', () => "' or 1=1 --"],
  ];

  it.each(forgeries)('refuses %s with 401 on /graphql, writing nothing', async (_what, forge) => {
    const token = forge();
    const r = await unchanged(s.handle, async () =>
      expectRefusal(await postJson(s.url, addMember(), token, { 'accept-language': 'en' }), ['UNAUTHENTICATED'], [401]),
    );
    expect(r.message).toMatch(/log-in has expired|log in again/i);
  });

  it.each(forgeries)('refuses %s with 401 on the certificate and the CSV exports', async (_what, forge) => {
    const token = forge();
    const paths = [
      `/certificate/${d.ids.volunteer}`,
      `/export/${d.siteId}/${monthIn()}/service.csv`,
      `/export/${d.siteId}/${monthIn()}/ledger.csv`,
    ];
    for (const path of paths) {
      const a = await raw(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(a.status, path).toBe(401);
      expect(a.contentType, path).toMatch(/^application\/json/);
      expect(a.json, path).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(a.text, path).not.toMatch(/志愿服务记录|分钟 Minutes|<html/);
    }
  });
});
