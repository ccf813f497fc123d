// SQL for claims: a volunteer's hold on a slot of a need, from taking it to its settling.
// Split from needs.queries.ts, which re-exports all of it, so needQueries still has every function.
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../open';
import { anyOf, rowById, runPrepared, updateById } from './prepared';
import type { ClaimRow, MemberRow, NeedRow, SiteRow } from '../rows';
import { claims, members, needs, sites } from '../schema/index';
import type { ClaimStatus, NeedStatus } from '../schema/enums.schema';

/**
 * Claims that hold a slot: all but those given back (withdrawn) or never served (no-show), and a
 * rejected claim only until it is closed (holdsSlot): closed claims are left out of
 * claimStatusCounts.
 */
export const SLOT_HOLDING: ClaimStatus[] = ['CLAIMED', 'CHECKED_IN', 'REPORTED', 'CONFIRMED', 'REJECTED'];

/** Whether the claim holds one of its need's slots (a rejected one until it is closed). */
export function holdsSlot(claim: Pick<ClaimRow, 'status' | 'closedAt'>): boolean {
  return SLOT_HOLDING.includes(claim.status) && claim.closedAt === null;
}
/**
 * The most claims of a need read for Need.claims (whose `first` is at most this). Withdrawn claims
 * are left out (their own path is the site's or the volunteer's claims by status), so a need's list
 * holds its slot holders (at most 50, the most slots a need has) and its no-shows, slot holders
 * first: this cap never hides a slot holder.
 */
export const MAX_LISTED_CLAIMS = 100;
/** How often one volunteer may give one need back before they may not claim it again. */
export const MAX_WITHDRAWALS = 3;

/**
 * Claims still in progress: a need with none of these left is settled (completed when some service
 * on it was confirmed). A rejected claim its volunteer may report again is not among them.
 */
export const IN_PROGRESS: ClaimStatus[] = ['CLAIMED', 'CHECKED_IN', 'REPORTED'];

export async function insertClaim(ex: Executor, needId: number, volunteerId: number): Promise<ClaimRow> {
  const [row] = await ex.insert(claims).values({ needId, volunteerId }).returning();
  if (!row) throw new Error('insert into claims returned no row');
  return row;
}

export async function claimById(ex: Executor, id: number, lock = false): Promise<ClaimRow | undefined> {
  return rowById(ex, claims, 'claim_by_id', id, lock);
}

/**
 * A claim with its need and the need's site, in one statement: what every step of a claim checks
 * access against before it opens its transaction (the request's loaders start with these rows).
 */
export async function claimWithNeedAndSite(
  ex: Executor,
  claimId: number,
): Promise<{ claim: ClaimRow; need: NeedRow; site: SiteRow } | undefined> {
  const [row] = await runPrepared(
    ex,
    'claim_with_need_and_site',
    (q) =>
      q
        .select({ claim: claims, need: needs, site: sites })
        .from(claims)
        .innerJoin(needs, eq(needs.id, claims.needId))
        .innerJoin(sites, eq(sites.id, needs.siteId))
        .where(eq(claims.id, sql.placeholder('claim'))),
    { claim: claimId },
  );
  return row;
}

/** The claim confirmed under this idempotency key, if any (the key is unique across claims). */
export async function claimByConfirmKey(ex: Executor, key: string): Promise<ClaimRow | undefined> {
  const [row] = await runPrepared(
    ex,
    'claim_by_confirm_key',
    (q) =>
      q
        .select()
        .from(claims)
        .where(eq(claims.confirmKey, sql.placeholder('key'))),
    { key },
  );
  return row;
}

export async function claimsByIds(ex: Executor, ids: readonly number[]): Promise<ClaimRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(ex, 'claims_by_ids', (q) => q.select().from(claims).where(anyOf(claims.id, 'ids')), {
    ids: [...ids],
  });
}

/**
 * Claims of these needs with their volunteers' rows, in one statement (the loader's batch): what
 * Need.claims lists, withdrawn claims left out and at most MAX_LISTED_CLAIMS a need.
 */
export async function claimsWithVolunteers(
  ex: Executor,
  needIds: readonly number[],
): Promise<{ claim: ClaimRow; volunteer: MemberRow }[]> {
  if (needIds.length === 0) return [];
  return runPrepared(
    ex,
    'claims_with_volunteers',
    (q) => {
      const ranked = q
        .select({
          id: claims.id,
          rank: sql<number>`row_number() over (partition by ${claims.needId} order by (${claims.status} = 'NO_SHOW' or ${claims.closedAt} is not null), ${claims.id})`.as(
            'rank',
          ),
        })
        .from(claims)
        .where(and(anyOf(claims.needId, 'ids'), ne(claims.status, 'WITHDRAWN')))
        .as('ranked');
      return q
        .select({ claim: claims, volunteer: members })
        .from(claims)
        .innerJoin(ranked, eq(ranked.id, claims.id))
        .innerJoin(members, eq(members.id, claims.volunteerId))
        .where(lte(ranked.rank, MAX_LISTED_CLAIMS))
        .orderBy(asc(ranked.rank));
    },
    { ids: [...needIds] },
  );
}

export async function claimsByNeedIds(ex: Executor, needIds: readonly number[]): Promise<ClaimRow[]> {
  if (needIds.length === 0) return [];
  return runPrepared(
    ex,
    'claims_of_needs',
    (q) => q.select().from(claims).where(anyOf(claims.needId, 'ids')).orderBy(asc(claims.id)),
    { ids: [...needIds] },
  );
}

export async function updateClaim(ex: Executor, id: number, changes: Partial<ClaimRow>): Promise<ClaimRow> {
  const { id: _ignored, ...rest } = changes;
  return updateById(ex, claims, 'claim', id, rest);
}

/**
 * Claims of a need grouped by status: what the need's own status follows from. Closed rejected
 * claims are left out: they hold no slot and wait for nothing.
 */
export async function claimStatusCounts(ex: Executor, needId: number): Promise<Map<ClaimStatus, number>> {
  const rows = await runPrepared(
    ex,
    'claim_status_counts',
    (q) =>
      q
        .select({ status: claims.status, n: count() })
        .from(claims)
        .where(and(eq(claims.needId, sql.placeholder('needId')), isNull(claims.closedAt)))
        .groupBy(claims.status),
    { needId },
  );
  return new Map(rows.map((r) => [r.status, r.n]));
}

const statusList = (list: readonly ClaimStatus[]) => sql.raw(list.map((s) => `'${s}'`).join(', '));

/** The status a need's claims call for, as SQL over the needs row being updated: made once, at load. */
const nextNeedStatus = sql<NeedStatus>`(select case
      when count(*) filter (where c.status in (${statusList(SLOT_HOLDING)})) < "needs"."slots" then 'OPEN'
      when count(*) filter (where c.status in (${statusList(IN_PROGRESS)})) = 0
       and count(*) filter (where c.status = 'CONFIRMED') > 0 then 'COMPLETED'
      else 'FILLED' end::need_status
    from claims c where c.need_id = "needs"."id" and c.closed_at is null)`;

/**
 * Lets the need's status follow its claims in one statement, under the need's row lock (the
 * caller's): OPEN while a slot is free, FILLED while every slot is held, COMPLETED once every
 * claim has settled with some service confirmed. Counting in the statement itself (closed claims
 * left out, as claimStatusCounts) lets it go out in the same round trip as the claim's change it
 * follows. Returns the need as changed, or undefined when its status stays (or it was cancelled
 * or completed already).
 */
export async function followNeedStatus(ex: Executor, needId: number, now = new Date()): Promise<NeedRow | undefined> {
  // Run by every confirmation: built once (runPrepared).
  const [row] = await runPrepared(
    ex,
    'follow_need_status',
    (q) =>
      q
        .update(needs)
        .set({
          status: nextNeedStatus,
          completedAt: sql`case when ${nextNeedStatus} = 'COMPLETED' then ${sql.placeholder('now')}::timestamptz else "needs"."completed_at" end`,
        })
        .where(
          and(
            eq(needs.id, sql.placeholder('needId')),
            notInArray(needs.status, ['CANCELLED', 'COMPLETED']),
            ne(needs.status, nextNeedStatus),
          ),
        )
        .returning(),
    { needId, now: now.toISOString() },
  );
  return row;
}

/** The volunteer's claims on the need: at most one live, and the ones given back (at most MAX_WITHDRAWALS). */
export async function claimsOfVolunteerOn(ex: Executor, needId: number, volunteerId: number): Promise<ClaimRow[]> {
  return ex
    .select()
    .from(claims)
    .where(and(eq(claims.needId, needId), eq(claims.volunteerId, volunteerId)));
}

export interface ClaimFilter {
  siteId?: number | undefined;
  volunteerId?: number | undefined;
  status?: ClaimStatus | undefined;
  /** Only claims on needs starting before this instant (with now: those that have started). */
  startsBefore?: Date | undefined;
  /** Only claims on needs starting at or after this instant (with now: those not started yet). */
  startsFrom?: Date | undefined;
}

function claimWhere(f: ClaimFilter): SQL | undefined {
  // The site and the start go in one subquery over needs (needs_site_status_starts_idx).
  const ofNeeds = and(
    f.siteId !== undefined ? eq(needs.siteId, f.siteId) : undefined,
    f.startsBefore !== undefined ? sql`${needs.startsAt} < ${f.startsBefore.toISOString()}` : undefined,
    f.startsFrom !== undefined ? sql`${needs.startsAt} >= ${f.startsFrom.toISOString()}` : undefined,
  );
  return and(
    ofNeeds ? sql`${claims.needId} in (select ${needs.id} from ${needs} where ${ofNeeds})` : undefined,
    f.volunteerId !== undefined ? eq(claims.volunteerId, f.volunteerId) : undefined,
    f.status ? eq(claims.status, f.status) : undefined,
  );
}

/** Newest first, keyset on id. */
export async function listClaims(ex: Executor, f: ClaimFilter, limit: number, beforeId?: number): Promise<ClaimRow[]> {
  return ex
    .select()
    .from(claims)
    .where(and(claimWhere(f), beforeId !== undefined ? lt(claims.id, beforeId) : undefined))
    .orderBy(desc(claims.id))
    .limit(limit);
}

export async function countClaims(ex: Executor, f: ClaimFilter): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(claims).where(claimWhere(f));
  return row?.n ?? 0;
}

/** Elders a volunteer is serving now (a claim in progress): they may see these elders' phone and address. */
export async function beneficiariesInProgress(ex: Executor, volunteerId: number): Promise<number[]> {
  const rows = await ex
    .selectDistinct({ id: needs.beneficiaryId })
    .from(claims)
    .innerJoin(needs, eq(needs.id, claims.needId))
    .where(and(eq(claims.volunteerId, volunteerId), inArray(claims.status, IN_PROGRESS)));
  return rows.map((r) => r.id);
}

/** Whether the volunteer holds a claim, not given back, on any need of this beneficiary. */
export async function hasClaimFor(ex: Executor, volunteerId: number, beneficiaryId: number): Promise<boolean> {
  const rows = await ex
    .select({ id: claims.id })
    .from(claims)
    .innerJoin(needs, eq(needs.id, claims.needId))
    .where(
      and(
        eq(claims.volunteerId, volunteerId),
        eq(needs.beneficiaryId, beneficiaryId),
        notInArray(claims.status, ['WITHDRAWN']),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** A volunteer's settled record: confirmed minutes and points, rejections, no-shows. */
export async function serviceTotals(ex: Executor, volunteerId: number) {
  const [row] = await ex
    .select({
      totalMinutes: sql<number>`coalesce(sum(${claims.confirmedMinutes}) filter (where ${claims.status} = 'CONFIRMED'), 0)::int`,
      pointsEarned: sql<number>`coalesce(sum(${claims.pointsAwarded}) filter (where ${claims.status} = 'CONFIRMED'), 0)::int`,
      confirmedCount: sql<number>`(count(*) filter (where ${claims.status} = 'CONFIRMED'))::int`,
      rejectedCount: sql<number>`(count(*) filter (where ${claims.status} = 'REJECTED'))::int`,
      noShowCount: sql<number>`(count(*) filter (where ${claims.status} = 'NO_SHOW'))::int`,
    })
    .from(claims)
    .where(eq(claims.volunteerId, volunteerId));
  return {
    totalMinutes: Number(row?.totalMinutes ?? 0),
    pointsEarned: Number(row?.pointsEarned ?? 0),
    confirmedCount: Number(row?.confirmedCount ?? 0),
    rejectedCount: Number(row?.rejectedCount ?? 0),
    noShowCount: Number(row?.noShowCount ?? 0),
  };
}

/** A volunteer's confirmed services with their needs, oldest first: the certificate's lines. */
export async function confirmedServices(ex: Executor, volunteerId: number) {
  return ex
    .select({
      claimId: claims.id,
      title: needs.title,
      category: needs.category,
      startsAt: needs.startsAt,
      minutes: claims.confirmedMinutes,
      points: claims.pointsAwarded,
      settledAt: claims.settledAt,
    })
    .from(claims)
    .innerJoin(needs, eq(needs.id, claims.needId))
    .where(and(eq(claims.volunteerId, volunteerId), eq(claims.status, 'CONFIRMED')))
    .orderBy(asc(claims.settledAt));
}
