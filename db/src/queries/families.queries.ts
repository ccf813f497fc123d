// SQL for families (issue 18): family links with each side's consent, a member's relatives, and
// the standing permissions a relative gives to pay for a beneficiary's needs.
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { FamilyLinkRow, NeedRow, PaymentPermissionRow } from '../rows';
import { familyLinks, needs, paymentPermissions } from '../schema/index';
import { rowsOf } from './invariants.queries';

export type NewFamilyLink = typeof familyLinks.$inferInsert;

/** Writes the link; undefined when the pair already has an open link. */
export async function insertLinkOnce(ex: Executor, link: NewFamilyLink): Promise<FamilyLinkRow | undefined> {
  const [row] = await ex.insert(familyLinks).values(link).onConflictDoNothing().returning();
  return row;
}

export async function linkById(ex: Executor, id: number, forUpdate = false): Promise<FamilyLinkRow | undefined> {
  const q = ex.select().from(familyLinks).where(eq(familyLinks.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

const pair = (a: number, b: number) =>
  or(
    and(eq(familyLinks.memberId, a), eq(familyLinks.relativeId, b)),
    and(eq(familyLinks.memberId, b), eq(familyLinks.relativeId, a)),
  );

/** The pair's open link (consented or not), if any. */
export async function openLinkBetween(ex: Executor, a: number, b: number): Promise<FamilyLinkRow | undefined> {
  const [row] = await ex
    .select()
    .from(familyLinks)
    .where(and(pair(a, b), isNull(familyLinks.endedAt)));
  return row;
}

/** Whether the link counts: both sides consented and it has not ended. */
export function inForce(link: FamilyLinkRow | undefined): boolean {
  return !!link && link.endedAt === null && link.memberConsentAt !== null && link.relativeConsentAt !== null;
}

/** Every link the member is on, either side, open first then ended, newest first. */
export async function linksOfMember(ex: Executor, memberId: number): Promise<FamilyLinkRow[]> {
  return ex
    .select()
    .from(familyLinks)
    .where(or(eq(familyLinks.memberId, memberId), eq(familyLinks.relativeId, memberId)))
    .orderBy(sql`${familyLinks.endedAt} is not null`, desc(familyLinks.id));
}

export async function updateLink(
  ex: Executor,
  id: number,
  changes: Partial<Omit<FamilyLinkRow, 'id'>>,
): Promise<FamilyLinkRow> {
  const [row] = await ex.update(familyLinks).set(changes).where(eq(familyLinks.id, id)).returning();
  if (!row) throw new Error(`family link ${id} vanished`);
  return row;
}

/** The payer's open permission for the beneficiary, if any. */
export async function openPermission(
  ex: Executor,
  payerId: number,
  beneficiaryId: number,
): Promise<PaymentPermissionRow | undefined> {
  const [row] = await ex
    .select()
    .from(paymentPermissions)
    .where(
      and(
        eq(paymentPermissions.payerId, payerId),
        eq(paymentPermissions.beneficiaryId, beneficiaryId),
        isNull(paymentPermissions.revokedAt),
      ),
    );
  return row;
}

/** Grants the permission; an open one already there is returned as it is. */
export async function grantPermission(
  ex: Executor,
  payerId: number,
  beneficiaryId: number,
): Promise<{ row: PaymentPermissionRow; granted: boolean }> {
  const [row] = await ex
    .insert(paymentPermissions)
    .values({ payerId, beneficiaryId })
    .onConflictDoNothing()
    .returning();
  if (row) return { row, granted: true };
  return { row: (await openPermission(ex, payerId, beneficiaryId))!, granted: false };
}

/** Revokes the open permission; undefined when there was none. */
export async function revokePermission(
  ex: Executor,
  payerId: number,
  beneficiaryId: number,
): Promise<PaymentPermissionRow | undefined> {
  const [row] = await ex
    .update(paymentPermissions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(paymentPermissions.payerId, payerId),
        eq(paymentPermissions.beneficiaryId, beneficiaryId),
        isNull(paymentPermissions.revokedAt),
      ),
    )
    .returning();
  return row;
}

/** The payer's open permissions (whom they pay for). */
export async function permissionsOfPayer(ex: Executor, payerId: number): Promise<PaymentPermissionRow[]> {
  return ex
    .select()
    .from(paymentPermissions)
    .where(and(eq(paymentPermissions.payerId, payerId), isNull(paymentPermissions.revokedAt)));
}

/** Records the relative's consent to pay for the need (the first consent's instant is kept). */
export async function consentToNeed(ex: Executor, needId: number): Promise<void> {
  await ex
    .update(needs)
    .set({ payerConsentedAt: sql`coalesce(${needs.payerConsentedAt}, now())` })
    .where(eq(needs.id, needId));
}

/**
 * Whether a relative may pay for the need now, read in the paying transaction: the link with the
 * beneficiary in force, and the relative's consent to this need or an open standing permission.
 */
export async function relativePaymentState(
  ex: Executor,
  needId: number,
  payerId: number,
  beneficiaryId: number,
): Promise<{ linked: boolean; consented: boolean }> {
  const [link, permission, need] = await Promise.all([
    openLinkBetween(ex, payerId, beneficiaryId),
    openPermission(ex, payerId, beneficiaryId),
    ex.select({ at: needs.payerConsentedAt, payer: needs.payerMemberId }).from(needs).where(eq(needs.id, needId)),
  ]);
  const perNeed = need[0]?.at != null && need[0].payer === payerId;
  return { linked: inForce(link), consented: perNeed || permission !== undefined };
}

/** Open needs the member is to pay for as a relative, soonest first (consented or not). */
export async function needsAwaitingPayer(ex: Executor, payerId: number): Promise<NeedRow[]> {
  return ex
    .select()
    .from(needs)
    .where(
      and(
        eq(needs.payerMemberId, payerId),
        sql`${needs.payer}::text = 'RELATIVE'`,
        inArray(needs.status, ['OPEN', 'FILLED']),
      ),
    )
    .orderBy(asc(needs.startsAt), asc(needs.id));
}

export interface FamilyFigures {
  giftMinutesOut: number;
  giftMinutesIn: number;
  carePoolDonations: number;
  withdrawalMinutesIn: number;
  withdrawalMinutesOwed: number;
}

/**
 * Sites' months of gifts, care-pool donations and withdrawals, net of reversals, read from the
 * transfers themselves (`month` as 'YYYY-MM-01', a calendar month of each site's own time zone),
 * for any number of sites in one statement: the all-sites report asks for every site at once.
 * Gifts count out at the giver's site (the transfer's site) and in at the receiver's home site;
 * withdrawals in at the site that gave the care, owed at the member's home site. Each transfer of
 * those kinds in the months' span is read once, and each of its parts goes to its site.
 */
export async function familyFigures(
  ex: Executor,
  siteIds: readonly number[],
  month: string,
): Promise<Map<number, FamilyFigures>> {
  if (siteIds.length === 0) return new Map();
  const result = await ex.execute(sql`
    with s as (
      select id, (${month}::date::timestamp at time zone time_zone) as from_at,
        ((${month}::date + interval '1 month')::timestamp at time zone time_zone) as to_at
      from sites where id = any(${sql.param([...siteIds])}::bigint[])
    ), t as (
      select t.amount, t.site_id, t.counterparty_site_id, t.created_at,
        coalesce(o.kind, t.kind)::text as kind, case when t.kind = 'REVERSAL' then -1 else 1 end as sign,
        case when t.kind = 'REVERSAL' then da.owner else ca.owner end as to_owner,
        case when t.kind = 'REVERSAL' then da.site_id else ca.site_id end as to_site,
        case when t.kind = 'REVERSAL' then dm.site_id else cm.site_id end as to_member_site
      from transfers t
      join accounts ca on ca.id = t.credit_account_id
      join accounts da on da.id = t.debit_account_id
      left join members cm on cm.id = ca.member_id
      left join members dm on dm.id = da.member_id
      left join transfers o on o.id = t.reverses_id
      where t.created_at >= (select min(from_at) from s) and t.created_at < (select max(to_at) from s)
        and t.unit = 'MINUTES' and t.kind::text in ('GIFT', 'DONATION', 'WITHDRAWAL', 'REVERSAL')
    ), parts as (
      select site_id as site, 'gift_out' as what, sign * amount as n, created_at from t where kind = 'GIFT'
      union all
      select to_member_site, 'gift_in', sign * amount, created_at from t where kind = 'GIFT'
      union all
      select to_site, 'care_pool', sign * amount, created_at from t
        where kind = 'DONATION' and to_owner::text = 'CARE_POOL'
      union all
      select site_id, 'withdrawal_in', sign * amount, created_at from t where kind = 'WITHDRAWAL'
      union all
      select counterparty_site_id, 'owed', sign * amount, created_at from t where kind = 'WITHDRAWAL'
    )
    select s.id,
      coalesce(sum(p.n) filter (where p.what = 'gift_out'), 0) as gift_out,
      coalesce(sum(p.n) filter (where p.what = 'gift_in'), 0) as gift_in,
      coalesce(sum(p.n) filter (where p.what = 'care_pool'), 0) as care_pool,
      coalesce(sum(p.n) filter (where p.what = 'withdrawal_in'), 0) as withdrawal_in,
      coalesce(sum(p.n) filter (where p.what = 'owed'), 0) as owed
    from s left join parts p on p.site = s.id and p.created_at >= s.from_at and p.created_at < s.to_at
    group by s.id`);
  return new Map(
    (rowsOf(result) as Record<string, string | number>[]).map((r) => [
      Number(r.id),
      {
        giftMinutesOut: Number(r.gift_out),
        giftMinutesIn: Number(r.gift_in),
        carePoolDonations: Number(r.care_pool),
        withdrawalMinutesIn: Number(r.withdrawal_in),
        withdrawalMinutesOwed: Number(r.owed),
      },
    ]),
  );
}
