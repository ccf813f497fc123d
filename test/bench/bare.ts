// The bare baseline: express 5 + postgres-js, no GraphQL, running the same SQL statements (in the
// same order and number) that the GraphQL server runs for each read, and answering with the same
// data as JSON. The ratio bare/GraphQL is what our GraphQL layer (parse, validate, execute,
// resolvers, DataLoaders, serialization) costs on top of the database work.
//
// The statements are copied from db/src/queries (what onQuery captured; docs/perf.md lists them).
// The report's and the visit coverage's statements are not retyped: they are captured, text and
// parameters, from reportQueries.siteFigures and visitQueries.coverageOfSiteMonth themselves
// through the driver's debug hook, and replayed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { getTableColumns } from 'drizzle-orm';
import { openDb, reportQueries, tables, visitQueries, type DbHandle } from '@huzhu/db';

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

const MEMBER_COLS = `"id", "site_id", "name", "phone", "password_hash", "birth_year", "address", "care_categories", "created_at"`;
const NEED_COLS = `"id", "site_id", "title", "description", "category", "beneficiary_id", "starts_at", "estimated_minutes", "slots", "payer", "status", "created_by", "created_at", "cancelled_at", "cancel_reason", "completed_at"`;
const CLAIM_COLS = `"id", "need_id", "volunteer_id", "status", "claimed_at", "checked_in_at", "reported_at", "reported_minutes", "report_note", "settled_at", "settled_by", "confirmed_minutes", "points_awarded", "reject_reason", "confirm_key"`;
const TRANSFER_COLS = `"id", "unit", "amount", "debit_account_id", "credit_account_id", "kind", "site_id", "idempotency_key", "request_hash", "memo", "reverses_id", "claim_id", "redemption_id", "created_by", "created_at"`;
const SITE_COLS = `"id", "name", "county", "township", "village", "time_zone", "points_per_hour", "points_expiry_months", "created_at"`;

// Columns by name from a row read as an array (a join reads two tables with the same names). The
// names are split once per list, as a hand-written server would keep them, not once per row.
const namesOf = new Map<string, string[]>();
const names = (list: string) => {
  let kept = namesOf.get(list);
  if (!kept) namesOf.set(list, (kept = list.split(', ').map((c) => c.replaceAll('"', ''))));
  return kept;
};
const qualified = (table: string, list: string) =>
  list
    .split(', ')
    .map((c) => `"${table}".${c}`)
    .join(', ');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the bare driver, as postgres-js types them
type Loose = Record<string, any>;
const objectOf = (list: string, row: unknown[], offset: number): Loose =>
  Object.fromEntries(names(list).map((n, i) => [n, row[offset + i]]));
const needOf = (r: unknown[]) => objectOf(NEED_COLS, r, 0);
const claimOf = (r: unknown[]) => objectOf(CLAIM_COLS, r, 0);
const memberOf = (r: unknown[], offset: number) => objectOf(MEMBER_COLS, r, offset);

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
    for (const id of siteIds) {
      bySite.set(id, await figures(id));
      coverage.set(id, await take(() => visitQueries.coverageOfSiteMonth(handle.db, id, `${month}-01`), 'parts'));
    }
    const all = await figures();
    return { bySite, all, coverage };
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
      `select ${MEMBER_COLS}, coalesce((select json_agg(json_build_object('siteId', m.site_id, 'role', m.role) order by m.id) from "memberships" m where m.member_id = "members"."id"), '[]'::json) as roles from "members" where "members"."id" = $1`,
      [memberId],
    );
    if (!member) throw new Error('no such member');
    known.set(memberId, member);
    return member;
  };
  app.post('/needs', async (req, res) => {
    const { memberId, siteId } = req.body as { memberId: number; siteId: number };
    await viewer(memberId);
    // One statement, as firstNeedsPage with claims: each need's claims and volunteers as JSON arrays.
    const list = await sql.arrays(
      `select ${qualified('needs', NEED_COLS)}, ${qualified('members', MEMBER_COLS)}, count(*) over () as total, coalesce((select json_agg(json_build_array(json_build_array(${qualified('c', CLAIM_COLS)}), json_build_array(${qualified('v', MEMBER_COLS)})) order by "c"."id") from "claims" "c" inner join "members" "v" on "v"."id" = "c"."volunteer_id" where "c"."need_id" = "needs"."id"), '[]'::json) from "needs" inner join "members" on "members"."id" = "needs"."beneficiary_id" where ("needs"."site_id" = $1 and "needs"."status" = $2) order by "needs"."starts_at" asc, "needs"."id" asc limit $3`,
      [siteId, 'OPEN', 21],
    );
    const count = { count: Number(list[0]?.at(-2) ?? 0) };
    const page = list.slice(0, 20).map((r) => needOf(r));
    const beneficiaries = list.slice(0, 20).map((r) => memberOf(r, 16));
    const joined = list.slice(0, 20).flatMap((r) => r.at(-1) as [unknown[], unknown[]][]);
    const claims = joined.map(([c]) => claimOf(c));
    const volunteers = joined.map(([, v]) => memberOf(v, 0));
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
    // One statement, as memberAccountsAndFirstTransfers: the page, its total and the accounts as
    // JSON beside each row (the sampled members all have transfers).
    const rows = await sql.unsafe(
      `select ${qualified('transfers', TRANSFER_COLS)}, count(*) over () as total, (select json_agg(json_build_array("a"."id", "a"."owner", "a"."unit", "a"."member_id", "a"."site_id", "a"."balance", "a"."created_at") order by "a"."id") from "accounts" "a" where "a"."member_id" = $1) as accounts from "transfers" inner join "accounts" on ("accounts"."id" = "transfers"."debit_account_id" or "accounts"."id" = "transfers"."credit_account_id") where "accounts"."member_id" = $1 order by "transfers"."id" desc limit $2`,
      [memberId, 21],
    );
    const accounts = ((rows[0]?.accounts ?? []) as unknown[][]).map((a) => ({ unit: a[2], balance: a[5] }));
    const count = { count: Number(rows[0]?.total ?? 0) };
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
            edges: rows.slice(0, 20).map((t) => ({
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
  const columns = (t: object) => Object.values(getTableColumns(t as never)).map((c) => (c as { name: string }).name);
  const siteCols = columns(tables.sites);
  const memberCols = columns(tables.members);
  const visitCols = columns(tables.visits);
  const pick = (cols: string[], row: unknown[], offset: number): Loose =>
    Object.fromEntries(cols.map((n, i) => [n, row[offset + i]]));
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
  const site = objectOf(SITE_COLS, row, 8);
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
