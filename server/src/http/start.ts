// Starts the whole server: database, migrations, admin and demo data, the job queue, HTTP and WebSocket.
// main.ts calls it with the environment's config; tests call it with a port of 0.
import type { AddressInfo } from 'node:net';
import { hashPassword, memberQueries, openDb, ping, verifyPassword, type DbHandle } from '@huzhu/db';
import { formatLogins, seedDemo } from '@huzhu/db/seed';
import { loadConfig, type Config } from '../config';
import { resetPassword } from '../auth/auth.service';
import { createMemberCache } from '../auth/member-cache';
import { createEvents } from '../events/events';
import { buildSchema } from '../graphql/schema';
import { startJobQueue, type JobDefinition, type JobDeps, type JobQueue } from '../jobs/queue';
import { domainJobs } from '../jobs/registry';
import { LoginLimiter } from '../security/rate-limit';
import { createApp } from './app';

/** How long /healthz waits for the database before answering 503. */
const HEALTH_TIMEOUT_MS = 2_000;

export interface StartOptions extends Partial<Config> {
  /** Environment to read (default process.env). */
  env?: Record<string, string | undefined>;
  /** Called with every SQL statement (the N+1 tests count them). */
  onQuery?: (sql: string) => void;
  quiet?: boolean;
  /** The jobs this process knows (default: every domain's); tests add jobs of their own. */
  jobDefinitions?: (deps: JobDeps) => JobDefinition[];
}

export interface RunningServer {
  url: string;
  port: number;
  handle: DbHandle;
  config: Config;
  jobs: JobQueue;
  /** Graceful: stop taking requests, let in-flight ones finish, close the database. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { env, onQuery, quiet, jobDefinitions, ...overrides } = options;
  const config = loadConfig(env ?? process.env, overrides);
  const log = quiet ? () => {} : (line: string) => console.log(line);

  const handle = await openDb({
    url: config.databaseUrl,
    replicaUrl: config.databaseReplicaUrl,
    dataDir: config.dataDir,
    memory: config.memory,
    poolSize: config.poolSize,
    ...(onQuery ? { onQuery } : {}),
  });
  const events = await createEvents(handle);
  const members = await createMemberCache(handle);

  if (config.admin) await ensureAdmin(handle, config.admin.phone, config.admin.password);
  if (config.demoData) {
    const demo = await seedDemo(handle.db, new Date(), { visitDuty: true, secondVillage: true });
    if (demo.created || config.demoData === true) {
      if (!config.admin) await ensureAdmin(handle, '13900000000', demo.password);
      log(formatLogins(demo));
      if (!config.admin) log(`  管理员 ADMIN       民政局管理员  13900000000`);
    }
  }

  // Before HTTP: a request that enqueues a job finds the queue there.
  const jobs = await startJobQueue({
    handle,
    definitions: (jobDefinitions ?? domainJobs)({ db: handle.db, events }),
    work: config.jobs,
    checkSeconds: config.jobsCheckSeconds,
    log: (line) => console.error(line),
  });

  const schema = buildSchema();
  const replica = handle.replica;
  const app = await createApp({
    handle,
    services: {
      db: handle.db,
      readDb: handle.readDb,
      events,
      members,
      jwtSecret: config.jwtSecret,
      loginLimiter: new LoginLimiter(handle.db),
    },
    production: config.production,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    requestsPerMinute: config.requestsPerMinute,
    schema,
    introspection: config.introspection,
    graphiql: !config.production,
    metricsToken: config.metricsToken,
    publicUrl: config.publicUrl,
    staticDir: config.staticDir,
    healthy: async () => {
      // A database that is down can leave the ping queued behind reconnecting connections: past
      // HEALTH_TIMEOUT_MS it is unhealthy, so a load balancer hears 503 at once rather than nothing.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database ping timed out')), HEALTH_TIMEOUT_MS);
      });
      try {
        await Promise.race([ping(handle.db), late]);
      } finally {
        clearTimeout(timer);
      }
      return true;
    },
    // Asked of the replica itself; a replica that is down only sends its reads to the primary.
    replicaUp: replica ? () => replica.check(HEALTH_TIMEOUT_MS) : undefined,
  });

  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.port, config.host, () => resolve());
  });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log(
    `Huzhu is serving ${config.staticDir ? 'the client at ' + url + '/ and ' : ''}GraphQL at ${url}/graphql (${handle.engine})`,
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    handle,
    config,
    jobs,
    close: () =>
      (closing ??= (async () => {
        // Requests and jobs in flight finish side by side; a job still running when the queue's
        // wait ends is handed back, and another process (or this one, restarted) retries it.
        await Promise.all([
          (async () => {
            await app.stop();
            await new Promise<void>((resolve) => app.server.close(() => resolve()));
          })(),
          jobs.stop(),
        ]);
        await events.close();
        await members.close();
        await handle.close();
      })()),
  };
}

/**
 * Makes sure the platform admin from ADMIN_PHONE/ADMIN_PASSWORD exists and logs in with that
 * password: the environment is the truth at start, so a rotated ADMIN_PASSWORD replaces the stored
 * one, and the admin's tokens from before the rotation end (resetPassword revokes them).
 */
async function ensureAdmin(handle: DbHandle, phone: string, password: string): Promise<void> {
  const existing = await memberQueries.memberByPhone(handle.db, phone);
  if (existing) {
    await memberQueries.grantRole(handle.db, existing.id, null, 'ADMIN');
    if (!existing.passwordHash || !(await verifyPassword(password, existing.passwordHash)))
      await resetPassword(handle.db, existing.id, password);
    return;
  }
  const passwordHash = await hashPassword(password);
  // Another process starting at the same moment may be creating the same admin: one does.
  await handle.db.transaction(async (tx) => {
    await memberQueries.lockPhone(tx, phone);
    if (await memberQueries.memberByPhone(tx, phone)) return;
    await memberQueries.insertMember(tx, { siteId: null, name: '民政局管理员', phone, passwordHash }, ['ADMIN']);
  });
}
