// The whole-system test harness: a real server on each target, reached over real HTTP.
// targets(): each suite runs on PGlite in development mode, and on real PostgreSQL in production
// mode (NODE_ENV=production, what people deploy) when TEST_DATABASE_URL is set: both engines and
// both modes are covered without running everything four times. TEST_MODES=all runs every engine
// in both modes; TEST_MODES=production (or development) runs every engine in that one mode.
// Each server gets a database of its own (PGlite in memory, or a fresh PostgreSQL database dropped
// on close), so test files never see one another's rows and may run in any order.
import { randomUUID } from 'node:crypto';
import { openTestDb, type TestDb } from '@huzhu/db/testing';
import { startServer, type RunningServer } from '@huzhu/server/start';
import { currentMonth, localDate } from '@huzhu/server/time';

export type EngineName = 'pglite' | 'postgres';

export function engines(): EngineName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export type Mode = 'development' | 'production';

/** Where a suite runs: an engine, and the NODE_ENV the server starts with. */
export interface Target {
  engine: EngineName;
  mode: Mode;
  /** For test titles: "pglite", "postgres (production)". */
  name: string;
}

export function target(engine: EngineName, mode: Mode = 'development'): Target {
  return { engine, mode, name: mode === 'production' ? `${engine} (production)` : engine };
}

/** Default: PGlite in development, PostgreSQL (when available) in production. See the top of the file. */
export function targets(modes = process.env.TEST_MODES): Target[] {
  const all = engines();
  if (modes === 'all') return all.flatMap((e) => [target(e, 'development'), target(e, 'production')]);
  if (modes === 'production' || modes === 'development') return all.map((e) => target(e, modes));
  if (modes) throw new Error(`TEST_MODES must be all, production or development, not "${modes}"`);
  return all.map((e) => target(e, e === 'postgres' ? 'production' : 'development'));
}

/** A target from what a suite was given: an engine alone means development mode. */
export function targetOf(t: Target | EngineName): Target {
  return typeof t === 'string' ? target(t) : t;
}

/** Shared by every server process on one database (the subscriptions test starts two). */
export const JWT_SECRET = 'huzhu-system-tests-jwt-secret-0123456789';
/** Every demo account's password (db/src/seed/demo.seed.ts). */
export const PASSWORD = 'huzhu2026';

/** The demo village's log-ins. */
export const PHONES = {
  admin: '13900000000',
  coordinator: '13900000001',
  clerk: '13900000002',
  volunteer: '13900000003', // 张建国: 600 minutes, 100 points banked
  volunteer2: '13900000004', // 刘桂兰: 240 minutes, 40 points
  volunteer3: '13900000005', // 陈志明: nothing banked
  volunteerElder: '13900000006', // 黄淑珍: volunteer and elder (EMPTY_NEST)
  elder: '13900000007', // 赵玉梅: elder with a phone, LIVING_ALONE + ADVANCED_AGE, no minutes
} as const;

// ---- the GraphQL client ----

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GqlResult<T> {
  data: T | null | undefined;
  errors: GqlError[] | undefined;
  status: number;
}

export type Lang = 'zh' | 'en';
export type Variables = Record<string, unknown>;

/** A tiny GraphQL-over-HTTP client: POST JSON, optionally as someone and in a language. */
export class Client {
  constructor(
    readonly url: string,
    readonly token?: string,
    readonly lang?: Lang,
  ) {}

  as(token: string | undefined): Client {
    return new Client(this.url, token, this.lang);
  }

  in(lang: Lang): Client {
    return new Client(this.url, this.token, lang);
  }

  async request<T>(query: string, variables?: Variables, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(this.lang ? { 'accept-language': this.lang } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T | null; errors?: GqlError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
    }
    return { data: body.data, errors: body.errors, status: res.status };
  }

  /** The data of a request that must succeed; its errors in the failure message otherwise. */
  async ok<T>(query: string, variables?: Variables): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length || r.data == null) {
      throw new Error(`expected success, got HTTP ${r.status}: ${JSON.stringify(r.errors ?? r.data)}`);
    }
    return r.data;
  }

  /**
   * The first error code of the request's answer ('OK' for none), asked again until it is `code`,
   * for at most `withinMs`. A change to a member reaches each server's member cache with the
   * database's announcement of its commit (server/src/auth/member-cache.ts), which may arrive a few
   * milliseconds after the change's own answer: a token the change ended is refused from then on.
   */
  async codeSoon(query: string, code: string, variables?: Variables, withinMs = 1_000): Promise<string> {
    const end = Date.now() + withinMs;
    for (;;) {
      const r = await this.request<unknown>(query, variables);
      const got = String(r.errors?.[0]?.extensions?.code ?? 'OK');
      if (got === code || Date.now() > end) return got;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The first error of a request that must fail (with the HTTP status). */
  async fails(query: string, variables?: Variables): Promise<GqlError & { status: number }> {
    const r = await this.request<unknown>(query, variables);
    const first = r.errors?.[0];
    if (!first) throw new Error(`expected an error, got HTTP ${r.status}: ${JSON.stringify(r.data)}`);
    return { ...first, status: r.status };
  }
}

export async function login(url: string, phone: string, password = PASSWORD): Promise<string> {
  const data = await new Client(url).ok<{ login: { token: string } }>(
    'mutation ($phone: String!, $password: String!) { login(phone: $phone, password: $password) { token } }',
    { phone, password },
  );
  return data.login.token;
}

let keys = 0;
/** A fresh idempotency key: unique per call, so each test's money-like request is its own. */
export function idemKey(label = 'test'): string {
  keys += 1;
  return `${label}-${keys}-${randomUUID()}`;
}

// ---- the server ----

/** The rate limiter's statements (table rate_limits): bookkeeping beside every request. */
export const LIMITER_SQL = /\brate_limits\b/;

/** Counts the SQL statements the server runs (through startServer's onQuery). */
export class SqlCounter {
  statements: string[] = [];
  get count(): number {
    return this.statements.length;
  }
  reset(): void {
    this.statements = [];
  }
  readonly onQuery = (sql: string): void => {
    // The request limit's counts go out on their own schedule (a timer, a key's first request in a
    // minute), not as part of the operation being counted.
    if (LIMITER_SQL.test(sql)) return;
    this.statements.push(sql);
  };
}

/** Row counts and every balance and stock level: equal before and after means nothing was written. */
export interface Snapshot {
  needs: number;
  claims: number;
  transfers: number;
  members: number;
  redemptions: number;
  redemptionItems: number;
  visits: number;
  auditLog: number;
  balances: string;
  stock: string;
}

const SNAPSHOT_SQL = `select
  (select count(*) from needs)::int as needs,
  (select count(*) from claims)::int as claims,
  (select count(*) from transfers)::int as transfers,
  (select count(*) from members)::int as members,
  (select count(*) from redemptions)::int as redemptions,
  (select count(*) from redemption_items)::int as "redemptionItems",
  (select count(*) from visits)::int as visits,
  (select count(*) from audit_log)::int as "auditLog",
  (select coalesce(string_agg(id || ':' || balance, ',' order by id), '') from accounts) as balances,
  (select coalesce(string_agg(id || ':' || stock, ',' order by id), '') from products) as stock`;

export interface TestServer {
  engine: EngineName;
  mode: Mode;
  url: string;
  /** The fresh PostgreSQL database's URL (postgres engine only), for a second server process. */
  databaseUrl: string | undefined;
  running: RunningServer;
  sql: SqlCounter;
  /** An anonymous client; .as(token) for a logged-in one. */
  client: Client;
  /** Logs in (cached per phone) and returns a client acting as that member. */
  as(phone: string, lang?: Lang): Promise<Client>;
  /** Raw read of the database, outside the server's statement counter. */
  snapshot(): Promise<Snapshot>;
  close(): Promise<void>;
}

export async function startTestServer(on: Target | EngineName): Promise<TestServer> {
  const { engine, mode } = targetOf(on);
  const sql = new SqlCounter();
  let testDb: TestDb | undefined;
  let running: RunningServer;
  const common = { port: 0, host: '127.0.0.1', demoData: true, quiet: true, onQuery: sql.onQuery } as const;
  const env = mode === 'production' ? { NODE_ENV: 'production', JWT_SECRET } : {};
  if (engine === 'postgres') {
    // A fresh database per server; openTestDb creates (and on close drops) it.
    testDb = await openTestDb('postgres', { poolSize: 1 });
    running = await startServer({ ...common, databaseUrl: testDb.url, env: { ...env, JWT_SECRET } });
  } else {
    running = await startServer({ ...common, memory: true, env });
  }
  const tokens = new Map<string, Promise<string>>();
  const client = new Client(running.url);
  return {
    engine,
    mode,
    url: running.url,
    databaseUrl: testDb?.url,
    running,
    sql,
    client,
    async as(phone, lang) {
      let token = tokens.get(phone);
      if (!token) {
        token = login(running.url, phone);
        tokens.set(phone, token);
      }
      const c = client.as(await token);
      return lang ? c.in(lang) : c;
    },
    async snapshot() {
      const handle = running.handle;
      let rows: unknown[];
      if (handle.sql) rows = await handle.sql.unsafe(SNAPSHOT_SQL);
      else if (handle.pglite) rows = (await handle.pglite.query(SNAPSHOT_SQL)).rows;
      else throw new Error('no raw database access');
      return rows[0] as Snapshot;
    },
    async close() {
      await running.close();
      await testDb?.close();
    },
  };
}

/** This month in the site's time zone (the demo site's is Asia/Shanghai), as YYYY-MM: the server's own
 * rule, so a test asks for the month the server will count in. */
export function monthIn(timeZone = 'Asia/Shanghai', at = new Date()): string {
  return currentMonth(timeZone, at);
}

/** Today in the site's time zone (the demo site's is Asia/Shanghai), as YYYY-MM-DD: after 16:00 UTC
 * Shanghai is already on tomorrow, and a service confirmed then is dated tomorrow. */
export function todayIn(timeZone = 'Asia/Shanghai', at = new Date()): string {
  return localDate(at, timeZone);
}

/** An ISO date-time some hours from now (negative for the past). */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}
