// pnpm --filter @huzhu/test bench:profile <needs|viewer|visitCoverage|siteReport|typename|anonymous|
// confirmService|redeem> [seconds] [connections]: one operation against the real server on the bench data, with the server's CPU profiled (V8
// inspector, this process only; the load comes from the separate load generator). Writes
// /tmp/huzhu-<op>.cpuprofile (open it in Chrome DevTools; its CPU per request beside it, .json)
// and prints the top functions by self time.
// A read with ":bare" (needs:bare) profiles the bare baseline (bare.ts) instead, serving the same
// page to the same member: the two CPU figures per request are what the bench's ratio compares,
// and bench:profile-diff compares the two profiles package by package.
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { openDb } from '@huzhu/db';
import { startServer } from '@huzhu/server/start';
import { signToken } from '../../server/src/auth/tokens';
import { benchDatabaseUrl } from './county/database';
import { Q } from './documents';
import { LoadGenerator } from './load';
import { selfTimes } from './profile-read';
import { BARE_ROUTES, captureReports, startBare } from './bare';
import { prepareBaskets, prepareClaims, writeBodies } from './write-fixtures';

const [opArg = 'viewer', secondsArg = '8', connArg = '16'] = process.argv.slice(2);
const [op = 'viewer', variant] = opArg.split(':');
const onBare = variant === 'bare';
const url = benchDatabaseUrl();
const month = '2026-10';
const prep = await openDb({ url, migrate: false, poolSize: 1 });
const [site] = await prep.sql!`select s.id,
  (select member_id from memberships where site_id = s.id and role = 'COORDINATOR' limit 1) as coordinator,
  (select member_id from memberships where site_id = s.id and role = 'VOLUNTEER' limit 1) as volunteer
  from sites s order by s.id limit 1 offset 7`;
// A write consumes what it writes to: enough fixtures for the run at a generous rate.
const writes = Number(secondsArg) * 1500 + 8000;
const runId = randomBytes(4).toString('hex');
const claims =
  op === 'confirmService'
    ? await prepareClaims(
        prep.sql!,
        writes,
        runId,
        (await prep.sql!`select id from sites order by id limit 100`).map((r) => Number(r.id)),
      )
    : [];
const baskets = op === 'redeem' ? await prepareBaskets(prep.sql!, writes) : [];
await prep.close();
// The bare baseline runs alone in this process: the GraphQL server's background work (its job
// queue's polling) would count in the bare figure.
const bare = onBare ? await startBare(url, await captureReports(url, month, [Number(site!.id)])) : undefined;
const server = onBare
  ? undefined
  : await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: url,
      env: {
        JWT_SECRET: randomBytes(32).toString('hex'),
        RATE_LIMIT_PER_MINUTE: '100000000',
        ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}),
      },
      demoData: false,
      quiet: true,
    });
const jwtSecret = server?.config.jwtSecret ?? randomBytes(32);
const as = (id: unknown) => signToken(jwtSecret, Number(id));
const siteId = `site_${site!.id}`;
const bodies: Record<string, { query: string; variables?: object; member?: unknown }> = {
  // The fixed cost of a request: with a token (its check reads the member) and without.
  typename: { query: `{ __typename }`, member: site!.volunteer },
  anonymous: { query: `{ __typename }` },
  needs: {
    query: Q.needs,
    variables: { siteId },
    member: site!.coordinator,
  },
  viewer: {
    query: Q.viewer,
    member: site!.volunteer,
  },
  visitCoverage: {
    query: Q.visitCoverage,
    variables: { siteId, month },
    member: site!.coordinator,
  },
  siteReport: {
    query: Q.siteReport,
    variables: { siteId, month },
    member: site!.coordinator,
  },
};
const written = await writeBodies(claims, baskets, `profile-${runId}`, as);
const writeRequests = [...written.confirmBodies, ...written.redeemBodies];
const b = bodies[op];
if (!b && writeRequests.length === 0)
  throw new Error(`unknown operation ${op}; one of ${[...Object.keys(bodies), 'confirmService', 'redeem'].join(', ')}`);
if (onBare && (!b || !b.member || !(BARE_ROUTES as readonly string[]).includes(op)))
  throw new Error(`no bare route for ${op} here; one of ${BARE_ROUTES.filter((r) => bodies[r]).join(', ')}`);
const requests = onBare
  ? [{ body: JSON.stringify({ memberId: Number(b!.member), siteId: Number(site!.id), month }) }]
  : b
    ? [
        {
          body: JSON.stringify({ query: b.query, variables: b.variables }),
          ...(b.member ? { token: await as(b.member) } : {}),
        },
      ]
    : writeRequests;
// Writes: each request once, the first few thousand to warm up.
const once = !b;
const warm = once ? requests.splice(0, 4000) : requests;
const load = new LoadGenerator();
const target = bare ? `${bare.url}/${op}` : `${server!.url}/graphql`;
await load.run({ url: target, connections: 4, seconds: 2, requests: warm, once }); // warm-up
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
// CPU time of this process (the server) per request: steadier than requests per second on a
// machine whose other tenants come and go.
const cpuBefore = process.cpuUsage();
const result = await load.run({
  url: target,
  connections: Number(connArg),
  seconds: Number(secondsArg),
  requests,
  once,
});
const cpu = process.cpuUsage(cpuBefore);
const { profile } = await session.post('Profiler.stop');
load.close();
await (bare ?? server!).close();
const file = `/tmp/huzhu-${op}${onBare ? '-bare' : ''}.cpuprofile`;
writeFileSync(file, JSON.stringify(profile));
const cpuMsPerRequest = Number(((cpu.user + cpu.system) / 1000 / Math.max(1, result.latencies.length)).toFixed(3));
// Beside the profile, for bench:profile-diff: what one request cost the server in all.
writeFileSync(`${file}.json`, JSON.stringify({ op: opArg, cpuMsPerRequest }));
console.log(
  `${opArg} @${connArg}: ${(result.latencies.length / result.seconds).toFixed(0)} req/s, ` +
    `server CPU ${cpuMsPerRequest.toFixed(2)} ms a request ` +
    `(${((100 * cpu.system) / Math.max(1, cpu.user + cpu.system)).toFixed(0)}% in the kernel), ` +
    `${result.errors} errors${result.firstError ? ` (${result.firstError})` : ''}; profile in ${file}`,
);

// Self time by function, then by package.
const { total, byFunction: self, byPackage } = selfTimes(profile);
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, c) => c[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(
  `\nself time by function:\n${top(self, 25)}\n\nby package or file:\n${top(byPackage, Number(process.env.PROFILE_TOP ?? 25))}`,
);
