// The API benchmark on generated county data (pnpm bench:data): each operation over GraphQL
// against the real server started in this process, at 1, 16 and 64 keep-alive connections from a
// separate load-generator process, and each read beside the bare express + postgres-js baseline
// running the same SQL. Also counts the SQL statements each operation runs (the server's onQuery).
import { randomBytes } from 'node:crypto';
import { openDb } from '@huzhu/db';
import { startServer, type RunningServer } from '@huzhu/server/start';
import { signToken } from '../../server/src/auth/tokens';
import { BARE_ROUTES, captureReports, startBare, type BareServer } from './bare';
import { LoadGenerator } from './load';
import { summarize, type Figures } from './measure';
import { childServerMemory, settledMemory } from './memory';
import { cpuMeter, type CpuPerOp } from './cpu';
import { Q } from './documents';
import { prepareBaskets, prepareClaims, writeBodies } from './write-fixtures';
import { ONE_SITE } from './goals';
import type { LoadJob } from './load-child';
import { measureRead, preparePeer, type PreparedPeer } from './peer/postgraphile';

export interface ApiRow {
  op: string;
  /** peer: PostGraphile serving the same read (its figures in `gql`), held to none of our budgets. */
  kind: 'read' | 'write' | 'peer';
  connections: number;
  gql: Figures;
  bare?: Figures;
  /** The same operation on a peer server (another GraphQL server over the same tables), if measured. */
  peer?: Figures;
  statements: number;
  /** Writes: CPU ms per operation of the server process and of PostgreSQL. */
  cpu?: CpuPerOp;
}

export interface Captured {
  text: string;
  params: unknown[];
}

export interface ApiOptions {
  url: string;
  seconds: number;
  levels: number[];
  /** Only the operations whose name contains this. */
  only?: string | undefined;
  /** PostGraphile beside the needs row (default true). */
  peer?: boolean;
  /** Log line by line (stderr). */
  log: (line: string) => void;
}

export interface ApiResult {
  rows: ApiRow[];
  sql: Map<string, string[]>;
  /** Each operation's statements as the driver sent them (text and parameters), for EXPLAIN. */
  statements: Map<string, Captured[]>;
  /** After a full garbage collection, so the bench's own garbage (prepared rows) is not counted. */
  rssMb: number;
  heapMb: number;
  /** The same, right after the server started, before any load. */
  rssAtStartMb: number;
  /** VmRSS of the server in its own process (server/dist/main.mjs, as pnpm start runs it) after the same reads and writes. */
  child?: Awaited<ReturnType<typeof childServerMemory>>;
  month: string;
  data: { sites: number; members: number; transfers: number };
}

const JWT_SECRET = randomBytes(32).toString('hex');

/** The previous calendar month in Asia/Shanghai: complete, so its reports are final. */
/** --only's names (a comma-separated list): a row runs when its operation contains one of them. */
function picked(only: string | undefined, op: string): boolean {
  return !only || only.split(',').some((name) => op.includes(name));
}

function lastMonth(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  const y = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
  const m = d.getUTCMonth() === 0 ? 12 : d.getUTCMonth();
  return `${y}-${String(m).padStart(2, '0')}`;
}

export async function benchApi(o: ApiOptions): Promise<ApiResult> {
  const month = lastMonth();
  const prep = await openDb({ url: o.url, migrate: false, poolSize: 4 });
  const sql = prep.sql!;
  const runId = Date.now().toString(36);
  let server: RunningServer | undefined;
  let bare: BareServer | undefined;
  let peer: PreparedPeer | undefined;
  const load = new LoadGenerator();
  try {
    // ---- who acts, where ----
    const [size] =
      await sql`select (select count(*) from sites)::int as sites, (select count(*) from members)::int as members,
      (select count(*) from transfers)::int as transfers`;
    const data = { sites: Number(size!.sites), members: Number(size!.members), transfers: Number(size!.transfers) };
    const [admin] = await sql`select member_id from memberships where role = 'ADMIN' and site_id is null limit 1`;
    if (!admin) throw new Error('the bench data has no platform admin: regenerate it with pnpm bench:data');
    const sampleSites = await sql`
      select s.id,
        (select member_id from memberships where site_id = s.id and role = 'COORDINATOR' order by member_id limit 1) as coordinator,
        (select member_id from memberships where site_id = s.id and role = 'CLERK' order by member_id limit 1) as clerk,
        (select array_agg(member_id) from (select member_id from memberships where site_id = s.id and role = 'VOLUNTEER'
           order by member_id limit 8) v) as volunteers
      from sites s order by random() limit 50`;
    const sites = sampleSites.map((s) => ({
      id: Number(s.id),
      coordinator: Number(s.coordinator),
      clerk: Number(s.clerk),
      volunteers: (s.volunteers as (number | string)[]).map(Number),
    }));

    // ---- the server under test ----
    let statements = 0;
    let capture: string[] | undefined;
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: o.url,
      env: { JWT_SECRET, RATE_LIMIT_PER_MINUTE: '100000000' },
      demoData: false,
      quiet: true,
      onQuery: (q) => {
        statements++;
        capture?.push(q);
      },
    });
    const rssAtStartMb = settledMemory().rss / 2 ** 20;
    const secret = server.config.jwtSecret;
    const tokens = new Map<number, string>();
    const token = async (id: number) => {
      let t = tokens.get(id);
      if (!t) tokens.set(id, (t = await signToken(secret, id)));
      return t;
    };
    for (const s of sites) for (const id of [s.coordinator, s.clerk, ...s.volunteers]) await token(id);
    await token(Number(admin.member_id));

    o.log('  capturing the report statements for the bare baseline...');
    bare = await startBare(
      o.url,
      await captureReports(
        o.url,
        month,
        sites.map((s) => s.id),
      ),
    );

    const gqlUrl = `${server.url}/graphql`;
    const body = (query: string, variables: object) => JSON.stringify({ query, variables });
    const reads: {
      op: string;
      gql: () => Promise<LoadJob['requests']>;
      bare: () => LoadJob['requests'];
    }[] = [
      {
        op: 'needs(siteId, OPEN, first: 20) + beneficiary + claims',
        gql: async () =>
          Promise.all(
            sites.flatMap((s) =>
              s.volunteers
                .slice(0, 2)
                .map(async (v) => ({ body: body(Q.needs, { siteId: `site_${s.id}` }), token: await token(v) })),
            ),
          ),
        bare: () =>
          sites.flatMap((s) =>
            s.volunteers.slice(0, 2).map((v) => ({ body: JSON.stringify({ memberId: v, siteId: s.id }) })),
          ),
      },
      {
        op: 'viewer { balance transfers(first: 20) }',
        gql: async () =>
          Promise.all(
            sites.flatMap((s) => s.volunteers.map(async (v) => ({ body: body(Q.viewer, {}), token: await token(v) }))),
          ),
        bare: () => sites.flatMap((s) => s.volunteers.map((v) => ({ body: JSON.stringify({ memberId: v }) }))),
      },
      {
        op: 'visitCoverage(site, month)',
        gql: async () =>
          Promise.all(
            sites.map(async (s) => ({
              body: body(Q.visitCoverage, { siteId: `site_${s.id}`, month }),
              token: await token(s.coordinator),
            })),
          ),
        bare: () => sites.map((s) => ({ body: JSON.stringify({ memberId: s.coordinator, siteId: s.id, month }) })),
      },
      {
        op: 'siteReport(site, month)',
        gql: async () =>
          Promise.all(
            sites.map(async (s) => ({
              body: body(Q.siteReport, { siteId: `site_${s.id}`, month }),
              token: await token(s.coordinator),
            })),
          ),
        bare: () => sites.map((s) => ({ body: JSON.stringify({ memberId: s.coordinator, siteId: s.id, month }) })),
      },
      {
        op: `siteReports(month): all ${data.sites} sites`,
        gql: async () => [{ body: body(Q.siteReports, { month }), token: await token(Number(admin.member_id)) }],
        bare: () => [{ body: JSON.stringify({ memberId: Number(admin.member_id), month }) }],
      },
    ];

    const rows: ApiRow[] = [];
    const sqlByOp = new Map<string, string[]>();
    const once = async (url: string, r: LoadJob['requests'][number]) => {
      const res = await load.run({ url, connections: 1, seconds: 30, requests: [r], once: true });
      if (res.errors > 0) throw new Error(`${url}: ${res.firstError}`);
    };
    const driver = server.handle.sql!.options as unknown as { debug: unknown };
    const statementsByOp = new Map<string, Captured[]>();
    /** One request alone, to count (and keep, with parameters) the statements it runs. */
    const countStatements = async (op: string, r: LoadJob['requests'][number]) => {
      capture = [];
      statements = 0;
      const sent: Captured[] = [];
      driver.debug = (_id: number, text: string, params: unknown[]) => sent.push({ text, params: [...params] });
      await once(gqlUrl, r);
      driver.debug = false;
      sqlByOp.set(op, capture);
      statementsByOp.set(op, sent);
      capture = undefined;
      return statements;
    };
    const meter = await cpuMeter(sql);
    /** A write row: its figures, and the CPU each side spent per confirmed or redeemed request. */
    const measureWrite = async (url: string, requests: LoadJob['requests'], connections: number) => {
      const stop = meter.start();
      const r = await load.run({ url, connections, seconds: o.seconds, requests, once: true });
      const cpu = stop()(Math.max(1, r.latencies.length));
      return { gql: summarize(r.latencies, r.seconds, r.errors, r.firstError), cpu };
    };
    const cpuText = (c: CpuPerOp) =>
      `  CPU/op: server ${c.serverMs.toFixed(2)} ms, PostgreSQL ${c.postgresMs.toFixed(2)} ms`;

    const replay: { op: string; connections: number; requests: LoadJob['requests']; once: boolean }[] = [];
    for (const [i, read] of reads.entries()) {
      if (!picked(o.only, read.op)) continue;
      const gqlRequests = await read.gql();
      replay.push({
        op: read.op,
        connections: read.op.startsWith('siteReports') ? 16 : 64,
        requests: gqlRequests,
        once: false,
      });
      const bareRequests = read.bare();
      const bareUrl = `${bare.url}/${BARE_ROUTES[i]}`;
      // Warm both (plans, prepared statements, JIT of the JS) before measuring.
      for (const r of gqlRequests.slice(0, 20)) await once(gqlUrl, r);
      for (const r of bareRequests.slice(0, 20)) await once(bareUrl, r);
      const n = await countStatements(read.op, gqlRequests[0]!);
      // ---- peer: PostGraphile beside the needs row, its pages checked against ours first ----
      if (i === 0 && o.peer !== false) peer = await preparePeer(o.url, gqlUrl, gqlRequests, o.log);
      const peerSide = i === 0 ? peer : undefined;
      const peerRows: ApiRow[] = [];
      // ---- end peer ----
      for (const c of o.levels) {
        const {
          gql,
          bare: b,
          peer: p,
        } = await measureRead(
          load,
          o.seconds,
          { url: gqlUrl, requests: gqlRequests },
          { url: bareUrl, requests: bareRequests },
          c,
          peerSide,
        );
        rows.push({
          op: read.op,
          kind: 'read',
          connections: c,
          gql,
          bare: b,
          statements: n,
          ...(p ? { peer: p } : {}),
        });
        o.log(
          `  ${read.op} @${c}: GraphQL ${gql.perSecond.toFixed(0)}/s p99 ${gql.p99.toFixed(1)} ms, bare ${b.perSecond.toFixed(0)}/s p99 ${b.p99.toFixed(1)} ms` +
            (gql.errors + b.errors > 0 ? `  errors ${gql.errors}+${b.errors}: ${gql.firstError ?? b.firstError}` : ''),
        );
        // ---- peer ----
        if (p && peerSide) {
          peerRows.push({
            op: peerSide.label,
            kind: 'peer',
            connections: c,
            gql: p,
            bare: b,
            statements: peerSide.sql.length,
          });
          o.log(
            `  ${peerSide.label} @${c}: ${p.perSecond.toFixed(0)}/s p99 ${p.p99.toFixed(1)} ms` +
              (p.errors > 0 ? `  errors ${p.errors}: ${p.firstError}` : ''),
          );
        }
      }
      rows.push(...peerRows);
      if (peerSide) sqlByOp.set(peerSide.label, peerSide.sql);
      // ---- end peer ----
    }

    // ---- writes: confirmService on fresh REPORTED claims, redeem against members' points ----
    const writes = ['confirmService', 'redeem (1 line)'].filter((op) => picked(o.only, op));
    const perLevel = writes.length === 0 ? 0 : Math.ceil(o.seconds * 1500) + 200;
    const total = perLevel * (o.levels.length + 1);
    o.log(`  preparing ${total} reported claims and ${total} baskets...`);
    const claimRequests =
      total > 0
        ? await prepareClaims(
            sql,
            total,
            runId,
            sites.map((s) => s.id),
          )
        : [];
    const baskets = total > 0 ? await prepareBaskets(sql, total) : [];
    const { confirmBodies, redeemBodies } = await writeBodies(claimRequests, baskets, `bench-${runId}`, token);
    for (const [op, bodies] of [
      ['confirmService', confirmBodies],
      ['redeem (1 line)', redeemBodies],
    ] as const) {
      if (!writes.includes(op)) continue;
      let next = 0;
      const slice = (n: number) => bodies.slice(next, (next += n));
      // Counted as the steady state runs it: the writer's member and roles already kept by the
      // server (auth/member-cache.ts), as they are after a member's first request.
      const counted = slice(1)[0]!;
      await once(gqlUrl, { body: JSON.stringify({ query: '{ __typename }' }), token: counted.token });
      const n = await countStatements(op, counted);
      for (const c of o.levels) {
        const { gql, cpu } = await measureWrite(gqlUrl, slice(perLevel), c);
        rows.push({ op, kind: 'write', connections: c, gql, statements: n, cpu });
        o.log(
          `  ${op} @${c}: ${gql.perSecond.toFixed(0)}/s p50 ${gql.p50.toFixed(1)} ms p99 ${gql.p99.toFixed(1)} ms` +
            cpuText(cpu) +
            (gql.errors > 0 ? `  errors ${gql.errors}: ${gql.firstError}` : ''),
        );
      }
      replay.push({ op, connections: 64, requests: bodies.slice(next), once: true });
    }

    // ---- the worst realistic write: 16 coordinators' confirmations at one site at once ----
    if (!o.only || o.only.split(',').some((name) => ONE_SITE.includes(name))) {
      // The sampled site with the most volunteers (of the 8 sampled each), so claims spread over them.
      const site = [...sites].sort((a, b) => b.volunteers.length - a.volunteers.length)[0]!;
      const count = Math.ceil(o.seconds * 1500) + 200;
      o.log(`  preparing ${count} reported claims at site ${site.id}...`);
      const claims = await prepareClaims(sql, count, `${runId}-one`, [site.id]);
      const { confirmBodies } = await writeBodies(claims, [], `bench-${runId}-one`, token);
      // Its statements are confirmService's (counted above when it ran, else here).
      const n =
        rows.find((r) => r.op === 'confirmService')?.statements ?? (await countStatements(ONE_SITE, confirmBodies[0]!));
      const { gql, cpu } = await measureWrite(gqlUrl, confirmBodies.slice(1), 16);
      rows.push({ op: ONE_SITE, kind: 'write', connections: 16, gql, statements: n, cpu });
      o.log(
        `  ${ONE_SITE}: ${gql.perSecond.toFixed(0)}/s p50 ${gql.p50.toFixed(1)} ms p99 ${gql.p99.toFixed(1)} ms` +
          cpuText(cpu) +
          (gql.errors > 0 ? `  errors ${gql.errors}: ${gql.firstError}` : ''),
      );
    }

    // The server alone in its own process, for its resident memory: the same reads and the
    // unused write bodies, at 64 connections (16 for the all-sites report).
    let child: ApiResult['child'];
    if (replay.length > 0) {
      o.log('  the server in its own process, for its resident memory...');
      const measured = await childServerMemory(o.url, JWT_SECRET, replay, Math.min(o.seconds, 3), load);
      o.log(
        `  its VmRSS after each replayed operation: ${measured.steps.map((s) => `${s.op} ${s.mb.toFixed(0)} MB (${s.perSecond.toFixed(0)}/s)`).join(', ')}`,
      );
      child = measured;
    }

    const mem = settledMemory();
    return {
      rows,
      sql: sqlByOp,
      statements: statementsByOp,
      rssMb: mem.rss / 2 ** 20,
      heapMb: mem.heapUsed / 2 ** 20,
      rssAtStartMb,
      child,
      month,
      data,
    };
  } finally {
    load.close();
    await peer?.peer.stop();
    await bare?.close();
    await server?.close();
    await prep.close();
  }
}

class Rollback extends Error {}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement each operation ran, replayed with its own
 * parameters inside a transaction that is rolled back (a write's replay changes nothing; its
 * idempotency keys are already taken, so an insert shows the conflict path).
 */
export async function explainAll(url: string, statements: Map<string, Captured[]>): Promise<string> {
  const handle = await openDb({ url, migrate: false, poolSize: 1 });
  const out: string[] = [];
  try {
    for (const [op, list] of statements) {
      out.push(`### ${op}`, '');
      try {
        await handle.sql!.begin(async (tx) => {
          for (const q of list) {
            const text = q.text.trim();
            if (/^(begin|commit|rollback)\b/i.test(text)) continue;
            if (/^set /i.test(text)) {
              await tx.unsafe(text);
              out.push('```sql', `${text};`, '```', '');
              continue;
            }
            out.push('```sql', `${text};`, '```', '```');
            try {
              // A savepoint each: a replayed insert that trips a key does not end the others.
              const plan = await tx.savepoint((sp) =>
                sp.unsafe(`explain (analyze, buffers) ${text}`, q.params as never[]),
              );
              for (const row of plan) out.push(String(row['QUERY PLAN']));
            } catch (error) {
              out.push(`(replay refused: ${String(error)})`);
            }
            out.push('```', '');
          }
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) out.push(`(explain failed: ${String(error)})`, '');
      }
    }
  } finally {
    await handle.close();
  }
  return out.join('\n');
}
