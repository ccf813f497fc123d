// Needs and claims: the life of a need (DOMAIN.md). Each mutation checks access first, then the
// state, and runs in one transaction with the need or claim row locked, so racing volunteers and
// retried confirmations see one another. Events go out after the commit.
import {
  auditQueries,
  needQueries as q,
  type ClaimRow,
  type ClaimStatus,
  type MemberRow,
  type NeedRow,
  type Transaction,
} from '@huzhu/db';
import { hasRoleAt, requireMemberOf, requireRoleAt, requireViewer } from '../auth/authorize';
import type { Context } from '../graphql/context';
import { ErrorCode, badInput, fail } from '../graphql/errors';
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
import { creditService } from '../ledger/ledger.api';
import { requirePrivate } from '../members/members.service';

const STATUS_ZH: Record<ClaimStatus, string> = {
  CLAIMED: '已认领',
  CHECKED_IN: '已签到',
  REPORTED: '已上报',
  CONFIRMED: '已确认',
  REJECTED: '已驳回',
  WITHDRAWN: '已退出',
  NO_SHOW: '未到场',
};

function wrongState(claim: ClaimRow, wanted: string): never {
  fail(
    ErrorCode.CONFLICT,
    {
      en: `The claim is ${claim.status}; this needs it ${wanted}`,
      zh: `该认领当前${STATUS_ZH[claim.status]}，无法进行此操作`,
    },
    { status: claim.status },
  );
}

async function siteOf(ctx: Context, siteId: number) {
  const site = await ctx.loaders.site.load(siteId);
  if (!site) fail(ErrorCode.NOT_FOUND, { en: 'Site not found', zh: '找不到这个站点' });
  return site;
}

// ---- reads ----

export async function getNeed(ctx: Context, id: number): Promise<NeedRow | null> {
  requireViewer(ctx);
  const need = await ctx.loaders.need.load(id);
  if (!need) return null;
  requireMemberOf(ctx, need.siteId);
  return need;
}

export async function listNeeds(
  ctx: Context,
  args: {
    siteId: string;
    status?: NeedStatus | null;
    category?: ServiceCategory | null;
    day?: string | null;
  } & PageArgs,
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
  let after: { startsAt: Date; id: number } | undefined;
  if (page.after !== undefined) {
    const [ms, id] = page.after.split(':').map(Number);
    if (!Number.isSafeInteger(ms) || !Number.isSafeInteger(id))
      badInput('after', { en: 'after is not a cursor from this list', zh: 'after 不是本列表的游标' });
    after = { startsAt: new Date(ms!), id: id! };
  }
  const [rows, total] = await Promise.all([
    q.listNeeds(ctx.db, filter, page.limit, after),
    q.countNeeds(ctx.db, filter),
  ]);
  return connection(rows, page, (n) => `${n.startsAt.getTime()}:${n.id}`, total);
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

export async function openSlots(ctx: Context, need: NeedRow): Promise<number> {
  const claims = await ctx.loaders.claimsOfNeed.load(need.id);
  return Math.max(0, need.slots - claims.filter((c) => q.SLOT_HOLDING.includes(c.status)).length);
}

// ---- the need's own life ----

export async function postNeed(ctx: Context, input: PostNeedInput): Promise<NeedRow> {
  const siteId = fromId('Site', input.siteId, 'input.siteId');
  const viewer = requireRoleAt(ctx, siteId, ['COORDINATOR']);
  const beneficiaryId = fromId('Member', input.beneficiaryId, 'input.beneficiaryId');
  const title = v.text('input.title', input.title, 60);
  const description = v.optionalText('input.description', input.description, 1000);
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
  const reason = v.text('reason', reasonInput, 500);
  const existing = await ctx.loaders.need.load(needId);
  if (!existing) fail(ErrorCode.NOT_FOUND, { en: 'Need not found', zh: '找不到这个需求' });
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
  for (const c of withdrawn) await ctx.events.publish({ topic: 'claimUpdated', siteId: need.siteId, id: c.id });
  return need;
}

// ---- claims ----

export async function claimNeed(ctx: Context, needId: number): Promise<ClaimRow> {
  const existing = await ctx.loaders.need.load(needId);
  if (!existing) fail(ErrorCode.NOT_FOUND, { en: 'Need not found', zh: '找不到这个需求' });
  const viewer = requireRoleAt(ctx, existing.siteId, ['VOLUNTEER']);
  const claim = await ctx.db.transaction(async (tx) => {
    // The need's row lock queues volunteers racing for the last slot: one at a time counts them.
    const need = (await q.needById(tx, needId, true))!;
    if (need.status !== 'OPEN') {
      fail(
        ErrorCode.CONFLICT,
        {
          en: need.status === 'FILLED' ? 'Every slot is already taken' : `The need is ${need.status}`,
          zh: need.status === 'FILLED' ? '名额已满' : '该需求已结束',
        },
        { status: need.status },
      );
    }
    if (need.beneficiaryId === viewer.id)
      fail(ErrorCode.CONFLICT, { en: 'You cannot claim a need for yourself', zh: '不能认领为自己发布的需求' });
    if (await q.liveClaimOf(tx, needId, viewer.id))
      fail(ErrorCode.CONFLICT, { en: 'You have already claimed this need', zh: '你已经认领过这个需求' });
    const counts = await q.claimStatusCounts(tx, needId);
    const holding = q.SLOT_HOLDING.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
    if (holding >= need.slots) fail(ErrorCode.CONFLICT, { en: 'Every slot is already taken', zh: '名额已满' });
    const row = await q.insertClaim(tx, needId, viewer.id);
    if (holding + 1 >= need.slots) await q.setNeedStatus(tx, needId, 'FILLED');
    return row;
  });
  await ctx.events.publish({ topic: 'claimUpdated', siteId: existing.siteId, id: claim.id });
  return claim;
}

/** Loads the claim and its need, and checks the viewer is the claim's volunteer or site staff. */
async function claimContext(ctx: Context, claimId: number, who: 'volunteer' | 'coordinator') {
  const claim = await ctx.loaders.claim.load(claimId);
  if (!claim) fail(ErrorCode.NOT_FOUND, { en: 'Claim not found', zh: '找不到这条认领' });
  const need = (await ctx.loaders.need.load(claim.needId))!;
  if (who === 'coordinator') {
    const viewer = requireRoleAt(ctx, need.siteId, ['COORDINATOR']);
    return { claim, need, viewer };
  }
  const viewer = requireMemberOf(ctx, need.siteId);
  if (claim.volunteerId !== viewer.id) {
    fail(ErrorCode.FORBIDDEN, { en: "Only the claim's volunteer can do this", zh: '只有认领的志愿者本人可以操作' });
  }
  return { claim, need, viewer };
}

/** Moves a claim one step under its row lock, then lets the need's status follow. */
async function step(
  ctx: Context,
  claimId: number,
  who: 'volunteer' | 'coordinator',
  from: ClaimStatus[],
  change: (claim: ClaimRow, tx: Transaction, viewerId: number, need: NeedRow) => Promise<Partial<ClaimRow>>,
  action: string,
): Promise<ClaimRow> {
  const { need, viewer } = await claimContext(ctx, claimId, who);
  const updated = await ctx.db.transaction(async (tx) => {
    await q.needById(tx, need.id, true);
    const claim = (await q.claimById(tx, claimId, true))!;
    if (!from.includes(claim.status)) wrongState(claim, from.join(' or '));
    const row = await q.updateClaim(tx, claimId, await change(claim, tx, viewer.id, need));
    await followNeed(tx, need.id);
    await audit(tx, ctx, need.siteId, action, 'claim', claimId, { from: claim.status, to: row.status });
    return row;
  });
  await ctx.events.publish({ topic: 'claimUpdated', siteId: need.siteId, id: updated.id });
  return updated;
}

/** A need's status follows its claims: FILLED while every slot is held, COMPLETED once all settle. */
async function followNeed(tx: Transaction, needId: number): Promise<void> {
  const need = (await q.needById(tx, needId))!;
  if (need.status === 'CANCELLED' || need.status === 'COMPLETED') return;
  const counts = await q.claimStatusCounts(tx, needId);
  const holding = q.SLOT_HOLDING.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
  const inProgress = q.IN_PROGRESS.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
  const next = holding < need.slots ? 'OPEN' : inProgress === 0 ? 'COMPLETED' : 'FILLED';
  if (next !== need.status)
    await q.setNeedStatus(tx, needId, next, next === 'COMPLETED' ? { completedAt: new Date() } : {});
}

export const withdrawClaim = (ctx: Context, claimId: number) =>
  step(
    ctx,
    claimId,
    'volunteer',
    ['CLAIMED'],
    async (_c, _tx, viewerId) => ({ status: 'WITHDRAWN', settledAt: new Date(), settledBy: viewerId }),
    'withdrawClaim',
  );

export const checkIn = (ctx: Context, claimId: number) =>
  step(
    ctx,
    claimId,
    'volunteer',
    ['CLAIMED'],
    async () => ({ status: 'CHECKED_IN', checkedInAt: new Date() }),
    'checkIn',
  );

export function reportService(
  ctx: Context,
  claimId: number,
  minutesInput: number,
  noteInput: string | null | undefined,
) {
  const minutes = v.int('minutes', minutesInput, 1, 1440);
  const note = v.optionalText('note', noteInput, 500);
  return step(
    ctx,
    claimId,
    'volunteer',
    ['CHECKED_IN'],
    async () => ({ status: 'REPORTED', reportedAt: new Date(), reportedMinutes: minutes, reportNote: note }),
    'reportService',
  );
}

export function rejectService(ctx: Context, claimId: number, reasonInput: string) {
  const reason = v.text('reason', reasonInput, 500);
  return step(
    ctx,
    claimId,
    'coordinator',
    ['REPORTED'],
    async (_c, _tx, viewerId) => ({
      status: 'REJECTED',
      rejectReason: reason,
      settledAt: new Date(),
      settledBy: viewerId,
    }),
    'rejectService',
  );
}

export const markNoShow = (ctx: Context, claimId: number) =>
  step(
    ctx,
    claimId,
    'coordinator',
    ['CLAIMED', 'CHECKED_IN'],
    async (_c, _tx, viewerId) => ({ status: 'NO_SHOW', settledAt: new Date(), settledBy: viewerId }),
    'markNoShow',
  );

/**
 * Confirms reported service and credits the volunteer in the same transaction: minutes from the
 * site pool (or the beneficiary's own account), points at the site's rate, rounded down. The
 * claim row remembers the idempotency key: a retry with it returns the claim and credits nothing.
 */
export async function confirmService(
  ctx: Context,
  claimId: number,
  minutesInput: number | null | undefined,
  keyInput: string,
): Promise<ClaimRow> {
  const key = v.idempotencyKey('idempotencyKey', keyInput);
  const override = minutesInput == null ? undefined : v.int('minutes', minutesInput, 1, 1440);
  const { need, viewer } = await claimContext(ctx, claimId, 'coordinator');
  // Read before the transaction: on PGlite (one connection) a read outside an open
  // transaction would wait for it forever.
  const site = await siteOf(ctx, need.siteId);
  let replayed = false;
  const confirmed = await ctx.db.transaction(async (tx) => {
    await q.needById(tx, need.id, true);
    const claim = (await q.claimById(tx, claimId, true))!;
    if (claim.confirmKey === key) {
      replayed = true;
      return claim;
    }
    if (claim.volunteerId === viewer.id)
      fail(ErrorCode.FORBIDDEN, { en: 'You cannot confirm your own service', zh: '不能确认自己的服务' });
    if (claim.status !== 'REPORTED') wrongState(claim, 'REPORTED');
    const minutes = override ?? claim.reportedMinutes!;
    const points = await creditService(tx, { site, need, claim, minutes, confirmedBy: viewer.id });
    const row = await q.updateClaim(tx, claimId, {
      status: 'CONFIRMED',
      confirmedMinutes: minutes,
      pointsAwarded: points,
      settledAt: new Date(),
      settledBy: viewer.id,
      confirmKey: key,
    });
    await followNeed(tx, need.id);
    await audit(tx, ctx, need.siteId, 'confirmService', 'claim', claimId, { minutes, points, payer: need.payer });
    return row;
  });
  if (!replayed) await ctx.events.publish({ topic: 'claimUpdated', siteId: need.siteId, id: claimId });
  return confirmed;
}

/** Whether the viewer may see a claim (its volunteer, or anyone of its site). */
export function canSeeClaim(ctx: Context, need: NeedRow): boolean {
  return hasRoleAt(ctx.viewer, need.siteId, ['ADMIN', 'COORDINATOR', 'CLERK', 'VOLUNTEER', 'ELDER']);
}

async function audit(
  tx: Transaction,
  ctx: Context,
  siteId: number,
  action: string,
  entity: string,
  id: number,
  detail: Record<string, unknown>,
) {
  await auditQueries.insertAudit(tx, {
    actorId: ctx.viewer?.id ?? null,
    siteId,
    action,
    entity,
    entityId: String(id),
    ip: ctx.ip ?? null,
    detail,
  });
}
