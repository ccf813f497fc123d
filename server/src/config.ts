// Every environment variable the server reads, parsed and checked in one place.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { workspacePath } from '@huzhu/db';

export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL when set; else embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  /** A streaming replica of DATABASE_URL for heavy reads (DATABASE_REPLICA_URL); PostgreSQL only. */
  databaseReplicaUrl: string | undefined;
  dataDir: string;
  /** Embedded database in memory (tests only). */
  memory: boolean;
  jwtSecret: Uint8Array;
  admin: { phone: string; password: string } | undefined;
  /** Fill a new database with the demo village. */
  demoData: boolean | 'if-new';
  production: boolean;
  introspection: boolean;
  /** Built client to serve at /, when present. */
  staticDir: string | undefined;
  corsOrigins: string[];
  poolSize: number;
  /** Requests a minute per member (or per address without a token) before 429. */
  requestsPerMinute: number;
  /**
   * Which proxies' X-Forwarded-For to believe (express's 'trust proxy'): false (none, the
   * default), a hop count, or a list of addresses, CIDRs and names (loopback, linklocal, uniquelocal).
   */
  trustProxy: false | number | string[];
  /** Bearer token for GET /metrics; unset, there are no metrics (404). */
  metricsToken: string | undefined;
  /**
   * The address people open the client at (PUBLIC_URL, e.g. https://huzhu.example.cn), for links
   * that leave the app (the chat text of open needs, CSV links); unset, each request's own address.
   */
  publicUrl: string | undefined;
  /** Work queued and scheduled jobs in this process (JOBS, default on); enqueueing works either way. */
  jobs: boolean;
  /** Seconds between the queue's polls, supervision and schedule passes (JOBS_CHECK_SECONDS); pg-boss's defaults when unset. */
  jobsCheckSeconds: number | undefined;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`expected true or false, got "${value}"`);
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL || undefined;
  if (databaseReplicaUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseReplicaUrl))
    throw new ConfigError('DATABASE_REPLICA_URL must be a postgres:// URL');
  const dataDir = resolve(env.DATA_DIR || './data');
  const production = env.NODE_ENV === 'production';
  const memory = overrides.memory ?? false;

  let jwtSecret: Uint8Array;
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
    jwtSecret = new TextEncoder().encode(env.JWT_SECRET);
  } else if (databaseUrl) {
    throw new ConfigError('JWT_SECRET is required with DATABASE_URL (every server process must share it)');
  } else if (memory) {
    jwtSecret = randomBytes(32);
  } else {
    jwtSecret = keptSecret(dataDir);
  }

  const adminPhone = env.ADMIN_PHONE || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminPhone) !== Boolean(adminPassword))
    throw new ConfigError('ADMIN_PHONE and ADMIN_PASSWORD go together');

  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && !/^\S{16,}$/.test(metricsToken))
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters, without spaces');

  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(publicUrl))
    throw new ConfigError(`PUBLIC_URL must be an http(s) address, got "${env.PUBLIC_URL}"`);

  const demo = flag(env.DEMO_DATA);
  const staticDir = env.STATIC_DIR ? resolve(env.STATIC_DIR) : defaultStaticDir();

  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databaseReplicaUrl,
    dataDir,
    memory,
    jwtSecret,
    admin: adminPhone && adminPassword ? { phone: adminPhone, password: adminPassword } : undefined,
    // Default: on for a new embedded database, off on PostgreSQL.
    demoData: demo ?? (databaseUrl ? false : 'if-new'),
    production,
    introspection: flag(env.GRAPHQL_INTROSPECTION) ?? !production,
    staticDir,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    poolSize: Number(env.DB_POOL_SIZE ?? 10),
    requestsPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200),
    trustProxy: trustProxy(env.TRUST_PROXY),
    metricsToken,
    publicUrl,
    jobs: flag(env.JOBS) ?? true,
    jobsCheckSeconds: checkSeconds(env.JOBS_CHECK_SECONDS),
    ...overrides,
  };
  if (config.databaseReplicaUrl && !config.databaseUrl)
    throw new ConfigError(
      'DATABASE_REPLICA_URL needs DATABASE_URL: the embedded database (PGlite) has no replicas; set both, or neither',
    );
  return config;
}

/**
 * TRUST_PROXY: empty or `false` trusts no proxy; a whole number trusts that many hops; anything
 * else is a comma-separated list of addresses, CIDRs and express's names. `true` (trust every
 * hop, so any client could name its own address) is refused: name the proxies instead.
 */
export function trustProxy(value: string | undefined): false | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || /^false$/i.test(v)) return false;
  if (/^[0-9]+$/.test(v)) return Number(v);
  if (/^true$/i.test(v))
    throw new ConfigError('TRUST_PROXY=true would believe any client: name the proxies (e.g. loopback) or a hop count');
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of list) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/[0-9]{1,3})?)$/.test(item))
      throw new ConfigError(`TRUST_PROXY: "${item}" is not an address, a CIDR, loopback, linklocal or uniquelocal`);
  }
  return list;
}

function checkSeconds(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 45)
    throw new ConfigError(`JOBS_CHECK_SECONDS must be a whole number of seconds from 1 to 45, got "${value}"`);
  return n;
}

/** On the embedded engine an unset JWT_SECRET is generated once and kept beside the data. */
function keptSecret(dataDir: string): Uint8Array {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

function defaultStaticDir(): string | undefined {
  const dir = workspacePath(import.meta.dirname, 'client', 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}
