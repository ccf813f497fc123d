// SQL for joining sites: villagers' join requests, roles held at sites other than one's own, and
// volunteers' offers (what they can do and when) with who offers a category at a site.
import { and, asc, desc, eq, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { joinRequests, members, memberships, volunteerOffers } from '../schema/index';
import type { Role, ServiceCategory } from '../schema/enums.schema';
import type { JoinRequestStatus } from '../schema/joining.schema';
import type { MemberRow } from './members.queries';

export type JoinRequestRow = typeof joinRequests.$inferSelect;
export type NewJoinRequest = typeof joinRequests.$inferInsert;
export type VolunteerOfferRow = typeof volunteerOffers.$inferSelect;

/** A new request; a second one for the same phone and site while the first waits writes nothing. */
export async function insertJoinRequest(ex: Executor, request: NewJoinRequest): Promise<JoinRequestRow | undefined> {
  const [row] = await ex
    .insert(joinRequests)
    .values(request)
    .onConflictDoNothing({
      target: [joinRequests.siteId, joinRequests.phone],
      where: sql`${joinRequests.status} = 'PENDING'`,
    })
    .returning();
  return row;
}

export async function joinRequestById(ex: Executor, id: number, lock = false): Promise<JoinRequestRow | undefined> {
  const q = ex.select().from(joinRequests).where(eq(joinRequests.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A site's requests in one status, oldest first (the queue), keyset on id. */
export async function listJoinRequests(
  ex: Executor,
  f: { siteId: number; status: JoinRequestStatus },
  limit: number,
  afterId?: number,
): Promise<JoinRequestRow[]> {
  const pending = f.status === 'PENDING';
  return ex
    .select()
    .from(joinRequests)
    .where(
      and(
        eq(joinRequests.siteId, f.siteId),
        eq(joinRequests.status, f.status),
        afterId === undefined
          ? undefined
          : pending
            ? sql`${joinRequests.id} > ${afterId}`
            : lt(joinRequests.id, afterId),
      ),
    )
    .orderBy(pending ? asc(joinRequests.id) : desc(joinRequests.id))
    .limit(limit);
}

export async function decideJoinRequest(
  ex: Executor,
  id: number,
  decision: { status: 'APPROVED' | 'DECLINED'; decidedBy: number | null; memberId?: number; declineReason?: string },
): Promise<JoinRequestRow> {
  const [row] = await ex
    .update(joinRequests)
    .set({
      status: decision.status,
      decidedAt: new Date(),
      decidedBy: decision.decidedBy,
      memberId: decision.memberId ?? null,
      declineReason: decision.declineReason ?? null,
    })
    .where(eq(joinRequests.id, id))
    .returning();
  if (!row) throw new Error('update of join_requests returned no row');
  return row;
}

/** Who holds `role` at the site (the coordinators a join request is announced to). */
export async function holdersOf(ex: Executor, siteId: number, role: Role): Promise<number[]> {
  const rows = await ex
    .select({ id: memberships.memberId })
    .from(memberships)
    .where(and(eq(memberships.siteId, siteId), eq(memberships.role, role)));
  return rows.map((r) => r.id);
}

/** Removes a role at a site; whether one was held. */
export async function removeRole(ex: Executor, memberId: number, siteId: number, role: Role): Promise<boolean> {
  const rows = await ex
    .delete(memberships)
    .where(and(eq(memberships.memberId, memberId), eq(memberships.siteId, siteId), eq(memberships.role, role)))
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** People of other sites holding roles at this one, with those roles, by name. */
export async function guestsOf(ex: Executor, siteId: number): Promise<{ member: MemberRow; roles: Role[] }[]> {
  const rows = await ex
    .select({ member: members, role: memberships.role })
    .from(memberships)
    .innerJoin(members, eq(members.id, memberships.memberId))
    .where(and(eq(memberships.siteId, siteId), ne(members.siteId, siteId)))
    .orderBy(asc(members.name), asc(members.id), asc(memberships.id));
  const byId = new Map<number, { member: MemberRow; roles: Role[] }>();
  for (const r of rows) {
    const entry = byId.get(r.member.id) ?? { member: r.member, roles: [] };
    entry.roles.push(r.role);
    byId.set(r.member.id, entry);
  }
  return [...byId.values()];
}

// ---- offers ----

export async function offerOf(ex: Executor, memberId: number, siteId: number): Promise<VolunteerOfferRow | undefined> {
  const [row] = await ex
    .select()
    .from(volunteerOffers)
    .where(and(eq(volunteerOffers.memberId, memberId), eq(volunteerOffers.siteId, siteId)));
  return row;
}

export async function upsertOffer(
  ex: Executor,
  offer: Pick<VolunteerOfferRow, 'memberId' | 'siteId' | 'categories' | 'weekdays' | 'times'>,
): Promise<VolunteerOfferRow> {
  const [row] = await ex
    .insert(volunteerOffers)
    .values({ ...offer, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [volunteerOffers.memberId, volunteerOffers.siteId],
      set: { categories: offer.categories, weekdays: offer.weekdays, times: offer.times, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

/**
 * The offers at a site that include the category, of members who still hold VOLUNTEER there (a
 * role removed takes its offer out of every list without deleting it), with the members.
 */
export async function offersFor(
  ex: Executor,
  siteId: number,
  category: ServiceCategory,
): Promise<{ offer: VolunteerOfferRow; member: MemberRow }[]> {
  return ex
    .select({ offer: volunteerOffers, member: members })
    .from(volunteerOffers)
    .innerJoin(members, eq(members.id, volunteerOffers.memberId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.memberId, volunteerOffers.memberId),
        eq(memberships.siteId, volunteerOffers.siteId),
        eq(memberships.role, 'VOLUNTEER'),
      ),
    )
    .where(
      and(eq(volunteerOffers.siteId, siteId), sql`${category}::service_category = any(${volunteerOffers.categories})`),
    )
    .orderBy(asc(members.name), asc(members.id));
}
