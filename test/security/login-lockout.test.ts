// Password guessing over HTTP. 100 wrong passwords in a row for one phone: three free tries, then
// each try is slowed (500 ms more each time), then after ten failures the phone is locked for 15
// minutes with TOO_MANY_REQUESTS and a message saying so, even for the right password. 100 wrong
// passwords sent all at once meet the same limits (they may not slip past together). Many phones
// from one address lock the address. Nothing is written. The slow-down makes this file the slow
// one (about 15 s): both engines run at the same time, each on a server of its own.
import { describe, expect, it } from 'vitest';
import { targets, PASSWORD, PHONES } from '../api/support/harness';
import { postJson, startSecServer, unchanged, type SecServer } from './support/attack';

const LOGIN = 'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }';

interface Try {
  code: string | undefined;
  message: string;
  retryAfterSeconds: unknown;
  ms: number;
  status: number;
}

async function tryLogin(s: SecServer, phone: string, password: string, lang = 'en'): Promise<Try> {
  const start = performance.now();
  const a = await postJson(s.url, { query: LOGIN, variables: { p: phone, w: password } }, undefined, {
    'accept-language': lang,
  });
  const ms = performance.now() - start;
  const e = a.json?.errors?.[0];
  expect(a.contentType).toMatch(/json/);
  expect(a.status, a.text).toBeLessThan(500);
  return {
    code: e?.extensions?.code as string | undefined,
    message: e?.message ?? '',
    retryAfterSeconds: e?.extensions?.retryAfterSeconds,
    ms,
    status: a.status,
  };
}

const codes = (tries: Try[]) => tries.map((t) => t.code);

async function inARow(s: SecServer) {
  const phone = PHONES.volunteer2;
  const tries: Try[] = [];
  for (let i = 0; i < 100; i++) tries.push(await tryLogin(s, phone, `wrong-password-${i}`));
  expect(codes(tries.slice(0, 10))).toEqual(Array(10).fill('UNAUTHENTICATED'));
  expect(codes(tries.slice(10))).toEqual(Array(90).fill('TOO_MANY_REQUESTS'));
  // Tries 4 to 10 each waited at least their delay (a lower bound: a timer never fires early).
  for (let i = 3; i < 10; i++) expect(tries[i]!.ms, `try ${i + 1}`).toBeGreaterThanOrEqual((i - 2) * 500 - 5);
  const locked = tries[99]!;
  expect(locked.message).toMatch(/Too many wrong passwords: try again in 15 minutes/);
  expect(locked.retryAfterSeconds).toEqual(expect.any(Number));
  expect(locked.retryAfterSeconds as number).toBeGreaterThan(800);
  // In Chinese too, and the right password does not open a locked phone.
  const zh = await tryLogin(s, phone, PASSWORD, 'zh');
  expect(zh.code).toBe('TOO_MANY_REQUESTS');
  expect(zh.message).toMatch(/密码错误次数太多，请15分钟后再试/);
}

async function allAtOnce(s: SecServer) {
  const tries = await Promise.all(
    Array.from({ length: 100 }, (_, i) => tryLogin(s, PHONES.volunteer3, `wrong-password-${i}`)),
  );
  const guessed = tries.filter((t) => t.code === 'UNAUTHENTICATED').length;
  expect(guessed, 'password checks reached').toBeLessThanOrEqual(10);
  expect(tries.filter((t) => t.code === 'TOO_MANY_REQUESTS').length).toBe(100 - guessed);
  expect((await tryLogin(s, PHONES.volunteer3, PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
}

describe('password guessing', () => {
  it.concurrent.each(targets())('on $name: slows, then locks, one phone at a time and all at once', async (on) => {
    const s = await startSecServer(on);
    try {
      await unchanged(s.handle, async () => {
        await Promise.all([inARow(s), allAtOnce(s)]);
        // The locked phones do not lock anyone else at the same address.
        expect((await tryLogin(s, PHONES.coordinator, PASSWORD)).code).toBeUndefined();
        // Twenty failures so far from this address; thirty more, one per phone, make the fifty that
        // lock the address: now even a right password from here is refused.
        const strangers = Array.from({ length: 30 }, (_, i) => `1371111${String(i).padStart(4, '0')}`);
        await Promise.all(strangers.map((phone) => tryLogin(s, phone, 'wrong-password')));
        const blocked = await tryLogin(s, PHONES.clerk, PASSWORD);
        expect(blocked.code).toBe('TOO_MANY_REQUESTS');
      });
    } finally {
      await s.close();
    }
  });
});
