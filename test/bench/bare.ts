// The bare baseline: express 5 + postgres-js, no GraphQL, running the same SQL statements (in the
// same order and number) that the GraphQL server runs for each read, and answering with the same
// data as JSON. The ratio bare/GraphQL is what our GraphQL layer (parse, validate, execute,
// resolvers, DataLoaders, serialization) costs on top of the database work.
//
// No statement of a measured read is retyped: each is captured, text and parameters, from the
// query function the server calls (needQueries.firstNeedsPage, ledgerQueries.
// memberAccountsAndFirstTransfers, reportQueries.siteFigures, visitQueries.coverageOfSiteMonth)
// through the driver's debug hook, and replayed; rows are read by the tables' own column lists.
// So the bare server reads what the GraphQL server reads, column for column, as the schema grows.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { getTableColumns } from 'drizzle-orm';
import { ledgerQueries, needQueries, openDb, reportQueries, tables, visitQueries, type DbHandle } from '@huzhu/db';

// express is the server package's dependency: load it from there (the test package adds none).
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));
interface Req {
  body: unknown;
}
interface Res {
  json(value: unknown): void;
}
interface ExpressApp {
  (req: IncomingMessage, res: ServerResponse): void;
  use(handler: unknown): void;
  post(path: string, handler: (req: Req, res: Res) => Promise<void>): void;
}
const express = requireFromServer('express') as { (): ExpressApp; json(): unknown };

type Sql = NonNullable<DbHandle['sql']>;
type Captured = { text: string; params: unknown[] };

/** A table's column names, in the order drizzle selects them and jsonRow builds its arrays. */
const columns = (t: object) => Object.values(getTableColumns(t as never)).map((c) => (c as { name: string }).name);
const NEED = columns(tables.needs);
const MEMBER = columns(tables.members);
const CLAIM = columns(tables.claims);
const TRANSFER = columns(tables.transfers);
const ACCOUNT = columns(tables.accounts);
const SITE = columns(tables.sites);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the bare driver, as postgres-js types them
type Loose = Record<string, any>;
/** Columns by name from a row read as an array (a join reads two tables with the same names). */
const pick = (cols: string[], row: readonly unknown[], offset: number): Loose => {
  const o: Loose = {};
  for (let i = 0; i < cols.length; i++) o[cols[i]!] = row[offset + i];
  return o;
};
/** A parameter value that stands for the member or site while a statement is captured. */
const STAND_IN = 987_654_321;
const replay = (q: Captured, value: number) => q.params.map((p) => (p === STAND_IN ? value : p));

/** The bare server's routes, one per measured read, in the order the bench measures them. */
export const BARE_ROUTES = ['needs', 'viewer', 'visitCoverage', 'siteReport', 'siteReports'] as const;

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Captures the report statement(s) for each site (and for all sites) of the month, and each site's
 * visit coverage statement.
 */
export async function captureReports(url: string, month: string, siteIds: readonly number[]) {
  const handle = await openDb({ url, migrate: false, poolSize: 1 });
  const seen: Captured[] = [];
  (handle.sql!.options as unknown as { debug: unknown }).debug = (_id: number, text: string, params: unknown[]) =>
    seen.push({ text, params: [...params] });
  const take = async (run: () => Promise<unknown>, mark: string) => {
    seen.length = 0;
    await run();
    const q = seen.find((s) => s.text.includes(mark));
    if (!q) throw new Error(`the statement with ${mark} was not captured`);
    return q;
  };
  const figures = (siteId?: number) =>
    take(() => reportQueries.siteFigures(handle.db, `${month}-01`, siteId), '"site_months"');
  const bySite = new Map<number, Captured>();
  const coverage = new Map<number, Captured>();
  try {
    // The needs page and the viewer's page as the services ask for them, the site or member a
    // stand-in that replay() swaps for the request's own.
    const needsPage = await take(
      () =>
        needQueries.firstNeedsPage(
          handle.db,
          { siteId: STAND_IN, status: 'OPEN', category: undefined, from: undefined, to: undefined },
          21,
          { withClaims: true },
        ),
      '"needs"',
    );
    const viewerPage = await take(
      () => ledgerQueries.memberAccountsAndFirstTransfers(handle.db, STAND_IN, 21),
      '"transfers"',
    );
    for (const id of siteIds) {
      bySite.set(id, await figures(id));
      coverage.set(id, await take(() => visitQueries.coverageOfSiteMonth(handle.db, id, `${month}-01`), 'parts'));
    }
    const all = await figures();
    return { bySite, all, coverage, needsPage, viewerPage };
  } finally {
    await handle.close();
  }
}

export async function startBare(
  url: string,
  reports: Awaited<ReturnType<typeof captureReports>>,
  poolSize = 10,
): Promise<BareServer> {
  const handle = await openDb({ url, migrate: false, poolSize });
  const raw: Sql = handle.sql!;
  // Named prepared statements, as the server's client runs them (db/src/open.ts, preparing()).
  const sql = {
    unsafe: (text: string, params: unknown[] = []) =>
      raw.unsafe(text, params as never[], { prepare: params.length > 0 }),
    /** Rows as arrays, for joins whose two tables share column names (as drizzle reads them). */
    arrays: (text: string, params: unknown[]) =>
      raw.unsafe(text, params as never[], { prepare: true }).values() as Promise<unknown[][]>,
  };
  const app = express();
  app.use(express.json());

  // What viewerFromToken reads for a member it does not hold yet: the member and their roles. The
  // server keeps them per process until the database announces a change (auth/member-cache.ts);
  // so does this, and in the steady state neither reads them.
  const known = new Map<number, Loose>();
  const viewer = async (memberId: number) => {
    const kept = known.get(memberId);
    if (kept) return kept;
    const [member] = await sql.unsafe(
      `select ${MEMBER.map((c) => `"${c}"`).join(', ')}, coalesce((select json_agg(json_build_object('siteId', m.site_id, 'role', m.role) order by m.id) from "memberships" m where m.member_id = "members"."id"), '[]'::json) as roles from "members" where "members"."id" = $1`,
      [memberId],
    );
    if (!member) throw new Error('no such member');
    known.set(memberId, member);
    return member;
  };
  app.post('/needs', async (req, res) => {
    const { memberId, siteId } = req.body as { memberId: number; siteId: number };
    await viewer(memberId);
    // The server's one statement (firstNeedsPage with claims): each need with its beneficiary,
    // the total, and its claims with their volunteers as JSON arrays.
    const list = await sql.arrays(reports.needsPage.text, replay(reports.needsPage, siteId));
    const count = { count: Number(list[0]?.at(-2) ?? 0) };
    const page = list.slice(0, 20).map((r) => pick(NEED, r, 0));
    const beneficiaries = list.slice(0, 20).map((r) => pick(MEMBER, r, NEED.length));
    const joined = list.slice(0, 20).flatMap((r) => r.at(-1) as [unknown[], unknown[]][]);
    const claims = joined.map(([c]) => pick(CLAIM, c, 0));
    const volunteers = joined.map(([, v]) => pick(MEMBER, v, 0));
    const byId = new Map([...beneficiaries, ...volunteers].map((m) => [Number(m.id), m]));
    res.json({
      data: {
        needs: {
          totalCount: Number(count!.count),
          edges: page.map((n) => ({
            node: {
              id: `need_${n.id}`,
              title: n.title,
              category: n.category,
              startsAt: n.starts_at,
              slots: n.slots,
              status: n.status,
              beneficiary: { id: `mem_${n.beneficiary_id}`, name: byId.get(Number(n.beneficiary_id))?.name },
              claims: claims
                .filter((c) => Number(c.need_id) === Number(n.id))
                .map((c) => ({
                  id: `claim_${c.id}`,
                  status: c.status,
                  volunteer: { id: `mem_${c.volunteer_id}`, name: byId.get(Number(c.volunteer_id))?.name },
                })),
            },
          })),
        },
      },
    });
  });

  app.post('/viewer', async (req, res) => {
    const { memberId } = req.body as { memberId: number };
    const me = await viewer(memberId);
    // The server's one statement (memberAccountsAndFirstTransfers): the page, its total and the
    // accounts as JSON beside each row (the sampled members all have transfers).
    const rows = await sql.arrays(reports.viewerPage.text, replay(reports.viewerPage, memberId));
    const accounts = ((rows[0]?.at(-1) ?? []) as unknown[][]).map((a) => pick(ACCOUNT, a, 0));
    const count = { count: Number(rows[0]?.at(-2) ?? 0) };
    res.json({
      data: {
        viewer: {
          id: `mem_${me.id}`,
          name: me.name,
          balance: {
            minutes: Number(accounts.find((a) => a.unit === 'MINUTES')?.balance ?? 0),
            points: Number(accounts.find((a) => a.unit === 'POINTS')?.balance ?? 0),
          },
          transfers: {
            totalCount: count!.count,
            edges: rows
              .slice(0, 20)
              .map((r) => pick(TRANSFER, r, 0))
              .map((t) => ({
                node: {
                  id: `tr_${t.id}`,
                  unit: t.unit,
                  amount: Number(t.amount),
                  kind: t.kind,
                  createdAt: t.created_at,
                  memo: t.memo,
                },
              })),
          },
        },
      },
    });
  });

  // The coverage statement's columns: the part, then the site's, the member's and the visit's.
  const siteCols = SITE;
  const memberCols = MEMBER;
  const visitCols = columns(tables.visits);
  app.post('/visitCoverage', async (req, res) => {
    const { memberId, siteId, month } = req.body as { memberId: number; siteId: number; month: string };
    await viewer(memberId);
    // As the server: the site and the whole month's round in one statement (coverageOfSiteMonth).
    const rows = await sql.arrays(reports.coverage.get(siteId)!.text, reports.coverage.get(siteId)!.params);
    const at = { member: 1 + siteCols.length, visit: 1 + siteCols.length + memberCols.length };
    const due: Loose[] = [];
    const dueById = new Map<number, Loose>();
    const visits: { v: Loose; elder: Loose }[] = [];
    for (const r of rows) {
      const part = Number(r[0]);
      const member = r[at.member] === null ? undefined : pick(memberCols, r, at.member);
      if (part === 1 && member) {
        due.push(member);
        dueById.set(Number(member.id), member);
      } else if (part === 2) {
        const v = pick(visitCols, r, at.visit);
        const elder = member ?? dueById.get(Number(v.elder_id));
        if (elder) visits.push({ v, elder });
      }
    }
    const visited = new Set(visits.filter((x) => x.v.elder_found).map((x) => Number(x.v.elder_id)));
    const unvisited = due.filter((d) => !visited.has(Number(d.id)));
    res.json({
      data: {
        visitCoverage: {
          month,
          dueCount: due.length,
          visitedCount: due.length - unvisited.length,
          rate: due.length === 0 ? null : (due.length - unvisited.length) / due.length,
          unvisited: unvisited.map((d) => ({ id: `mem_${d.id}`, name: d.name })),
          visits: visits.map(({ v, elder }) => ({
            id: `visit_${v.id}`,
            visitedAt: v.visited_at,
            followUpNeeded: v.follow_up_needed,
            elder: { id: `mem_${elder.id}`, name: elder.name },
          })),
        },
      },
    });
  });

  const figures = (q: Captured) => sql.arrays(q.text, q.params);

  app.post('/siteReport', async (req, res) => {
    const { memberId, siteId, month } = req.body as { memberId: number; siteId: number; month: string };
    await viewer(memberId);
    // The site comes in the figures' row, after them (reportQueries.siteFigures).
    const [f] = await figures(reports.bySite.get(siteId)!);
    res.json({ data: { siteReport: { month, site: siteOf(f!), ...figuresOf(f) } } });
  });

  app.post('/siteReports', async (req, res) => {
    const { memberId, month } = req.body as { memberId: number; month: string };
    await viewer(memberId);
    const rows = await figures(reports.all);
    const list = rows.map((r) => ({ month, site: siteOf(r), ...figuresOf(r) }));
    list.sort(
      (a, b) =>
        (a.visitRate ?? Infinity) - (b.visitRate ?? Infinity) || a.site.name.localeCompare(b.site.name, 'zh-CN'),
    );
    res.json({ data: { siteReports: list } });
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}

/** The site's columns follow the eight figures in a report row. */
function siteOf(row: unknown[]) {
  const site = pick(SITE, row, 8);
  return { id: `site_${site.id}`, name: site.name };
}

/** A row of the report statement, its columns in reportQueries.siteFigures' order. */
function figuresOf(f: unknown[] | undefined) {
  const [minutes, volunteers, posted, completed, issued, redeemed, due, visited] = (f ?? []).slice(0, 8).map(Number);
  return {
    serviceMinutes: minutes ?? 0,
    activeVolunteers: volunteers ?? 0,
    needsPosted: posted ?? 0,
    needsCompleted: completed ?? 0,
    pointsIssued: issued ?? 0,
    pointsRedeemed: redeemed ?? 0,
    visitRate: !due ? null : (visited ?? 0) / due,
  };
}
