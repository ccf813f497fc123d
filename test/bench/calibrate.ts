// The machine against the reference figures: the same three minimal servers the budgets
// were derived from, measured here in the same run, under the same load generator. A budget that
// was set on a machine N times faster is judged here against budget / N as well, so a miss says
// how much is ours and how much is the machine's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { postgresClient } from '@huzhu/db';
import type { LoadGenerator } from './load';

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

export interface Calibration {
  name: keyof typeof REFERENCE;
  label: string;
  perSecond: number;
  p99: number;
  reference: number;
  /** This machine's throughput as a fraction of the reference machine's. */
  factor: number;
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
  const out: Calibration[] = [];
  const started: Server[] = [];
  try {
    // 1. express 5 answering JSON.
    const bare = express();
    bare.use(express.json());
    bare.post('/', (_req, res) => res.json({ hello: 'world' }));
    const a = await listen(bare);
    started.push(a.server);

    // 2. Apollo Server 5, hello world; 3. the same with one PostgreSQL read by primary key.
    const apollo = new ApolloServer({
      typeDefs: `type Query { hello: String, member(id: Int!): String }`,
      resolvers: {
        Query: {
          hello: () => 'world',
          member: async (_: unknown, args: { id: number }) =>
            (await sql`select name from members where id = ${args.id}`)[0]?.name as string | undefined,
        },
      },
    });
    await apollo.start();
    const app = express();
    app.use(express.json());
    (app as unknown as { use(path: string, h: unknown): void }).use('/graphql', expressMiddleware(apollo));
    const b = await listen(app);
    started.push(b.server);

    const runs: [keyof typeof REFERENCE, string, string, string][] = [
      ['express', 'express 5, JSON', a.url, '{}'],
      ['apollo', 'Apollo Server 5, hello world', `${b.url}/graphql`, JSON.stringify({ query: '{ hello }' })],
      [
        'apolloRead',
        'Apollo Server 5 + one PostgreSQL read',
        `${b.url}/graphql`,
        JSON.stringify({ query: `{ member(id: ${o.memberId}) }` }),
      ],
    ];
    for (const [name, label, url, body] of runs) {
      await o.load.run({ url, connections: 4, seconds: 1, requests: [{ body }], once: false }); // warm-up
      const r = await o.load.run({
        url,
        connections: o.connections,
        seconds: o.seconds,
        requests: [{ body }],
        once: false,
      });
      if (r.errors > 0) throw new Error(`calibration ${name}: ${r.errors} errors (${r.firstError})`);
      const sorted = Float64Array.from(r.latencies).sort();
      const perSecond = sorted.length / r.seconds;
      out.push({
        name,
        label,
        perSecond,
        p99: sorted[Math.floor(0.99 * sorted.length)] ?? Number.NaN,
        reference: REFERENCE[name],
        factor: perSecond / REFERENCE[name],
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
  }
}

export function calibrationTable(rows: Calibration[], connections: number): string {
  const head = `| reference server (${connections} connections) | here req/s | here p99 ms | issue's figure | here / issue |\n| --- | ---: | ---: | ---: | ---: |`;
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.perSecond.toFixed(0)} | ${r.p99.toFixed(1)} | ${r.reference} | ${r.factor.toFixed(2)} |`,
    ),
  ].join('\n');
}

interface Measured {
  op: string;
  connections: number;
  gql: { perSecond: number; p99: number };
}

/**
 * The absolute budgets divided by how much slower this machine is than the reference one (the
 * "Apollo + one read" factor: the closest of the three to our reads and writes). Throughput
 * budgets scale by the factor; latency budgets at a fixed number of connections by its inverse
 * (Little's law: latency = connections / throughput).
 */
export function scaledBudgets(rows: Measured[], factor: number): { name: string; pass: boolean; detail: string }[] {
  const at16 = (prefix: string) => rows.find((r) => r.op.startsWith(prefix) && r.connections === 16);
  const out: { name: string; pass: boolean; detail: string }[] = [];
  const rate = (op: string, budget: number) => {
    const r = at16(op);
    if (!r) return;
    const want = budget * factor;
    out.push({
      name: `${op} >= ${budget} x ${factor.toFixed(2)} = ${want.toFixed(0)}/s @16`,
      pass: r.gql.perSecond >= want,
      detail: `${r.gql.perSecond.toFixed(0)}/s (${(((r.gql.perSecond - want) / want) * 100).toFixed(0)}%)`,
    });
  };
  // `prefix` picks the row ('siteReport(' is the one site's report, not siteReports); `name` labels it.
  const p99 = (prefix: string, budget: number, name = prefix) => {
    const r = at16(prefix);
    if (!r) return;
    const want = budget / factor;
    out.push({
      name: `${name} p99 < ${budget} / ${factor.toFixed(2)} = ${want.toFixed(0)} ms @16`,
      pass: r.gql.p99 < want,
      detail: `${r.gql.p99.toFixed(1)} ms`,
    });
  };
  for (const op of ['needs', 'viewer', 'visitCoverage']) {
    rate(op, 2000);
    p99(op, 15);
  }
  p99('siteReport(', 50, 'siteReport');
  rate('confirmService', 1000);
  rate('redeem', 1000);
  return out;
}
