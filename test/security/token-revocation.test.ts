// A password change ends every token issued before it, on this server and on a second one sharing
// the database (PostgreSQL), as soon as the change's announcement reaches each, even a token from
// the same second; the new password and the token the change returns work. ADMIN_PASSWORD is the
// truth at start: a server restarted with a rotated one refuses the old password and the admin's
// old tokens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDb, type TestDb } from '@huzhu/db/testing';
import { startServer, type RunningServer } from '@huzhu/server/start';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, targets, JWT_SECRET, login, PASSWORD, PHONES } from '../api/support/harness';
import { postJson, startSecServer, type SecServer } from './support/attack';

const CHANGE =
  'mutation ($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token member { id } } }';
const LOGIN = 'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }';

async function viewerStatus(url: string, token: string): Promise<string> {
  const a = await postJson(url, { query: '{ viewer { id } }' }, token);
  return `${a.status} ${String(a.json?.errors?.[0]?.extensions?.code ?? 'OK')}`;
}

async function loginCode(url: string, phone: string, password: string): Promise<string> {
  const a = await postJson(url, { query: LOGIN, variables: { p: phone, w: password } });
  return String(a.json?.errors?.[0]?.extensions?.code ?? 'OK');
}

describe.each(targets())('changePassword on $name', (on) => {
  let s: SecServer;
  let second: RunningServer | undefined;
  beforeAll(async () => {
    s = await startSecServer(on);
    if (on.engine === 'postgres') {
      second = await startServer({
        port: 0,
        host: '127.0.0.1',
        databaseUrl: s.running.config.databaseUrl!,
        env: { JWT_SECRET },
        demoData: false,
        quiet: true,
      });
    }
  });
  afterAll(async () => {
    await second?.close();
    await s?.close();
  });

  it('ends the old tokens everywhere; the new token and the new password work', async () => {
    const urls = [s.url, ...(second ? [second.url] : [])];
    const older = await login(s.url, PHONES.volunteer);
    const old = await login(s.url, PHONES.volunteer);
    // Every server has served (and so keeps) the member behind the old tokens.
    for (const url of urls) expect(await viewerStatus(url, old), url).toBe('200 OK');

    const changed = await new Client(s.url, old).ok<{ changePassword: { token: string } }>(CHANGE, {
      o: PASSWORD,
      n: 'a-new-password-2026',
    });
    const fresh = changed.changePassword.token;
    // Each process forgets the member when the database's announcement of the change reaches it
    // (member-cache.ts): the change's answer can arrive first, by a few milliseconds on a loaded
    // machine. Within a second, not the cache's minute, every process refuses the old tokens.
    for (const url of urls) {
      await expect.poll(() => viewerStatus(url, old), { timeout: 1_000, interval: 20 }).toBe('401 UNAUTHENTICATED');
      expect(await viewerStatus(url, older), url).toBe('401 UNAUTHENTICATED');
      expect(await viewerStatus(url, fresh), url).toBe('200 OK');
    }
    // Logging in at once, likely in the same second as the change, gives a token that works.
    expect(await loginCode(s.url, PHONES.volunteer, PASSWORD)).toBe('UNAUTHENTICATED');
    const relogged = await login(urls.at(-1)!, PHONES.volunteer, 'a-new-password-2026');
    for (const url of urls) expect(await viewerStatus(url, relogged), url).toBe('200 OK');
  });

  it('refuses a wrong old password or a short new one, changing nothing', async () => {
    const token = await login(s.url, PHONES.volunteer2);
    const client = new Client(s.url, token, 'en');
    const wrong = await client.fails(CHANGE, { o: 'not-the-password', n: 'another-password-1' });
    expect([wrong.extensions?.code, wrong.extensions?.field]).toEqual(['BAD_USER_INPUT', 'oldPassword']);
    const short = await client.fails(CHANGE, { o: PASSWORD, n: 'short' });
    expect([short.extensions?.code, short.extensions?.field]).toEqual(['BAD_USER_INPUT', 'newPassword']);
    expect(await viewerStatus(s.url, token)).toBe('200 OK');
    expect(await loginCode(s.url, PHONES.volunteer2, PASSWORD)).toBe('OK');
    // Without a log-in there is nothing to change.
    expect((await s.client.fails(CHANGE, { o: PASSWORD, n: 'another-password-1' })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe.each(targets())('ADMIN_PASSWORD rotated across a restart on $name', (on) => {
  let dir: string;
  let testDb: TestDb | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huzhu-admin-'));
    if (on.engine === 'postgres') testDb = await openTestDb('postgres', { poolSize: 1 });
  });
  afterAll(async () => {
    await testDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (password: string) =>
    startServer({
      port: 0,
      host: '127.0.0.1',
      quiet: true,
      demoData: false,
      env: { JWT_SECRET, ADMIN_PHONE: '13912340000', ADMIN_PASSWORD: password },
      ...(testDb ? { databaseUrl: testDb.url } : { dataDir: dir }),
    });

  it('refuses the old password and the tokens issued under it; the new one works', async () => {
    let server = await start('admin-password-A');
    let oldToken: string;
    try {
      oldToken = await login(server.url, '13912340000', 'admin-password-A');
      expect(await viewerStatus(server.url, oldToken)).toBe('200 OK');
    } finally {
      await server.close();
    }
    server = await start('admin-password-B');
    try {
      expect(await loginCode(server.url, '13912340000', 'admin-password-A')).toBe('UNAUTHENTICATED');
      const newToken = await login(server.url, '13912340000', 'admin-password-B');
      expect(await viewerStatus(server.url, oldToken)).toBe('401 UNAUTHENTICATED');
      expect(await viewerStatus(server.url, newToken)).toBe('200 OK');
      await server.close();
      // Started again with the same password, nothing changes: the token stays good.
      server = await start('admin-password-B');
      expect(await viewerStatus(server.url, newToken)).toBe('200 OK');
    } finally {
      await server.close();
    }
  });
});
