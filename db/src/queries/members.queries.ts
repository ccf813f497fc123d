// SQL for members and their roles: registering one opens their time and points accounts.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../open';
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
  const [row] = await ex.select().from(members).where(eq(members.id, id));
  return row;
}

export async function memberByPhone(ex: Executor, phone: string): Promise<MemberRow | undefined> {
  const [row] = await ex.select().from(members).where(eq(members.phone, phone));
  return row;
}

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
