// No blank page offline: the last answer to each query is kept per user, served when the server
// cannot be reached, noted as old (or as missing) for the shell, and replaced once the link is back.
import { describe, expect, it } from 'vitest';
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { QueryStore, type KeyedStorage } from './query-store';
import { offlineQueries } from './offline-exchange';

function memoryStorage(limitChars = Infinity): KeyedStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const used = () => [...data.values()].reduce((n, v) => n + v.length, 0);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (data.get(k)?.length ?? 0) + v.length > limitChars) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

describe('QueryStore', () => {
  it("keeps one user's answers and never gives them to another", () => {
    const storage = memoryStorage();
    const store = new QueryStore({ storage, now: () => 1000 });
    store.put('mem_1', 'q1', { visits: [1, 2] });
    expect(store.get('mem_1', 'q1')).toEqual({ at: 1000, data: { visits: [1, 2] } });
    expect(store.get('mem_2', 'q1')).toBeUndefined();
    // The next user's first answer wipes the last user's.
    store.put('mem_2', 'q2', { x: 1 });
    expect(store.get('mem_1', 'q1')).toBeUndefined();
    expect([...storage.data.keys()].some((k) => k.endsWith('.q1'))).toBe(false);
    store.clear();
    expect(store.get('mem_2', 'q2')).toBeUndefined();
    expect(storage.data.size).toBe(0);
  });

  it('keeps the newest answers within its bounds and survives a full or corrupt storage', () => {
    const storage = memoryStorage(1_200);
    let now = 0;
    const store = new QueryStore({ storage, maxEntries: 3, maxEntryChars: 500, now: () => ++now });
    for (const k of ['a', 'b', 'c', 'd']) store.put('m', k, { k });
    expect(['a', 'b', 'c', 'd'].map((k) => store.get('m', k)?.data)).toEqual([
      undefined,
      { k: 'b' },
      { k: 'c' },
      { k: 'd' },
    ]);
    // Too big to keep: left out, the others stay.
    store.put('m', 'huge', { s: 'x'.repeat(600) });
    expect(store.get('m', 'huge')).toBeUndefined();
    expect(store.get('m', 'd')).toBeDefined();
    // The storage fills up: the oldest answers make room for the newest.
    for (const k of ['e', 'f', 'g']) store.put('m', k, { s: 'y'.repeat(400) });
    expect(['e', 'f', 'g'].map((k) => store.get('m', k) !== undefined)).toEqual([false, true, true]);
    expect(store.get('m', 'g')?.data).toEqual({ s: 'y'.repeat(400) });
    storage.setItem('huzhu.answers', '{broken');
    expect(store.get('m', 'g')).toBeUndefined();
    store.put('m', 'h', { ok: true });
    expect(store.get('m', 'h')?.data).toEqual({ ok: true });
  });
});

const VisitsQuery = gql`
  query Visits($month: String!) {
    visits(month: $month) {
      id
      name
    }
  }
`;

/** A server that answers while `online.value` is true; otherwise fetch() fails like a dead link. */
function fakeServer() {
  const state = { online: true, calls: 0, answer: [{ __typename: 'Visit', id: 'visit_1', name: '赵玉梅' }] };
  const fetch = (async () => {
    state.calls += 1;
    if (!state.online) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ data: { visits: state.answer } }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

function setUp(owner: () => string | null = () => 'mem_1') {
  const storage = memoryStorage();
  const store = new QueryStore({ storage });
  const offline = offlineQueries(store, owner);
  const server = fakeServer();
  // A fresh client, as after a reload: nothing in urql's own memory cache.
  const newClient = () =>
    new Client({
      url: 'http://test.local/graphql',
      fetch: server.fetch,
      exchanges: [cacheExchange, offline.exchange, fetchExchange],
    });
  return { storage, offline, server, newClient };
}

const visitsOf = (client: Client, month = '2026-05') =>
  client.query(VisitsQuery, { month }, { requestPolicy: 'network-only' }).toPromise();

describe('offlineQueries', () => {
  it('shows the last answer, noted as old, when the server cannot be reached', async () => {
    const { offline, server, newClient } = setUp();
    const online = await visitsOf(newClient());
    expect(online.data?.visits).toHaveLength(1);
    expect(offline.view.value).toEqual({ staleSince: null, missing: 0 });

    server.state.online = false;
    offline.newPage();
    const offlineResult = await visitsOf(newClient());
    expect(offlineResult.error).toBeUndefined();
    expect(offlineResult.data).toEqual(online.data);
    expect(offline.view.value.staleSince).toEqual(expect.any(Number));
    expect(offline.view.value.missing).toBe(0);
  });

  it('lets a query never answered fail as before, and counts it as missing for this page only', async () => {
    const { offline, server, newClient } = setUp();
    server.state.online = false;
    const result = await visitsOf(newClient(), '2026-01');
    expect(result.error?.networkError).toBeDefined();
    expect(offline.view.value).toEqual({ staleSince: null, missing: 1 });
    offline.newPage();
    expect(offline.view.value).toEqual({ staleSince: null, missing: 0 });
  });

  it('clears the notice when a fresh answer comes, and asks a watched query again on refresh', async () => {
    const { offline, server, newClient } = setUp();
    const client = newClient();
    await visitsOf(client);
    server.state.online = false;
    offline.newPage();
    // A page that watches the query (as useQuery does) while the link is down.
    const seen: unknown[] = [];
    const watched = client
      .query(VisitsQuery, { month: '2026-05' }, { requestPolicy: 'network-only' })
      .subscribe((r) => seen.push(r.data));
    await new Promise((r) => setTimeout(r, 10));
    expect(offline.view.value.staleSince).not.toBeNull();

    server.state.online = true;
    server.state.answer = [...server.state.answer, { __typename: 'Visit', id: 'visit_2', name: '周桂香' }];
    offline.refresh();
    await new Promise((r) => setTimeout(r, 10));
    expect(offline.view.value).toEqual({ staleSince: null, missing: 0 });
    expect(seen.at(-1)).toEqual({ visits: server.state.answer });
    watched.unsubscribe();
  });

  it('keeps nothing when nobody is logged in', async () => {
    const { storage, newClient } = setUp(() => null);
    expect((await visitsOf(newClient())).data?.visits).toHaveLength(1);
    expect(storage.data.size).toBe(0);
  });
});
