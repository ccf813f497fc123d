// SQL for needs: posting, listing, locking and moving them along their lives. Claims are in
// claims.queries.ts, re-exported here so needQueries (db's public face) keeps all of them.
import { and, asc, count, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { MAX_LISTED_CLAIMS } from './claims.queries';
import { jsonRow, rowFromJson } from './json-rows';
import { anyOf, rowById, runPrepared, updateById } from './prepared';
import type { ClaimRow, MemberRow, NeedRow } from '../rows';
import { claims, members, needs } from '../schema/index';
import type { NeedStatus, ServiceCategory } from '../schema/enums.schema';

export * from './claims.queries';

type NewNeed = typeof needs.$inferInsert;

export async function insertNeed(ex: Executor, need: NewNeed): Promise<NeedRow> {
  const [row] = await ex.insert(needs).values(need).returning();
  if (!row) throw new Error('insert into needs returned no row');
  return row;
}

/**
 * Inserts the need unless its idempotency key is taken; returns undefined when it is (the caller
 * then reads the holder with needByKey). ON CONFLICT waits for a concurrent holder of the key to
 * commit or roll back, so two racing retries can never both write.
 */
export async function insertNeedOnce(
  ex: Executor,
  need: NewNeed & { idempotencyKey: string; requestHash: string },
): Promise<NeedRow | undefined> {
  const [row] = await ex.insert(needs).values(need).onConflictDoNothing({ target: needs.idempotencyKey }).returning();
  return row;
}

/** The need posted under this (namespaced) idempotency key, if any. */
export async function needByKey(ex: Executor, idempotencyKey: string): Promise<NeedRow | undefined> {
  const [row] = await ex.select().from(needs).where(eq(needs.idempotencyKey, idempotencyKey));
  return row;
}

export async function needById(ex: Executor, id: number, lock = false): Promise<NeedRow | undefined> {
  return rowById(ex, needs, 'need_by_id', id, lock);
}

export async function needsByIds(ex: Executor, ids: readonly number[]): Promise<NeedRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(ex, 'needs_by_ids', (q) => q.select().from(needs).where(anyOf(needs.id, 'ids')), {
    ids: [...ids],
  });
}

export interface NeedFilter {
  siteId: number;
  status?: NeedStatus | undefined;
  category?: ServiceCategory | undefined;
  /** Starts within [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * The filter as placeholders and their values. Which filters are present names the statement, so
 * each combination is built and prepared once (at most 16 of them for each of the three statements).
 */
function needWhere(f: NeedFilter) {
  const shape = `${f.status ? 's' : ''}${f.category ? 'c' : ''}${f.from ? 'f' : ''}${f.to ? 't' : ''}`;
  // Made only when the statement is built (once per shape, runPrepared), not on every request.
  const where = () =>
    and(
      eq(needs.siteId, sql.placeholder('site')),
      f.status ? eq(needs.status, sql.placeholder('status')) : undefined,
      f.category ? eq(needs.category, sql.placeholder('category')) : undefined,
      f.from ? gte(needs.startsAt, sql.placeholder('from')) : undefined,
      f.to ? lt(needs.startsAt, sql.placeholder('to')) : undefined,
    );
  // Timestamps go as ISO text: a placeholder bypasses the column's own conversion of a Date.
  const values = {
    site: f.siteId,
    status: f.status,
    category: f.category,
    from: f.from?.toISOString(),
    to: f.to?.toISOString(),
  };
  return { shape, where, values };
}

/**
 * A later page, soonest first, after the cursor's (starts_at, id): the cursor "<epoch ms>:<id>".
 * The first page is firstNeedsPage.
 */
export async function needsAfter(
  ex: Executor,
  f: NeedFilter,
  limit: number,
  after: { startsAt: Date; id: number },
): Promise<NeedRow[]> {
  const { shape, where, values } = needWhere(f);
  const keyset = () =>
    or(
      gt(needs.startsAt, sql.placeholder('afterAt')),
      and(eq(needs.startsAt, sql.placeholder('afterAt')), gt(needs.id, sql.placeholder('afterId'))),
    );
  return runPrepared(
    ex,
    `needs_after_${shape}`,
    (q) =>
      q
        .select()
        .from(needs)
        .where(and(where(), keyset()))
        .orderBy(asc(needs.startsAt), asc(needs.id))
        .limit(sql.placeholder('limit')),
    { ...values, limit, afterAt: after.startsAt.toISOString(), afterId: after.id },
  );
}

/** A claim with its volunteer, as a list of needs shows them. */
export interface ClaimWithVolunteer {
  claim: ClaimRow;
  volunteer: MemberRow;
}

/**
 * Each need's claims with their volunteers, as JSON inside the needs' own statement: oldest
 * claim first, as claimsWithVolunteers orders them.
 */
const claimsOfEachNeed = () => sql<[unknown[], unknown[]][] | null>`coalesce((
  select json_agg(json_build_array(${jsonRow(claims, 'c')}, ${jsonRow(members, 'v')}) order by ("c"."status" = 'NO_SHOW' or "c"."closed_at" is not null), "c"."id")
  from (select * from "claims" "l" where "l"."need_id" = "needs"."id" and "l"."status" <> 'WITHDRAWN'
        order by ("l"."status" = 'NO_SHOW' or "l"."closed_at" is not null), "l"."id" limit ${sql.raw(String(MAX_LISTED_CLAIMS))}) "c"
  inner join "members" "v" on "v"."id" = "c"."volunteer_id"), '[]'::json)`;

/**
 * The first page with what a list of needs always shows beside each need: its beneficiary, and
 * how many needs match in all (a window count, so no second statement); with `withClaims`, each
 * need's claims and their volunteers too (what the needs list of every role shows), so a page is
 * one round trip. Only for the first page: after a cursor the window would count the rows after it.
 */
export async function firstNeedsPage(
  ex: Executor,
  f: NeedFilter,
  limit: number,
  options: { withClaims?: boolean } = {},
): Promise<{ rows: NeedRow[]; beneficiaries: MemberRow[]; total: number; claims?: ClaimWithVolunteer[][] }> {
  const { shape, where, values } = needWhere(f);
  const withClaims = options.withClaims ?? false;
  const found = await runPrepared(
    ex,
    `needs_first_${withClaims ? 'claims_' : ''}${shape}`,
    (q) =>
      q
        .select({
          need: needs,
          beneficiary: members,
          total: sql<number>`count(*) over ()`,
          claims: withClaims ? claimsOfEachNeed() : sql<null>`null`,
        })
        .from(needs)
        .innerJoin(members, eq(members.id, needs.beneficiaryId))
        .where(where())
        .orderBy(asc(needs.startsAt), asc(needs.id))
        .limit(sql.placeholder('limit')),
    { ...values, limit },
  );
  return {
    rows: found.map((r) => r.need),
    beneficiaries: found.map((r) => r.beneficiary),
    total: Number(found[0]?.total ?? 0),
    ...(withClaims && {
      claims: found.map((r) =>
        (r.claims ?? []).map(([claim, volunteer]) => ({
          claim: rowFromJson<ClaimRow>(claims, claim),
          volunteer: rowFromJson<MemberRow>(members, volunteer),
        })),
      ),
    }),
  };
}

export async function countNeeds(ex: Executor, f: NeedFilter): Promise<number> {
  const { shape, where, values } = needWhere(f);
  const [row] = await runPrepared(
    ex,
    `needs_count_${shape}`,
    (q) => q.select({ n: count() }).from(needs).where(where()),
    values,
  );
  return row?.n ?? 0;
}

export async function setNeedStatus(
  ex: Executor,
  id: number,
  status: NeedStatus,
  extra: Partial<Pick<NeedRow, 'cancelledAt' | 'cancelReason' | 'completedAt'>> = {},
): Promise<NeedRow> {
  return updateById(ex, needs, 'need', id, { status, ...extra });
}

/** What an edit of a need may change (need-edit.service decides which, by its claims). */
export type NeedEdit = Partial<
  Pick<
    NeedRow,
    | 'title'
    | 'description'
    | 'category'
    | 'startsAt'
    | 'estimatedMinutes'
    | 'slots'
    | 'payer'
    | 'beneficiaryId'
    | 'payerMemberId'
    | 'payerConsentedAt'
  >
>;

export async function updateNeed(ex: Executor, id: number, changes: NeedEdit): Promise<NeedRow> {
  return updateById(ex, needs, 'need', id, changes);
}
