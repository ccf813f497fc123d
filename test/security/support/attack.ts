// The security suite's support: a server on each target (harness.ts: engine and mode), raw HTTP
// for requests no well-behaved client would send, and the "database unchanged" check every attack
// ends with: a row count and a content fingerprint of every public table, and the ledger invariants.
import { checkInvariants, rowsOf, type DbHandle } from '@huzhu/db';
import { openTestDb, type TestDb } from '@huzhu/db/testing';
import { startServer, type RunningServer, type StartOptions } from '@huzhu/server/start';
import { expect } from 'vitest';
import {
  Client,
  JWT_SECRET,
  LIMITER_SQL,
  login,
  targetOf,
  type EngineName,
  type Mode,
  type Target,
} from '../../api/support/harness';

export interface SecServer {
  engine: EngineName;
  mode: Mode;
  url: string;
  running: RunningServer;
  handle: DbHandle;
  /** An anonymous client; .as(token) for a logged-in one. */
  client: Client;
  /** Logs in (cached per phone) and returns a client acting as that member. */
  as(phone: string): Promise<Client>;
  /** SQL statements the server ran since the last reset: a refusal before execution runs none. */
  statements: string[];
  close(): Promise<void>;
}

/**
 * A server with the demo village on a target (an engine alone: development mode); `env` as the
 * process would read it (limits...; an explicit NODE_ENV wins over the target's mode).
 */
export async function startSecServer(
  on: Target | EngineName,
  extraEnv: Record<string, string> = {},
  overrides: Partial<StartOptions> = {},
): Promise<SecServer> {
  const { engine, mode: targetMode } = targetOf(on);
  const env = { ...(targetMode === 'production' ? { NODE_ENV: 'production' } : {}), ...extraEnv };
  const mode: Mode = env.NODE_ENV === 'production' ? 'production' : 'development';
  const statements: string[] = [];
  let testDb: TestDb | undefined;
  const common = {
    port: 0,
    host: '127.0.0.1',
    demoData: true,
    quiet: true,
    onQuery: (sql: string) => void (LIMITER_SQL.test(sql) || statements.push(sql)),
    ...overrides,
  } as const;
  let running: RunningServer;
  if (engine === 'postgres') {
    testDb = await openTestDb('postgres', { poolSize: 1 });
    running = await startServer({ ...common, databaseUrl: testDb.url, env: { JWT_SECRET, ...env } });
  } else {
    running = await startServer({ ...common, memory: true, env: { JWT_SECRET, ...env } });
  }
  const client = new Client(running.url);
  const tokens = new Map<string, Promise<string>>();
  return {
    engine,
    mode,
    url: running.url,
    running,
    handle: running.handle,
    client,
    statements,
    async as(phone) {
      let token = tokens.get(phone);
      if (!token) tokens.set(phone, (token = login(running.url, phone)));
      return client.as(await token);
    },
    async close() {
      await running.close();
      await testDb?.close();
    },
  };
}

// ---- raw HTTP ----

export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The JSON body, or undefined when it was not JSON. */
  json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
}

export async function raw(url: string, init: RequestInit = {}): Promise<RawAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: RawAnswer['json'];
  try {
    json = JSON.parse(text) as RawAnswer['json'];
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

/** POSTs a GraphQL body (any JSON value) with JSON headers, as `token` when given. */
export function postJson(url: string, body: unknown, token?: string, headers: Record<string, string> = {}) {
  return raw(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const STACK = /\bat .+\.(ts|js):\d+|node_modules|\/work\/|stacktrace/i;

/**
 * The documented refusal: a 4xx (or, for a well-formed request refused by a resolver, Apollo's
 * 200 with `errors` and no data), a JSON body in GraphQL's error shape, one of `codes`, no HTML
 * and no stack trace. Returns the first error's code and message.
 */
export function expectRefusal(a: RawAnswer, codes: string[], statuses: number[] = [400]) {
  expect(a.contentType, a.text.slice(0, 200)).toMatch(/^application\/(graphql-response\+)?json/);
  expect(statuses, `HTTP ${a.status}: ${a.text.slice(0, 300)}`).toContain(a.status);
  expect(a.json?.errors?.length, a.text.slice(0, 300)).toBeGreaterThan(0);
  const first = a.json!.errors![0]!;
  expect(codes, `${first.message} (${String(first.extensions?.code)})`).toContain(first.extensions?.code);
  expect(a.json?.data ?? null).toBeNull();
  expect(a.text).not.toMatch(STACK);
  expect(a.text).not.toMatch(/<html|<!doctype/i);
  return { code: String(first.extensions?.code), message: first.message, extensions: first.extensions ?? {} };
}

// ---- "the database is unchanged" ----

export interface DbState {
  /** Per public table: its row count and an md5 of its rows, so an UPDATE shows as well as an INSERT. */
  tables: Record<string, string>;
  /** Names of the ledger invariants that fail (none, always). */
  broken: string[];
}

const tableNames = new WeakMap<DbHandle, Promise<string[]>>();

async function publicTables(handle: DbHandle): Promise<string[]> {
  let names = tableNames.get(handle);
  if (!names) {
    // rate_limits is the limiters' bookkeeping: every request and failed log-in counts there.
    const sql = `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limits' order by 1`;
    names = handle.db.execute(sql).then((r) => rowsOf(r).map((row) => String(row.name)));
    tableNames.set(handle, names);
  }
  return names;
}

export async function dbState(handle: DbHandle): Promise<DbState> {
  const names = await publicTables(handle);
  expect(names).toEqual(expect.arrayContaining(['accounts', 'transfers', 'members', 'audit_log', 'products']));
  const parts = names.map(
    (n) => `select '${n}' as name, count(*)::int || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')
      as print from "${n}" t`,
  );
  const rows = rowsOf(await handle.db.execute(parts.join(' union all ')));
  const tables = Object.fromEntries(rows.map((r) => [String(r.name), String(r.print)]));
  const broken = (await checkInvariants(handle.db)).filter((r) => !r.holds).map((r) => r.name);
  return { tables, broken };
}

/** Runs an attack and checks that it wrote nothing anywhere and that every invariant still holds. */
export async function unchanged<T>(handle: DbHandle, attack: () => Promise<T>): Promise<T> {
  const before = await dbState(handle);
  expect(before.broken).toEqual([]);
  const result = await attack();
  const after = await dbState(handle);
  expect(after.tables).toEqual(before.tables);
  expect(after.broken).toEqual([]);
  return result;
}
