// SQL for members and their roles: registering one opens their time and points accounts.
import { and, asc, count, eq, gt, ilike, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../open';
import { anyOf, runPrepared } from './prepared';
import { members, memberships } from '../schema/index';
import type { Role } from '../schema/enums.schema';
import { ensureMemberAccounts } from './ledger.queries';

export type MemberRow = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type MembershipRow = typeof memberships.$inferSelect;

/** Inserts a member with their roles (at their own site; ADMIN with no site is platform staff). */
export async function insertMember(ex: Executor, member: NewMember, roles: readonly Role[]): Promise<MemberRow> {
  const [row] = await ex.insert(members).values(member).returning();
  if (!row) throw new Error('insert into members returned no row');
  if (roles.length > 0) {
    await ex
      .insert(memberships)
      .values(roles.map((role) => ({ memberId: row.id, siteId: row.siteId, role })))
      .onConflictDoNothing();
  }
  await ensureMemberAccounts(ex, row.id);
  return row;
}

export async function memberById(ex: Executor, id: number): Promise<MemberRow | undefined> {
  const [row] = await runPrepared(
    ex,
    'member_by_id',
    (q) =>
      q
        .select()
        .from(members)
        .where(eq(members.id, sql.placeholder('id'))),
    { id },
  );
  return row;
}

/** A region a member is staff of: its id and its kept path ("/3/17/"). */
export interface StaffRegion {
  id: number;
  path: string;
}

/** A member's roles as the viewer carries them: the site, or for region staff the region. */
export type HeldRole = Pick<MembershipRow, 'siteId' | 'role' | 'regionId'>;

/**
 * The member and their roles in one round trip: what every authenticated request reads first
 * (two statements before, a fifth of a short read's round trips). For region staff also their
 * regions and the ids of the sites under them (a site whose region's path starts with theirs),
 * driven from their region memberships, so anyone else pays nothing for it.
 */
export async function memberWithRoles(
  ex: Executor,
  id: number,
): Promise<{ member: MemberRow; roles: HeldRole[]; regions: StaffRegion[]; regionSiteIds: number[] } | undefined> {
  const [row] = await runPrepared(
    ex,
    'member_with_roles',
    (q) =>
      q
        .select({
          member: members,
          // Spelled out: drizzle renders a column inside a select list unqualified ("id"), which
          // inside this subquery would mean m.id and hand the viewer someone else's roles.
          roles: sql<HeldRole[]>`coalesce((
            select json_agg(json_build_object('siteId', m.site_id, 'role', m.role, 'regionId', m.region_id) order by m.id)
            from "memberships" m where m.member_id = "members"."id"), '[]'::json)`,
          regions: sql<StaffRegion[]>`coalesce((
            select json_agg(json_build_object('id', r.id, 'path', r.path) order by r.id)
            from "memberships" m join "regions" r on r.id = m.region_id
            where m.member_id = "members"."id"), '[]'::json)`,
          regionSiteIds: sql<number[]>`coalesce((
            select json_agg(distinct s.id)
            from "memberships" m
              join "regions" r on r.id = m.region_id
              join "regions" sr on left(sr.path, length(r.path)) = r.path
              join "sites" s on s.region_id = sr.id
            where m.member_id = "members"."id"), '[]'::json)`,
        })
        .from(members)
        .where(eq(members.id, sql.placeholder('id'))),
    { id },
  );
  return (
    row && {
      member: row.member,
      roles: row.roles,
      regions: row.regions,
      regionSiteIds: row.regionSiteIds.map(Number),
    }
  );
}

/**
 * Holds, until the transaction ends, the right to create a member with this phone: processes
 * starting together (each ensuring the same admin) take turns, and the later ones find the member.
 */
export async function lockPhone(ex: Executor, phone: string): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtext(${`huzhu:phone:${phone}`}))`);
}

export async function memberByPhone(ex: Executor, phone: string): Promise<MemberRow | undefined> {
  const [row] = await ex.select().from(members).where(eq(members.phone, phone));
  return row;
}

/**
 * A new password hash, and every log-in token issued before `tokensValidAfter` refused (kept if an
 * earlier change already set it later).
 */
export async function setPassword(
  ex: Executor,
  id: number,
  passwordHash: string,
  tokensValidAfter: Date,
): Promise<MemberRow | undefined> {
  const [row] = await ex
    .update(members)
    .set({ passwordHash, tokensValidAfter: validAfter(tokensValidAfter) })
    .where(eq(members.id, id))
    .returning();
  return row;
}

/** Refuses every log-in token of the member issued before `tokensValidAfter`. */
export async function revokeTokens(ex: Executor, id: number, tokensValidAfter: Date): Promise<MemberRow | undefined> {
  const [row] = await ex
    .update(members)
    .set({ tokensValidAfter: validAfter(tokensValidAfter) })
    .where(eq(members.id, id))
    .returning();
  return row;
}

// Never earlier than it already was: two changes in a row keep the later cut-off.
const validAfter = (at: Date) => sql`greatest(${members.tokensValidAfter}, ${at.toISOString()}::timestamptz)`;

export async function membershipsOf(ex: Executor, memberId: number): Promise<MembershipRow[]> {
  return ex.select().from(memberships).where(eq(memberships.memberId, memberId));
}

export async function grantRole(ex: Executor, memberId: number, siteId: number | null, role: Role): Promise<void> {
  await ex.insert(memberships).values({ memberId, siteId, role }).onConflictDoNothing();
}

export async function hasRole(ex: Executor, memberId: number, siteId: number, role: Role): Promise<boolean> {
  const rows = await ex
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.memberId, memberId), eq(memberships.siteId, siteId), eq(memberships.role, role)));
  return rows.length > 0;
}

export async function membersByIds(ex: Executor, ids: readonly number[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(ex, 'members_by_ids', (q) => q.select().from(members).where(anyOf(members.id, 'ids')), {
    ids: [...ids],
  });
}

export async function membershipsOfMany(ex: Executor, memberIds: readonly number[]): Promise<MembershipRow[]> {
  if (memberIds.length === 0) return [];
  return runPrepared(
    ex,
    'memberships_of_members',
    (q) => q.select().from(memberships).where(anyOf(memberships.memberId, 'ids')),
    { ids: [...memberIds] },
  );
}

export interface MemberFilter {
  siteId: number;
  role?: Role | undefined;
  /** Part of a name or of a phone number. */
  search?: string | undefined;
  /** True: only deactivated members (who left or died); otherwise only active ones. */
  deactivated?: boolean | undefined;
}

function memberWhere(f: MemberFilter): SQL | undefined {
  const pattern = f.search ? `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    // The site's own people, and people of other sites holding a role here (a township's 助老员).
    or(
      eq(members.siteId, f.siteId),
      sql`exists (select 1 from memberships ms where ms.member_id = ${members.id} and ms.site_id = ${f.siteId})`,
    ),
    f.deactivated ? isNotNull(members.deactivatedAt) : isNull(members.deactivatedAt),
    f.role
      ? sql`exists (select 1 from memberships ms where ms.member_id = ${members.id} and ms.site_id = ${f.siteId} and ms.role = ${f.role})`
      : undefined,
    pattern ? or(ilike(members.name, pattern), ilike(members.phone, pattern)) : undefined,
  );
}

/** By id (the order people were registered), keyset on id. */
export async function listMembers(
  ex: Executor,
  f: MemberFilter,
  limit: number,
  afterId?: number,
): Promise<MemberRow[]> {
  return ex
    .select()
    .from(members)
    .where(and(memberWhere(f), afterId !== undefined ? gt(members.id, afterId) : undefined))
    .orderBy(asc(members.id))
    .limit(limit);
}

export async function countMembers(ex: Executor, f: MemberFilter): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(members).where(memberWhere(f));
  return row?.n ?? 0;
}

/**
 * Who a member may pick as the recipient of a donation: active people of one site, found by part of a
 * name or by an exact phone number (never by part of one), without the one asking; exact name
 * matches first, then in the order people were registered.
 */
export async function findAtSite(
  ex: Executor,
  f: { siteId: number; excludeId: number; name?: string | undefined; phone?: string | undefined },
  limit: number,
): Promise<MemberRow[]> {
  const match = f.phone
    ? eq(members.phone, f.phone)
    : f.name
      ? ilike(members.name, `%${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : undefined;
  // Neither a name nor a phone: nobody, never the whole site.
  if (!match) return [];
  return ex
    .select()
    .from(members)
    .where(and(eq(members.siteId, f.siteId), isNull(members.deactivatedAt), ne(members.id, f.excludeId), match))
    .orderBy(sql`${members.name} = ${f.name ?? ''} desc`, asc(members.id))
    .limit(limit);
}

/**
 * Active elders of the site whose kept tier is A or B: those due at least a visit every month (the
 * monthly rate's elders; tier C is visited quarterly and not counted).
 */
export async function membersDueVisits(ex: Executor, siteId: number): Promise<MemberRow[]> {
  return runPrepared(
    ex,
    'members_due_visits',
    (q) =>
      q
        .select()
        .from(members)
        .where(
          and(
            eq(members.siteId, sql.placeholder('site')),
            isNull(members.deactivatedAt),
            sql`${members.visitTier} in ('A', 'B')`,
          ),
        )
        .orderBy(asc(members.name), asc(members.id)),
    { site: siteId },
  );
}
