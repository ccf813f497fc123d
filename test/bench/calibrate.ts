// The machine against the reference figures: the same three minimal servers the issue's
// figures came from, measured here in the same run, under the same load generator, and a fourth
// with no figure of the issue's: Apollo + one ledger transfer, the reference every write goal is a
// ratio to (issue 19).
import { cpuMeter, type CpuPerOp } from './cpu';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { ledgerQueries, openDb, postgresClient } from '@huzhu/db';
import type { LoadGenerator } from './load';
import type { LoadRequest } from './load-child';

// The server package's dependencies: the test package adds none of its own.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));
const express = requireFromServer('express') as {
  (): {
    (req: unknown, res: unknown): void;
    use(h: unknown): void;
    post(path: string, h: (req: unknown, res: { json(v: unknown): void }) => void): void;
  };
  json(): unknown;
};
interface Apollo {
  start(): Promise<void>;
  stop(): Promise<void>;
}
const { ApolloServer } = requireFromServer('@apollo/server') as {
  ApolloServer: new (options: { typeDefs: string; resolvers: Record<string, unknown> }) => Apollo;
};
const { expressMiddleware } = requireFromServer('@as-integrations/express5') as {
  expressMiddleware: (server: unknown) => unknown;
};

/** The reference figures (2 cores shared by load generator, Node and PostgreSQL). */
export const REFERENCE = {
  express: 10_400,
  apollo: 6_500,
  apolloRead: 3_800,
} as const;

export type CalibrationName = keyof typeof REFERENCE | 'apolloWrite';

export interface Calibration {
  name: CalibrationName;
  label: string;
  perSecond: number;
  p99: number;
  /** The figure; none for the write reference. */
  reference?: number;
  /** This machine's throughput as a fraction of the reference machine's. */
  factor?: number;
  /** The write reference: CPU ms per transfer of this process (its server) and of PostgreSQL. */
  cpu?: CpuPerOp;
}

async function listen(app: unknown): Promise<{ server: Server; url: string }> {
  const server = createServer(app as Parameters<typeof createServer>[1]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function calibrate(o: {
  url: string;
  load: LoadGenerator;
  seconds: number;
  connections: number;
  memberId: number;
}): Promise<Calibration[]> {
  const sql = postgresClient(o.url, { max: 10, onnotice: () => {} });
  // The write reference's pool: the server's default size (DB_POOL_SIZE 10).
  const handle = await openDb({ url: o.url, migrate: false, poolSize: 10 });
  const out: Calibration[] = [];
  const meter = await cpuMeter(sql);
  const started: Server[] = [];
  try {
    // 1. express 5 answering JSON.
    const bare = express();
    bare.use(express.json());
    bare.post('/', (_req, res) => res.json({ hello: 'world' }));
    const a = await listen(bare);
    started.push(a.server);

    // 2. Apollo Server 5, hello world; 3. the same with one PostgreSQL read by primary key;
    // 4. the same with one ledger transfer (below).
    const apollo = new ApolloServer({
      typeDefs: `type Query { hello: String, member(id: Int!): String }
        type Mutation { transfer(from: Int!, to: Int!, site: Int!, key: String!): Int }`,
      resolvers: {
        Query: {
          hello: () => 'world',
          member: async (_: unknown, args: { id: number }) =>
            (await sql`select name from members where id = ${args.id}`)[0]?.name as string | undefined,
        },
        Mutation: {
          // The ledger's own one-statement transfer (the one confirmations and redemptions post
          // through): locks both accounts in id order, refuses a member debit below zero, inserts
          // the row unless its idempotency key is taken, moves both cached balances. In minutes,
          // as a confirmation's first credit: the kept monthly figures' trigger is for points.
          transfer: async (_: unknown, args: { from: number; to: number; site: number; key: string }) => {
            const row = await ledgerQueries.postTransfer(handle.db, {
              unit: 'MINUTES',
              amount: 1,
              kind: 'ISSUANCE',
              debitAccountId: args.from,
              creditAccountId: args.to,
              siteId: args.site,
              idempotencyKey: args.key,
              requestHash: args.key,
            });
            if (!row) throw new Error(`transfer ${args.key} refused or its key taken`);
            return row.transfer.id;
          },
        },
      },
    });
    await apollo.start();
    const app = express();
    app.use(express.json());
    (app as unknown as { use(path: string, h: unknown): void }).use('/graphql', expressMiddleware(apollo));
    const b = await listen(app);
    started.push(b.server);

    // Each write body once, with a fresh key: enough for the row at a rate no run here reaches.
    const writes = await transferBodies(sql, Math.ceil(o.seconds * 8000) + 2000);
    const runs: { name: CalibrationName; label: string; url: string; requests: LoadRequest[]; once: boolean }[] = [
      { name: 'express', label: 'express 5, JSON', url: a.url, requests: [{ body: '{}' }], once: false },
      {
        name: 'apollo',
        label: 'Apollo Server 5, hello world',
        url: `${b.url}/graphql`,
        requests: [{ body: JSON.stringify({ query: '{ hello }' }) }],
        once: false,
      },
      {
        name: 'apolloRead',
        label: 'Apollo Server 5 + one PostgreSQL read',
        url: `${b.url}/graphql`,
        requests: [{ body: JSON.stringify({ query: `{ member(id: ${o.memberId}) }` }) }],
        once: false,
      },
      {
        name: 'apolloWrite',
        label: 'Apollo Server 5 + one ledger transfer',
        url: `${b.url}/graphql`,
        requests: writes,
        once: true,
      },
    ];
    for (const run of runs) {
      const warm = run.once ? run.requests.splice(0, 2000) : run.requests;
      await o.load.run({ url: run.url, connections: 4, seconds: 1, requests: warm, once: run.once }); // warm-up
      const stop = meter.start();
      const r = await o.load.run({
        url: run.url,
        connections: o.connections,
        seconds: o.seconds,
        requests: run.requests,
        once: run.once,
      });
      const cpu = stop()(Math.max(1, r.latencies.length));
      if (r.errors > 0) throw new Error(`calibration ${run.name}: ${r.errors} errors (${r.firstError})`);
      if (r.exhausted) throw new Error(`calibration ${run.name}: its ${run.requests.length} bodies ran out`);
      const sorted = Float64Array.from(r.latencies).sort();
      const perSecond = sorted.length / r.seconds;
      const reference = run.name === 'apolloWrite' ? undefined : REFERENCE[run.name];
      out.push({
        name: run.name,
        label: run.label,
        perSecond,
        p99: sorted[Math.floor(0.99 * sorted.length)] ?? Number.NaN,
        ...(reference ? { reference, factor: perSecond / reference } : {}),
        ...(run.once ? { cpu } : {}),
      });
    }
    await apollo.stop();
    return out;
  } finally {
    for (const s of started) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    await sql.end({ timeout: 5 });
    await handle.close();
  }
}

/**
 * The write reference's requests: a minute from a site's pool to one of its members (as a
 * confirmation credits), each with a fresh idempotency key. Consecutive requests go to different
 * sites, round-robin, so the 16 in flight lock 16 sites' pools (and months' figures), not one; on a
 * county with fewer than 16 sites some of them share one.
 */
async function transferBodies(sql: ReturnType<typeof postgresClient>, count: number): Promise<LoadRequest[]> {
  const rows = await sql`
    select p.site_id, p.id as pool, array_agg(a.id order by a.id) as members
    from accounts p
    join members m on m.site_id = p.site_id
    join accounts a on a.member_id = m.id and a.owner = 'MEMBER' and a.unit = 'MINUTES'
    where p.owner = 'SITE_POOL' and p.unit = 'MINUTES'
    group by p.site_id, p.id order by p.site_id`;
  if (rows.length === 0) throw new Error('the bench data has no site with members');
  const run = Date.now().toString(36);
  const query =
    'mutation T($from: Int!, $to: Int!, $site: Int!, $key: String!) { transfer(from: $from, to: $to, site: $site, key: $key) }';
  return Array.from({ length: count }, (_, k) => {
    const site = rows[k % rows.length]!;
    const members = site.members as (number | string)[];
    const to = Number(members[Math.floor(k / rows.length) % members.length]);
    return {
      body: JSON.stringify({
        query,
        variables: { from: Number(site.pool), to, site: Number(site.site_id), key: `calibration-${run}-${k}` },
      }),
    };
  });
}

export function calibrationTable(rows: Calibration[], connections: number): string {
  const head = `| reference server (${connections} connections) | here req/s | here p99 ms | issue's figure | here / issue |\n| --- | ---: | ---: | ---: | ---: |`;
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.perSecond.toFixed(0)} | ${r.p99.toFixed(1)} | ${r.reference ?? '-'} | ${r.factor?.toFixed(2) ?? '-'} |`,
    ),
    ...rows
      .filter((r) => r.cpu)
      .map(
        (r) =>
          `\n${r.label}: CPU per transfer ${r.cpu!.serverMs.toFixed(2)} ms in the server, ${r.cpu!.postgresMs.toFixed(2)} ms in PostgreSQL.`,
      ),
  ].join('\n');
}
