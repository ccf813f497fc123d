// The production start exactly as docs/deploy.md documents it: the built bundle under plain Node,
// NODE_ENV=production, on PostgreSQL. Every user error a villager can cause comes back as that
// error (never a 5xx), a committed donation comes back with its data, and the production-only
// protections hold. The rest of the API and security suites run in production mode in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, PHONES, idemKey, login } from './support/harness';
import { freshDatabase, realPostgresAvailable, type FreshDb } from '../faults/support/fresh-db';
import { freePort } from '../faults/support/own-postgres';
import { buildServerBundle, spawnServer, waitForHealth, type ServerProcess } from '../faults/support/server-process';

const ADMIN = { phone: '13900000099', password: 'county-admin-2026' };

describe.runIf(realPostgresAvailable())('the production start (bundle, NODE_ENV=production, PostgreSQL)', () => {
  let db: FreshDb;
  let server: ServerProcess;
  let anon: Client;

  beforeAll(async () => {
    await buildServerBundle();
    db = await freshDatabase();
    server = await spawnServer({
      databaseUrl: db.url,
      port: await freePort(),
      bundle: true,
      env: { NODE_ENV: 'production', ADMIN_PHONE: ADMIN.phone, ADMIN_PASSWORD: ADMIN.password },
    });
    await waitForHealth(server, 200, 120_000);
    anon = new Client(server.url);
  });

  afterAll(async () => {
    await server?.kill();
    await db?.close();
  });

  it('answers each user error with its code and a 4xx or 200, never a 5xx', async () => {
    const volunteer = anon.as(await login(server.url, PHONES.volunteer));
    const elder = anon.as(await login(server.url, PHONES.elder));
    const receiver = await elder.ok<{ viewer: { id: string } }>('{ viewer { id } }');
    const donate = `mutation ($to: ID!, $m: Int!, $k: String!) {
      donateMinutes(toMemberId: $to, minutes: $m, idempotencyKey: $k) { id amount } }`;

    const answers = {
      wrongPassword: await anon.request('mutation { login(phone: "13900000001", password: "not-the-one") { token } }'),
      badToken: await anon.as('not.a.token').request('{ viewer { id } }'),
      forbidden: await volunteer.request('{ members(siteId: "site_1", first: 5) { totalCount } }'),
      badInput: await volunteer.request(donate, { to: receiver.viewer.id, m: -5, k: idemKey() }),
      insufficient: await volunteer.request(donate, { to: receiver.viewer.id, m: 100_000, k: idemKey() }),
      introspection: await anon.request('{ __schema { types { name } } }'),
    };
    const seen = Object.fromEntries(
      Object.entries(answers).map(([what, r]) => [what, { status: r.status, code: r.errors?.[0]?.extensions?.code }]),
    );
    expect(seen).toEqual({
      wrongPassword: { status: 200, code: expect.stringMatching(/^(UNAUTHENTICATED|BAD_USER_INPUT)$/) },
      badToken: { status: 401, code: 'UNAUTHENTICATED' },
      forbidden: { status: 200, code: 'FORBIDDEN' },
      badInput: { status: 200, code: 'BAD_USER_INPUT' },
      insufficient: { status: 200, code: 'INSUFFICIENT_BALANCE' },
      introspection: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    // Chinese by default: the villager reads the message.
    expect(answers.insufficient.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);

    // A donation that commits is answered with what was written.
    const given = await volunteer.request<{ donateMinutes: { id: string; amount: number } }>(donate, {
      to: receiver.viewer.id,
      m: 15,
      k: idemKey(),
    });
    expect(given.status).toBe(200);
    expect(given.errors).toBeUndefined();
    expect(given.data?.donateMinutes).toMatchObject({ id: expect.stringMatching(/^tr_/), amount: 15 });
  });

  it('hides suggestions and GraphiQL, logs no stack trace, and takes the admin from the environment', async () => {
    const typo = await anon.request('{ needz }');
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean|needs/);
    expect((await fetch(`${server.url}/graphiql`, { headers: { accept: 'text/html' } })).status).toBe(404);

    expect(await login(server.url, ADMIN.phone, ADMIN.password)).toEqual(expect.any(String));
    // The demo village's password is not the county admin's.
    const demoAdmin = await anon.request(
      'mutation ($p: String!) { login(phone: "13900000099", password: $p) { token } }',
      {
        p: PASSWORD,
      },
    );
    expect(demoAdmin.status).toBeLessThan(500);
    expect(demoAdmin.errors?.[0]?.extensions?.code).toMatch(/^(UNAUTHENTICATED|BAD_USER_INPUT)$/);

    expect(server.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
