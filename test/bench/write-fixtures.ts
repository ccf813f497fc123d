// What the write benchmarks consume, written straight to the tables before the run: reported
// claims for confirmService to confirm, members with points and goods for redeem, and the requests.
import type { openDb } from '@huzhu/db';
import { Q } from './documents';
import type { LoadJob } from './load-child';

type Sql = NonNullable<Awaited<ReturnType<typeof openDb>>['sql']>;

/**
 * Posts needs and takes them through to REPORTED for confirmService to confirm: what a day of
 * volunteers reporting looks like, spread over the sampled sites, written straight to the tables (needs
 * and claims only; the ledger is untouched until the API confirms).
 */
export async function prepareClaims(sql: Sql, count: number, runId: string, siteIds: number[]) {
  const people = await sql`
    select site_id, role, member_id from memberships
    where site_id in ${sql(siteIds)} and role in ('COORDINATOR', 'VOLUNTEER', 'ELDER') order by site_id, member_id`;
  const bySite = new Map<number, { coordinator?: number; volunteers: number[]; elders: number[] }>();
  for (const p of people) {
    const id = Number(p.site_id);
    let site = bySite.get(id);
    if (!site) bySite.set(id, (site = { volunteers: [], elders: [] }));
    if (p.role === 'COORDINATOR') site.coordinator ??= Number(p.member_id);
    else if (p.role === 'VOLUNTEER') site.volunteers.push(Number(p.member_id));
    else site.elders.push(Number(p.member_id));
  }
  const usable = [...bySite.keys()].filter((id) => {
    const s = bySite.get(id)!;
    return s.coordinator !== undefined && s.volunteers.length > 1 && s.elders.length > 0;
  });
  if (usable.length === 0) throw new Error(`no site of ${siteIds.join(', ')} has a coordinator, volunteers and elders`);
  const any = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const rows = Array.from({ length: count }, () => {
    const site_id = any(usable);
    const s = bySite.get(site_id)!;
    return { site_id, coordinator: s.coordinator!, volunteer: any(s.volunteers), elder: any(s.elders) };
  });
  const now = Date.now();
  const out: { claimId: number; coordinator: number }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).filter((r) => r.volunteer !== r.elder);
    const needs = await sql`
      insert into needs ${sql(
        chunk.map((r) => ({
          site_id: r.site_id,
          title: '上门看望',
          category: 'VISIT',
          beneficiary_id: r.elder,
          starts_at: new Date(now - 3 * 3_600_000).toISOString(),
          estimated_minutes: 60,
          slots: 1,
          payer: 'SITE',
          status: 'FILLED',
          created_by: r.coordinator,
          created_at: new Date(now - 2 * 86_400_000).toISOString(),
        })),
      )} returning id`;
    const claims = await sql`
      insert into claims ${sql(
        chunk.map((r, k) => ({
          need_id: needs[k]!.id,
          volunteer_id: r.volunteer,
          status: 'REPORTED',
          claimed_at: new Date(now - 86_400_000).toISOString(),
          checked_in_at: new Date(now - 3 * 3_600_000).toISOString(),
          reported_at: new Date(now - 2 * 3_600_000).toISOString(),
          reported_minutes: 60,
          report_note: `bench ${runId}`,
        })),
      )} returning id`;
    chunk.forEach((r, k) => out.push({ claimId: Number(claims[k]!.id), coordinator: Number(r.coordinator) }));
  }
  return out;
}

/** Members whose points cover one cheap item, as many baskets as their balance allows (at most 40 each). */
export async function prepareBaskets(sql: Sql, count: number) {
  const rows = await sql`
    select a.member_id, a.balance, m.site_id,
      (select member_id from memberships where site_id = m.site_id and role = 'CLERK' order by member_id limit 1) as clerk,
      (select id from products p where p.site_id = m.site_id and p.active order by p.points_price, p.id limit 1) as product,
      (select points_price from products p where p.site_id = m.site_id and p.active order by p.points_price, p.id limit 1) as price
    from accounts a join members m on m.id = a.member_id
    where a.owner = 'MEMBER' and a.unit = 'POINTS' and a.balance >= 40
    order by random() limit ${Math.ceil(count / 5)}`;
  const out: { memberId: number; productId: number; clerk: number }[] = [];
  // Round-robin over the members, so concurrent baskets rarely share a member's account.
  for (let round = 0; round < 40 && out.length < count; round++) {
    for (const r of rows) {
      if (out.length >= count) break;
      if ((round + 1) * Number(r.price) > Number(r.balance) || r.clerk === null || r.product === null) continue;
      out.push({ memberId: Number(r.member_id), productId: Number(r.product), clerk: Number(r.clerk) });
    }
  }
  return out;
}

type Request = LoadJob['requests'][number];

/**
 * The write requests, one per fixture and each to be sent once: a confirmation of each reported
 * claim by its coordinator, a one-item basket for each member by the site's clerk.
 */
export async function writeBodies(
  claims: Awaited<ReturnType<typeof prepareClaims>>,
  baskets: Awaited<ReturnType<typeof prepareBaskets>>,
  keyPrefix: string,
  token: (memberId: number) => Promise<string>,
): Promise<{ confirmBodies: Request[]; redeemBodies: Request[] }> {
  const body = (query: string, variables: object) => JSON.stringify({ query, variables });
  const confirmBodies = await Promise.all(
    claims.map(async (c, k) => ({
      body: body(Q.confirmService, { claimId: `claim_${c.claimId}`, key: `${keyPrefix}-${k}` }),
      token: await token(c.coordinator),
    })),
  );
  const redeemBodies = await Promise.all(
    baskets.map(async (b, k) => ({
      body: body(Q.redeem, {
        input: {
          memberId: `mem_${b.memberId}`,
          items: [{ productId: `prod_${b.productId}`, quantity: 1 }],
          idempotencyKey: `${keyPrefix}-${k}`,
        },
      }),
      token: await token(b.clerk),
    })),
  );
  return { confirmBodies, redeemBodies };
}
