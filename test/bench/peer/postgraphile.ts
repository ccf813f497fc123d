// A real peer for the needs page: PostGraphile, what a team would run instead of writing a GraphQL
// server, over the same tables. This side starts it in a process of its own
// (./postgraphile-server.ts), checks that it answers the same needs as our API for every sampled
// site, captures the SQL it runs for one page, and measures it beside our GraphQL and the bare
// baseline.
//
// Version: PostGraphile 4.14 (a devDependency of the test package). PostGraphile 5 declares
// Node >= 22; on this Node 20 its connection fields failed ("Cannot read properties of undefined
// (reading 'items')"). 4.14.1, the last v4 release, runs on Node 20.
//
// Authentication: none. The peer verifies no token and applies no row rules, like the bare
// baseline; our server verifies a JWT and checks the viewer's access on each request.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { JSONPgSmartTags } from 'postgraphile';
import type { LoadGenerator } from '../load';
import type { LoadJob } from '../load-child';
import { measureMirrored, measurePair, type Figures } from '../measure';

export const PEER_VERSION = (createRequire(import.meta.url)('postgraphile/package.json') as { version: string })
  .version;

/**
 * Smart tags, given to PostGraphile as its JSON smart-tags plugin (the database is not touched;
 * the app's migrations know nothing of the peer). With the pg-simplify-inflector plugin that the
 * docs recommend, no name clashes; with PostGraphile's own naming, the self-reference
 * transfers.reverses_id (unique) names both its directions `transferByReversesId` and the schema
 * does not build. Naming the backward one lets the peer build either way.
 */
export const SMART_TAGS: JSONPgSmartTags = {
  version: 1,
  config: { constraint: { transfers_reverses_fk: { tags: { foreignSingleFieldName: 'reversal' } } } },
};

/**
 * The needs page as PostGraphile serves it: one site's open needs, soonest first (starts_at, then
 * id, as ours), the first 20 with their total; each need's beneficiary and claims with their
 * volunteers, the fields our document (documents.ts Q.needs) asks for. PostGraphile's conditions
 * are equalities, so its claims include withdrawn ones, which ours leave out (its claims are
 * ordered by id; ours put no-shows last).
 */
export const PEER_NEEDS = `query Needs($siteId: BigInt!) { needs(condition: { siteId: $siteId, status: OPEN }, orderBy: [STARTS_AT_ASC, ID_ASC], first: 20) { totalCount edges { node { id title category startsAt slots status beneficiary { id name } claims(orderBy: [ID_ASC], first: 20) { nodes { id status volunteer { id name } } } } } } }`;

export interface Peer {
  url: string;
  /** The SQL statements it ran since the last clear (only when started with captureSql). */
  captured(): string[];
  clearCaptured(): void;
  stop(): Promise<void>;
}

/** Starts the peer on the database and resolves once its schema is built and it listens. */
export async function startPeer(url: string, options: { captureSql?: boolean } = {}): Promise<Peer> {
  const capture = options.captureSql ?? false;
  const child: ChildProcess = fork(fileURLToPath(new URL('./postgraphile-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    // PostGraphile's documented switch for its SQL log; off (and the log's cost away) otherwise.
    env: { ...process.env, PEER_DATABASE_URL: url, DEBUG: capture ? 'postgraphile:postgres' : '', DEBUG_COLORS: '0' },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (capture) stderr += chunk.toString('utf8');
    else process.stderr.write(chunk);
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`PostGraphile exited (${String(code)}) before it was ready:\n${stderr.slice(-2000)}`);
  });
  const [ready] = (await Promise.race([once(child, 'message'), exited])) as [{ url: string }];
  stderr = '';
  return {
    url: ready.url,
    // debug writes "<ISO time> postgraphile:postgres <statement>" when stderr is not a terminal.
    captured: () =>
      stderr
        .split(/^\S+ postgraphile:postgres /m)
        .map((s) => s.trim())
        .filter(Boolean),
    clearCaptured: () => {
      stderr = '';
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = once(child, 'exit');
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

type Requests = LoadJob['requests'];

/** The peer's request for each of ours, same site, same order (ours name the site `site_<id>`). */
export function peerRequests(ours: Requests): Requests {
  return ours.map((r) => {
    const site = (JSON.parse(r.body) as { variables: { siteId: string } }).variables.siteId;
    return { body: JSON.stringify({ query: PEER_NEEDS, variables: { siteId: site.replace(/^site_/, '') } }) };
  });
}

async function post(url: string, r: Requests[number]): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(r.token && { authorization: `Bearer ${r.token}` }) },
    body: r.body,
  });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || json.errors) throw new Error(`${url}: ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
  return json.data;
}

interface OurPage {
  needs: { totalCount: number; edges: { node: { id: string; claims: { id: string }[] } }[] };
}
interface PeerPage {
  needs: {
    totalCount: number;
    edges: { node: { id: string; claims: { nodes: { id: string; status: string }[] } } }[];
  };
}

/**
 * Each site's page from our API and from the peer: the same needs in the same order and the same
 * total, or the run stops. Claims that differ (beyond the withdrawn ones PostGraphile keeps) are
 * counted, not fatal: the two order and cap them differently.
 */
async function checkSamePages(ourUrl: string, ours: Requests, peerUrl: string, theirs: Requests) {
  const seen = new Set<string>();
  let pages = 0;
  let claimsDiffer = 0;
  for (const [i, r] of ours.entries()) {
    const p = theirs[i]!;
    if (seen.has(p.body)) continue;
    seen.add(p.body);
    const a = (await post(ourUrl, r)) as OurPage;
    const b = (await post(peerUrl, p)) as PeerPage;
    const ourIds = a.needs.edges.map((e) => e.node.id.replace(/^need_/, ''));
    const peerIds = b.needs.edges.map((e) => e.node.id);
    if (a.needs.totalCount !== b.needs.totalCount || ourIds.join() !== peerIds.join())
      throw new Error(
        `PostGraphile's needs page differs from ours for ${p.body.slice(-40)}:\n` +
          `  ours  (${a.needs.totalCount}): ${ourIds.join(' ')}\n  peer  (${b.needs.totalCount}): ${peerIds.join(' ')}`,
      );
    for (const [j, e] of a.needs.edges.entries()) {
      const mine = e.node.claims.map((c) => c.id.replace(/^claim_/, '')).sort();
      const peer = b.needs.edges[j]!.node.claims.nodes.filter((c) => c.status !== 'WITHDRAWN').map((c) => c.id);
      if (mine.join() !== peer.sort().join()) claimsDiffer++;
    }
    pages++;
  }
  return { pages, claimsDiffer };
}

export interface PreparedPeer {
  peer: Peer;
  label: string;
  requests: Requests;
  /** The SQL PostGraphile ran for one page (its debug log). */
  sql: string[];
}

/**
 * For the needs row: the peer started once with its SQL log on (to check every sampled site's
 * page against ours and keep the statements of one), then again without it, to be measured.
 */
export async function preparePeer(
  dbUrl: string,
  ourUrl: string,
  ours: Requests,
  log: (line: string) => void,
): Promise<PreparedPeer> {
  const requests = peerRequests(ours);
  const logging = await startPeer(dbUrl, { captureSql: true });
  let sql: string[];
  try {
    const { pages, claimsDiffer } = await checkSamePages(ourUrl, ours, logging.url, requests);
    log(
      `  PostGraphile ${PEER_VERSION}: the same needs as ours on all ${pages} sampled sites` +
        (claimsDiffer > 0 ? ` (${claimsDiffer} needs list other claims)` : ', and the same claims'),
    );
    logging.clearCaptured();
    await post(logging.url, requests[0]!);
    // The log line is written before the answer; give the pipe a moment to deliver it.
    for (let t = 0; t < 50 && logging.captured().length === 0; t++) await new Promise((r) => setTimeout(r, 20));
    sql = logging.captured();
  } finally {
    await logging.stop();
  }
  const peer = await startPeer(dbUrl);
  try {
    for (const r of requests.slice(0, 20)) await post(peer.url, r);
  } catch (error) {
    await peer.stop();
    throw error;
  }
  return {
    peer,
    label: `PostGraphile ${PEER_VERSION} (peer, no auth): the same needs page`,
    requests,
    sql,
  };
}

interface Side {
  url: string;
  requests: Requests;
}

/**
 * One read at one connection count: ours and bare in A-B-B-A halves (measurePair), or with the
 * peer, all three mirrored (G B P P B G): each gets the row's seconds and the same average of a
 * machine whose speed drifts within minutes.
 */
export async function measureRead(
  load: LoadGenerator,
  seconds: number,
  gql: Side,
  bare: Side,
  connections: number,
  peer?: PreparedPeer,
): Promise<{ gql: Figures; bare: Figures; peer?: Figures }> {
  if (!peer) return measurePair(load, seconds, gql, bare, connections);
  const [g, b, p] = await measureMirrored(
    load,
    seconds,
    [gql, bare, { url: peer.peer.url, requests: peer.requests }],
    connections,
  );
  return { gql: g!, bare: b!, peer: p! };
}
