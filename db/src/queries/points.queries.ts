// SQL for points that stay local (issue 18): a member's points per site (held, pending under public
// notice), the notice board's credited service, objections, and the points seasons. A member has
// one points account; which site's points they are is read from each transfer's books (its
// site_id, else the site of the account on the other side, as for an ISSUANCE from a pool).
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { ObjectionRow, PointsSeasonRow } from '../rows';
import { rowsOf } from './invariants.queries';
import { objections, pointsSeasons, sites } from '../schema/index';

/** A member's points on one site's books. */
export interface SitePointsRow {
  memberId: number;
  siteId: number;
  /** Credited on the site's books minus debited on them (redemptions, reversals, expiries). */
  held: number;
  /** Service credits still under public notice, or under an open objection. */
  pending: number;
  /** held - pending, never below zero: what the member may spend at the site. */
  available: number;
}

/**
 * Points per member and site, in one statement: for these members (all members with `memberIds`
 * undefined) and, when given, one site only. `now` is the instant the notice periods are judged
 * at: a credit is pending while created_at > now - the site's notice days (the site's notice
 * on), or while an objection to its service is open. A reversed credit is never pending (its
 * reversal already took it out of `held`).
 */
export async function pointsBySite(
  ex: Executor,
  filter: { memberIds?: readonly number[]; siteId?: number },
  now: Date,
): Promise<SitePointsRow[]> {
  const members =
    filter.memberIds === undefined
      ? sql`true`
      : filter.memberIds.length === 0
        ? sql`false`
        : sql`a.member_id IN (${sql.join(
            filter.memberIds.map((id) => sql`${id}`),
            sql`, `,
          )})`;
  const site = filter.siteId === undefined ? sql`true` : sql`m.site_id = ${filter.siteId}`;
  const at = now.toISOString();
  const rows = rowsOf(
    await ex.execute(sql`
      WITH acct AS (
        SELECT a.id, a.member_id FROM accounts a
        WHERE a.owner = 'MEMBER' AND a.unit = 'POINTS' AND ${members}
      ),
      moves AS (
        SELECT a.member_id, coalesce(t.site_id, o.site_id) AS site_id, t.amount AS delta, t.id,
               t.kind::text AS kind, t.created_at, t.claim_id, t.visit_id, true AS incoming
        FROM acct a JOIN transfers t ON t.credit_account_id = a.id JOIN accounts o ON o.id = t.debit_account_id
        UNION ALL
        SELECT a.member_id, coalesce(t.site_id, o.site_id), -t.amount, t.id,
               t.kind::text, t.created_at, t.claim_id, t.visit_id, false
        FROM acct a JOIN transfers t ON t.debit_account_id = a.id JOIN accounts o ON o.id = t.credit_account_id
      )
      SELECT m.member_id::int AS "memberId", m.site_id::int AS "siteId",
        sum(m.delta)::int AS held,
        coalesce(sum(m.delta) FILTER (
          WHERE m.incoming AND m.kind IN ('SERVICE_CREDIT', 'VISIT_CREDIT')
            AND NOT EXISTS (SELECT 1 FROM transfers r WHERE r.reverses_id = m.id)
            AND (
              (s.public_notice AND m.created_at > ${at}::timestamptz - make_interval(days => s.notice_days))
              OR EXISTS (
                SELECT 1 FROM objections ob
                WHERE ob.status = 'OPEN' AND (ob.claim_id = m.claim_id OR ob.visit_id = m.visit_id)
              )
            )
        ), 0)::int AS pending
      FROM moves m JOIN sites s ON s.id = m.site_id
      WHERE ${site}
      GROUP BY m.member_id, m.site_id
      ORDER BY m.member_id, m.site_id`),
  );
  return rows.map((r) => {
    const held = Number(r.held);
    const pending = Number(r.pending);
    return {
      memberId: Number(r.memberId),
      siteId: Number(r.siteId),
      held,
      pending,
      available: Math.max(0, held - pending),
    };
  });
}

/** One credited service on the notice board: a confirmed claim's or a banked visit's credits. */
export interface CreditedServiceRow {
  claimId: number | null;
  visitId: number | null;
  volunteerId: number;
  volunteerName: string;
  /** The need's title, or the visited elder's name. */
  title: string;
  minutes: number;
  points: number;
  creditedAt: Date;
  /** The service's first credit transfer: what an objection names. */
  transferId: number;
  /** Whether its credits were reversed (an objection upheld against it, or a coordinator). */
  reversed: boolean;
}

/**
 * The service credited on the site's books in [from, to): one row per claim or visit, by
 * volunteer name then date.
 */
export async function creditedService(
  ex: Executor,
  siteId: number,
  from: Date,
  to: Date,
): Promise<CreditedServiceRow[]> {
  const rows = rowsOf(
    await ex.execute(sql`
      SELECT t.claim_id::int AS "claimId", t.visit_id::int AS "visitId", a.member_id::int AS "volunteerId",
        mb.name AS "volunteerName", coalesce(max(t.memo), '') AS title,
        coalesce(sum(t.amount) FILTER (WHERE t.unit = 'MINUTES'), 0)::int AS minutes,
        coalesce(sum(t.amount) FILTER (WHERE t.unit = 'POINTS'), 0)::int AS points,
        min(t.created_at) AS "creditedAt", min(t.id)::int AS "transferId",
        bool_or(EXISTS (SELECT 1 FROM transfers r WHERE r.reverses_id = t.id)) AS reversed
      FROM transfers t
      JOIN accounts a ON a.id = t.credit_account_id AND a.owner = 'MEMBER'
      JOIN members mb ON mb.id = a.member_id
      WHERE t.site_id = ${siteId} AND t.kind IN ('SERVICE_CREDIT', 'VISIT_CREDIT')
        AND t.created_at >= ${from.toISOString()}::timestamptz AND t.created_at < ${to.toISOString()}::timestamptz
      GROUP BY t.claim_id, t.visit_id, a.member_id, mb.name
      ORDER BY mb.name, min(t.created_at), min(t.id)`),
  );
  return rows.map((r) => ({
    claimId: r.claimId == null ? null : Number(r.claimId),
    visitId: r.visitId == null ? null : Number(r.visitId),
    volunteerId: Number(r.volunteerId),
    volunteerName: String(r.volunteerName),
    title: String(r.title),
    minutes: Number(r.minutes),
    points: Number(r.points),
    creditedAt: r.creditedAt instanceof Date ? r.creditedAt : new Date(String(r.creditedAt)),
    transferId: Number(r.transferId),
    reversed: r.reversed === true || r.reversed === 't',
  }));
}

/** The credit transfers of a claim's or a visit's service not yet reversed, by id (minutes first). */
export async function unreversedCredits(
  ex: Executor,
  service: { claimId: number | null; visitId: number | null },
): Promise<{ id: number; unit: string; amount: number; kind: string }[]> {
  const which = service.claimId !== null ? sql`t.claim_id = ${service.claimId}` : sql`t.visit_id = ${service.visitId}`;
  const rows = rowsOf(
    await ex.execute(sql`
      SELECT t.id::int AS id, t.unit::text AS unit, t.amount::int AS amount, t.kind::text AS kind FROM transfers t
      WHERE ${which} AND t.kind IN ('SERVICE_CREDIT', 'VISIT_CREDIT', 'WITHDRAWAL')
        AND NOT EXISTS (SELECT 1 FROM transfers r WHERE r.reverses_id = t.id)
      ORDER BY t.id`),
  );
  return rows.map((r) => ({ id: Number(r.id), unit: String(r.unit), amount: Number(r.amount), kind: String(r.kind) }));
}

export type NewObjection = typeof objections.$inferInsert;

/** Writes the objection unless its service already has an open one (undefined then). */
export async function insertObjection(ex: Executor, row: NewObjection): Promise<ObjectionRow | undefined> {
  const [inserted] = await ex.insert(objections).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function objectionById(ex: Executor, id: number, forUpdate = false): Promise<ObjectionRow | undefined> {
  const q = ex.select().from(objections).where(eq(objections.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The open objection of a service, if any. */
export async function openObjectionOf(
  ex: Executor,
  service: { claimId: number | null; visitId: number | null },
): Promise<ObjectionRow | undefined> {
  const [row] = await ex
    .select()
    .from(objections)
    .where(
      and(
        eq(objections.status, 'OPEN'),
        service.claimId !== null ? eq(objections.claimId, service.claimId) : eq(objections.visitId, service.visitId!),
      ),
    );
  return row;
}

/** Closes an OPEN objection; undefined when it was no longer open. */
export async function resolveObjection(
  ex: Executor,
  id: number,
  set: { status: 'UPHELD' | 'REVERSED'; resolvedBy: number | null; resolutionNote: string | null; resolveKey: string },
): Promise<ObjectionRow | undefined> {
  const [row] = await ex
    .update(objections)
    .set({ ...set, resolvedAt: sql`now()` })
    .where(and(eq(objections.id, id), eq(objections.status, 'OPEN')))
    .returning();
  return row;
}

/** The site's objections raised since `since`, and every one still open, newest first. */
export async function siteObjections(ex: Executor, siteId: number, since: Date): Promise<ObjectionRow[]> {
  return ex
    .select()
    .from(objections)
    .where(
      and(
        eq(objections.siteId, siteId),
        or(eq(objections.status, 'OPEN'), sql`${objections.raisedAt} >= ${since.toISOString()}::timestamptz`),
      ),
    )
    .orderBy(desc(objections.id));
}

/** Sites whose points expire at a season end. */
export async function sitesWithSeasons(ex: Executor) {
  return ex
    .select()
    .from(sites)
    .where(sql`${sites.pointsSeasonEnd} IS NOT NULL`);
}

/** Marks the season warned of; undefined when it already was. */
export async function startSeasonWarning(
  ex: Executor,
  siteId: number,
  seasonEnd: string,
): Promise<PointsSeasonRow | undefined> {
  const [row] = await ex.insert(pointsSeasons).values({ siteId, seasonEnd }).onConflictDoNothing().returning();
  return row;
}

/** Claims the season's expiry: the warned season not expired yet, marked expired now (undefined otherwise). */
export async function claimSeasonExpiry(
  ex: Executor,
  siteId: number,
  seasonEnd: string,
): Promise<PointsSeasonRow | undefined> {
  const [row] = await ex
    .update(pointsSeasons)
    .set({ expiredAt: sql`now()` })
    .where(
      and(eq(pointsSeasons.siteId, siteId), eq(pointsSeasons.seasonEnd, seasonEnd), isNull(pointsSeasons.expiredAt)),
    )
    .returning();
  return row;
}

/** An objection with the names the notice board prints: the volunteer, who raised it, who resolved it, the service. */
export interface ObjectionView extends ObjectionRow {
  volunteerName: string;
  raisedByName: string;
  resolvedByName: string | null;
  /** The need's title, or the visited elder's name. */
  title: string;
}

export async function objectionViews(ex: Executor, ids: readonly number[]): Promise<ObjectionView[]> {
  if (ids.length === 0) return [];
  const rows = await ex
    .select()
    .from(objections)
    .where(inArray(objections.id, [...ids]));
  const names = rowsOf(
    await ex.execute(sql`
      SELECT o.id::int AS id, v.name AS "volunteerName", r.name AS "raisedByName", x.name AS "resolvedByName",
        coalesce((SELECT t.memo FROM transfers t
                  WHERE t.kind IN ('SERVICE_CREDIT', 'VISIT_CREDIT')
                    AND (t.claim_id = o.claim_id OR t.visit_id = o.visit_id)
                  ORDER BY t.id LIMIT 1), '') AS title
      FROM objections o
      JOIN members v ON v.id = o.volunteer_id
      JOIN members r ON r.id = o.raised_by
      LEFT JOIN members x ON x.id = o.resolved_by
      WHERE o.id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`),
  );
  const byId = new Map(names.map((n) => [Number(n.id), n]));
  return rows
    .map((row) => {
      const n = byId.get(row.id)!;
      return {
        ...row,
        volunteerName: String(n.volunteerName),
        raisedByName: String(n.raisedByName),
        resolvedByName: n.resolvedByName == null ? null : String(n.resolvedByName),
        title: String(n.title),
      };
    })
    .sort((a, b) => b.id - a.id);
}
