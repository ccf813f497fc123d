// Needs: posting, listing and cancelling them (DOMAIN.md, the life of a need). The claims on a
// need move in claims.service. Access is checked first, then the state; one transaction each.
import { needQueries as q, type ClaimRow, type MemberRow, type NeedRow } from '@huzhu/db';
import { canSeeSite, requireMemberOf, requireRoleAt, requireViewer, requireVisibleAt } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { Context } from '../graphql/context';
import { badInput, ErrorCode, fail, notFound } from '../graphql/errors';
import { fromId } from '../graphql/ids';
import { afterId, connection, pageOf, type PageArgs } from '../graphql/pagination';
import { dayRange } from '../graphql/time';
import * as v from '../graphql/validate';
import type {
  ClaimStatus as GqlClaimStatus,
  NeedStatus,
  PostNeedInput,
  ServiceCategory,
} from '../graphql/generated/resolvers-types';
import { requirePrivate } from '../members/members.service';

export async function siteOf(ctx: Context, siteId: number) {
  const site = await ctx.loaders.site.load(siteId);
  if (!site) notFound('site');
  return site;
}

// ---- reads ----

export async function getNeed(ctx: Context, id: number): Promise<NeedRow | null> {
  requireViewer(ctx);
  const need = await ctx.loaders.need.load(id);
  // Another site's need is answered as one that does not exist.
  return need && canSeeSite(ctx.viewer, need.siteId) ? need : null;
}

export async function listNeeds(
  ctx: Context,
  args: {
    siteId: string;
    status?: NeedStatus | null;
    category?: ServiceCategory | null;
    day?: string | null;
  } & PageArgs,
  include: { claims?: boolean } = {},
) {
  const siteId = fromId('Site', args.siteId, 'siteId');
  requireMemberOf(ctx, siteId);
  const page = pageOf(args);
  let range: { from: Date; to: Date } | undefined;
  if (args.day != null) {
    const d = v.day('day', args.day);
    range = dayRange(d.year, d.month, d.day, (await siteOf(ctx, siteId)).timeZone);
  }
  const filter = {
    siteId,
    status: args.status ?? undefined,
    category: args.category ?? undefined,
    from: range?.from,
    to: range?.to,
  };
  const cursorOf = (n: NeedRow) => `${n.startsAt.getTime()}:${n.id}`;
  if (page.after === undefined) {
    // The first page (most requests): needs, beneficiaries and the total in one statement, and
    // the claims with their volunteers when the document reads them.
    const first = await q.firstNeedsPage(ctx.db, filter, page.limit, { withClaims: include.claims ?? false });
    for (const m of first.beneficiaries) ctx.loaders.member.prime(m.id, m);
    first.claims?.forEach((list, i) => {
      for (const { claim, volunteer } of list) {
        ctx.loaders.claim.prime(claim.id, claim);
        ctx.loaders.member.prime(volunteer.id, volunteer);
      }
      ctx.loaders.claimsOfNeed.prime(
        first.rows[i]!.id,
        list.map((c) => c.claim),
      );
    });
    return connection(first.rows, page, cursorOf, first.total);
  }
  const [ms, id] = page.after.split(':').map(Number);
  if (!Number.isSafeInteger(ms) || !Number.isSafeInteger(id))
    badInput('after', { en: 'after is not a cursor from this list', zh: 'after 不是本列表的游标' });
  const after = { startsAt: new Date(ms!), id: id! };
  const [rows, total] = await Promise.all([
    q.needsAfter(ctx.db, filter, page.limit, after),
    q.countNeeds(ctx.db, filter),
  ]);
  return connection(rows, page, cursorOf, total);
}

export async function listSiteClaims(
  ctx: Context,
  args: { siteId: string; status?: GqlClaimStatus | null } & PageArgs,
) {
  const siteId = fromId('Site', args.siteId, 'siteId');
  requireRoleAt(ctx, siteId, ['COORDINATOR', 'ADMIN']);
  const page = pageOf(args);
  const filter = { siteId, status: args.status ?? undefined };
  const [rows, total] = await Promise.all([
    q.listClaims(ctx.db, filter, page.limit, afterId(page)),
    q.countClaims(ctx.db, filter),
  ]);
  return connection(rows, page, (c) => c.id, total);
}

export async function listClaimsOf(
  ctx: Context,
  member: MemberRow,
  args: { status?: GqlClaimStatus | null } & PageArgs,
) {
  requirePrivate(ctx, member);
  const page = pageOf(args);
  const filter = { volunteerId: member.id, status: args.status ?? undefined };
  const [rows, total] = await Promise.all([
    q.listClaims(ctx.db, filter, page.limit, afterId(page)),
    q.countClaims(ctx.db, filter),
  ]);
  return connection(rows, page, (c) => c.id, total);
}

/** Need.claims: slot holders first, then no-shows, at most `first` (1-100); withdrawn ones left out. */
export async function claimsOfNeed(ctx: Context, need: NeedRow, firstInput: number | null | undefined) {
  const first = v.int('first', firstInput ?? 20, 1, q.MAX_LISTED_CLAIMS);
  return (await ctx.loaders.claimsOfNeed.load(need.id)).slice(0, first);
}

export async function openSlots(ctx: Context, need: NeedRow): Promise<number> {
  const claims = await ctx.loaders.claimsOfNeed.load(need.id);
  return Math.max(0, need.slots - claims.filter((c) => q.SLOT_HOLDING.includes(c.status)).length);
}

/**
 * Drops the request's cached copies of a need and its claims after a write, so the mutation's
 * answer (claim { need { status } }) shows the state it just committed, not the one before.
 */
export function forgetNeed(ctx: Context, needId: number): void {
  ctx.loaders.need.clear(needId);
  ctx.loaders.claimsOfNeed.clear(needId);
}

// ---- the need's own life ----

export async function postNeed(ctx: Context, input: PostNeedInput): Promise<NeedRow> {
  const siteId = fromId('Site', input.siteId, 'input.siteId');
  const viewer = requireRoleAt(ctx, siteId, ['COORDINATOR']);
  const beneficiaryId = fromId('Member', input.beneficiaryId, 'input.beneficiaryId');
  const title = v.text('input.title', input.title, 60);
  const description = v.optionalText('input.description', input.description, 1000, v.MULTILINE);
  const startsAt = v.date('input.startsAt', input.startsAt);
  const estimatedMinutes = v.int('input.estimatedMinutes', input.estimatedMinutes, 1, 1440);
  const slots = v.int('input.slots', input.slots ?? 1, 1, 50);
  const beneficiary = await ctx.loaders.member.load(beneficiaryId);
  if (!beneficiary || beneficiary.siteId !== siteId) {
    badInput('input.beneficiaryId', {
      en: 'The beneficiary must be a member of this site',
      zh: '服务对象必须是本站点的成员',
    });
  }
  const need = await ctx.db.transaction(async (tx) => {
    const row = await q.insertNeed(tx, {
      siteId,
      title,
      description,
      category: input.category,
      beneficiaryId,
      startsAt,
      estimatedMinutes,
      slots,
      payer: input.payer ?? 'SITE',
      createdBy: viewer.id,
    });
    await audit(tx, ctx, siteId, 'postNeed', 'need', row.id, {
      title,
      category: input.category,
      slots,
      payer: row.payer,
    });
    return row;
  });
  await ctx.events.publish({ topic: 'needPosted', siteId, id: need.id });
  return need;
}

export async function cancelNeed(ctx: Context, needId: number, reasonInput: string): Promise<NeedRow> {
  const reason = v.text('reason', reasonInput, 500, 1, v.MULTILINE);
  const existing = await ctx.loaders.need.load(needId);
  if (!existing) notFound('need');
  requireVisibleAt(ctx, existing.siteId, () => notFound('need'));
  const viewer = requireRoleAt(ctx, existing.siteId, ['COORDINATOR']);
  const { need, withdrawn } = await ctx.db.transaction(async (tx) => {
    const locked = (await q.needById(tx, needId, true))!;
    if (locked.status === 'CANCELLED' || locked.status === 'COMPLETED') {
      fail(
        ErrorCode.CONFLICT,
        { en: `The need is already ${locked.status}`, zh: '该需求已经结束，不能取消' },
        { status: locked.status },
      );
    }
    const claims = await q.claimsByNeedIds(tx, [needId]);
    if (claims.some((c) => c.status === 'REPORTED')) {
      fail(ErrorCode.CONFLICT, {
        en: 'Confirm or reject the reported service first',
        zh: '请先确认或驳回已上报的服务',
      });
    }
    const open = claims.filter((c) => c.status === 'CLAIMED' || c.status === 'CHECKED_IN');
    const withdrawn: ClaimRow[] = [];
    for (const c of open)
      withdrawn.push(
        await q.updateClaim(tx, c.id, { status: 'WITHDRAWN', settledAt: new Date(), settledBy: viewer.id }),
      );
    const row = await q.setNeedStatus(tx, needId, 'CANCELLED', { cancelledAt: new Date(), cancelReason: reason });
    await audit(tx, ctx, row.siteId, 'cancelNeed', 'need', needId, { reason, withdrawnClaims: withdrawn.length });
    return { need: row, withdrawn };
  });
  forgetNeed(ctx, needId);
  for (const c of withdrawn) await ctx.events.publish({ topic: 'claimUpdated', siteId: need.siteId, id: c.id });
  return need;
}
