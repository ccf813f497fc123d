// No phone, password, password hash or token in the server's logs. The server runs as a child
// process (tsx server/src/main.ts, as an operator runs it) with everything it prints captured. It
// starts with DEMO_DATA=false, so the startup banner (which prints the demo village's log-ins with
// full phones, on purpose, for the newcomer) is not printed; the platform admin comes from
// ADMIN_PHONE/ADMIN_PASSWORD and the village is built through the API. Then a full scenario runs,
// failures included (wrong passwords up to a slow-down, forged tokens, bad input, conflicts, an
// oversized body, malformed JSON), the server is stopped with SIGTERM, and its output is searched.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDb, type TestDb } from '@huzhu/db/testing';
import { describe, expect, it } from 'vitest';
import { Client, idemKey, login, monthIn, targets, type Target } from '../api/support/harness';
import { claimUpTo, CONFIRM, postNeed, redeem } from '../api/support/ops';
import { spawnServer } from '../faults/support/server-process';
import { postJson, raw } from './support/attack';

const ADMIN = { phone: '13900000000', password: 'admin-password-2026' };
const PEOPLE = [
  { key: 'coordinator', phone: '13900000001', roles: ['COORDINATOR'] },
  { key: 'clerk', phone: '13900000002', roles: ['CLERK'] },
  { key: 'volunteer', phone: '13900000003', roles: ['VOLUNTEER'] },
  { key: 'volunteer2', phone: '13900000004', roles: ['VOLUNTEER'] },
  { key: 'elder', phone: '13900000007', roles: ['ELDER'] },
] as const;
const passwordOf = (phone: string) => `secret-${phone.slice(-4)}-pw`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the village and runs its month through the API; returns every token it was given. */
async function scenario(url: string): Promise<string[]> {
  const tokens: string[] = [];
  const as = async (phone: string, password = passwordOf(phone)) => {
    const token = await login(url, phone, password);
    tokens.push(token);
    return new Client(url, token);
  };
  const admin = await as(ADMIN.phone, ADMIN.password);
  const siteId = (
    await admin.ok<{ createSite: { id: string } }>(
      'mutation { createSite(input: { name: "日志村", region: "平江县/伍市镇/日志村", pointsPerHour: 60 }) { id } }',
    )
  ).createSite.id;
  const ids: Record<string, string> = {};
  const add = 'mutation ($i: AddMemberInput!) { addMember(input: $i) { id } }';
  for (const p of PEOPLE) {
    const input = {
      siteId,
      name: `成员${p.key}`,
      phone: p.phone,
      password: passwordOf(p.phone),
      roles: p.roles,
      address: '日志村3组',
    };
    ids[p.key] = (await admin.ok<{ addMember: { id: string } }>(add, { i: input })).addMember.id;
  }
  const [coordinator, clerk, volunteer, volunteer2, elder] = await Promise.all(PEOPLE.map((p) => as(p.phone)));

  // The month: service confirmed, rejected, a no-show; goods redeemed and returned; a gift and its reversal; a visit.
  const need = await postNeed(coordinator!, { siteId, beneficiaryId: ids.elder!, slots: 3 });
  const done = await claimUpTo(volunteer!, need.id, 'REPORTED', 90);
  await coordinator!.ok(CONFIRM, { id: done.id, key: idemKey('log') });
  const rejected = await claimUpTo(volunteer2!, need.id, 'REPORTED', 30);
  await coordinator!.ok('mutation ($id: ID!) { rejectService(claimId: $id, reason: "没见到人") { id } }', {
    id: rejected.id,
  });
  const need2 = await postNeed(coordinator!, { siteId, beneficiaryId: ids.elder! });
  const late = await claimUpTo(volunteer2!, need2.id, 'CLAIMED');
  await coordinator!.ok('mutation ($id: ID!) { markNoShow(claimId: $id) { id } }', { id: late.id });
  const product = (
    await clerk!.ok<{ addProduct: { id: string } }>(
      'mutation ($s: ID!) { addProduct(input: { siteId: $s, name: "毛巾", pointsPrice: 10, stock: 5 }) { id } }',
      { s: siteId },
    )
  ).addProduct.id;
  await clerk!.ok('mutation ($id: ID!) { restockProduct(productId: $id, quantity: 5) { id } }', { id: product });
  const r = await redeem(clerk!, ids.volunteer!, [{ productId: product, quantity: 2 }]);
  await clerk!.ok('mutation ($id: ID!) { cancelRedemption(id: $id, reason: "退货") { id } }', { id: r.id });
  const gift = await volunteer!.ok<{ donateMinutes: { id: string } }>(
    'mutation ($to: ID!, $k: String!) { donateMinutes(toMemberId: $to, minutes: 30, note: "给妈妈", idempotencyKey: $k) { id } }',
    { to: ids.elder, k: idemKey('log') },
  );
  await coordinator!.ok(
    'mutation ($id: ID!, $k: String!) { reverseTransfer(id: $id, reason: "记错了", idempotencyKey: $k) { id } }',
    { id: gift.donateMinutes.id, k: idemKey('log') },
  );
  await volunteer!.ok('mutation ($i: RecordVisitInput!) { recordVisit(input: $i) { id } }', {
    i: { elderId: ids.elder, visitedAt: new Date(Date.now() - 60_000).toISOString(), note: '身体还好' },
  });
  await elder!.ok('{ viewer { phone balance { minutes } } }');
  await coordinator!.ok('query ($s: ID!) { members(siteId: $s, search: "13900000003") { edges { node { phone } } } }', {
    s: siteId,
  });
  const auth = { authorization: `Bearer ${coordinator!.token}` };
  for (const path of [
    `/certificate/${ids.volunteer}`,
    `/export/${siteId}/${monthIn()}/service.csv`,
    `/export/${siteId}/${monthIn()}/ledger.csv`,
  ]) {
    expect((await raw(`${url}${path}`, { headers: auth })).status).toBe(200);
  }

  // Failures, each of which a careless server would log with its input.
  for (let i = 0; i < 4; i++)
    await postJson(url, {
      query: 'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
      variables: { p: '13900000004', w: `wrong-${passwordOf('13900000004')}` },
    });
  await postJson(url, { query: 'mutation { login(phone: "13900000009", password: "no-such-member") { token } }' });
  await postJson(url, { query: '{ viewer { id } }' }, `${tokens[1]!.slice(0, -3)}abc`);
  await postJson(
    url,
    { query: add, variables: { i: { siteId, name: '重复', phone: '13900000003', roles: ['VOLUNTEER'] } } },
    admin.token,
  );
  await postJson(
    url,
    { query: add, variables: { i: { siteId, name: '坏号', phone: '1390000000x', roles: ['VOLUNTEER'] } } },
    admin.token,
  );
  await postJson(url, `{"query": "{ viewer { phone } }", "variables": {"p": "13900000001"`, coordinator!.token);
  await postJson(
    url,
    { query: '{ viewer { id } }', variables: { pad: '13900000001'.repeat(20_000) } },
    coordinator!.token,
  );
  await raw(`${url}/certificate/${ids.volunteer}`, { headers: { authorization: `Bearer ${tokens[2]}x` } });
  return tokens;
}

describe('the server logs', () => {
  // Each target's server is a process of its own: both run at once.
  it.concurrent.each(targets())('on $name carry no phone, password, hash or token', async (on: Target) => {
    let testDb: TestDb | undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'huzhu-logs-'));
    try {
      if (on.engine === 'postgres') testDb = await openTestDb('postgres', { poolSize: 1 });
      const server = await spawnServer({
        databaseUrl: testDb?.url ?? '',
        port: await freePort(),
        env: {
          DEMO_DATA: 'false',
          ADMIN_PHONE: ADMIN.phone,
          ADMIN_PASSWORD: ADMIN.password,
          DATA_DIR: dataDir,
          ...(on.mode === 'production' ? { NODE_ENV: 'production' } : {}),
        },
      });
      let tokens: string[];
      try {
        tokens = await scenario(server.url);
        server.signal('SIGTERM');
        await server.exited;
      } finally {
        await server.kill();
      }
      const output = server.output();
      // The capture works: the server's own lines are there.
      expect(output).toMatch(/GraphQL at http:\/\/127\.0\.0\.1:\d+\/graphql/);
      expect(output).toMatch(/SIGTERM/);
      const secrets = [
        ADMIN.phone,
        ADMIN.password,
        '13900000009',
        '1390000000x',
        ...PEOPLE.flatMap((p) => [p.phone, passwordOf(p.phone)]),
        ...tokens,
        // A token's signature alone would do to forge nothing, but it has no business in a log either.
        ...tokens.map((t) => t.split('.')[2]!),
      ];
      for (const secret of secrets) expect(output, `the logs contain ${secret}`).not.toContain(secret);
      expect(output).not.toMatch(/scrypt\$|\$2[aby]\$|Bearer /);
      expect(output).not.toMatch(/1[3-9]\d{9}/);
    } finally {
      await testDb?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
