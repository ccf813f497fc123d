// Needs: posting, listing and cancelling them (DOMAIN.md, the life of a need). The claims on a
// need move in claims.service (a volunteer's steps) and confirmation.service (the coordinator's
// verdict). Access is checked first, then the state; one transaction each.
import {
  needQueries as q,
  type ClaimRow,
  type ClaimStatus,
  type MemberRow,
  type NeedRow,
  type NeedStatus,
  type Payer,
  type ServiceCategory,
} from '@huzhu/db';
import {
  actorTag,
  canSeeSite,
  memberIdOf,
  requireActor,
  requireMemberOf,
  requireRoleAt,
  requireVisibleAt,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { keyedRequest, replayOf } from '../core/idempotency';
import { afterId, connection, pageOf, type PageArgs } from '../core/pagination';
import { dayRange } from '../core/time';
import * as v from '../core/validate';
import { requirePrivate } from '../members/members.service';
import { askConsent, checkPayer } from '../families/payers';
import { claimsUpdated } from '../events/events';
import { deliver } from '../inbox/inbox.deliver';
import { needCancelled } from '../inbox/inbox.messages';
import { tellOfferMatches } from '../offers/offers.service';
import { closeWithNeed, followUpForNeed } from '../visits/follow-ups.service';
import { requireWithdrawAge } from '../ledger/hours-policy.service';

/** A need as its coordinator posts it: the site and the beneficiary by their ids. */
export interface NewNeed {
  siteId: number;
  /** The elder served, a member of the site. */
  beneficiaryId: number;
  title: string;
  description?: string | null;
  category: ServiceCategory;
  startsAt: Date;
  estimatedMinutes: number;
  /** 1 when omitted. */
  slots?: number | null;
  /** SITE when omitted. */
  payer?: Payer | null;
  /** The paying relative when payer is RELATIVE. */
  payerMemberId?: number | null;
  /** The poster's key for this need: a retry with it returns the need, posted once. */
  idempotencyKey?: string | null;
  /** The visit whose open follow-up this need answers: closed as "need posted" with it. */
  followUpVisitId?: number | null;
}

/** Which of a site's needs to list; `day` a YYYY-MM-DD in the site's time zone. */
export interface NeedsFilter {
  siteId: number;
  status?: NeedStatus | null;
  category?: ServiceCategory | null;
  day?: string | null;
}

/** Which of a site's claims to list. */
export interface SiteClaimsFilter {
  siteId: number;
  status?: ClaimStatus | null;
  /** true: only claims on needs that have started (by this server's clock); false: not started yet. */
  started?: boolean | null;
}

/** Which of a member's claims to list. */
export interface MemberClaimsFilter {
  status?: ClaimStatus | null;
}

export async function siteOf(deps: ServiceDeps, siteId: number) {
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');
  return site;
}

// ---- reads ----

export async function getNeed(deps: ServiceDeps, actor: Actor | null, id: number): Promise<NeedRow | null> {
  requireActor(actor);
  const need = await deps.cache.need.load(id);
  // Another site's need is answered as one that does not exist.
  return need && canSeeSite(actor, need.siteId) ? need : null;
}

export async function listNeeds(
  deps: ServiceDeps,
  actor: Actor | null,
  args: NeedsFilter & PageArgs,
  include: { claims?: boolean } = {},
) {
  const siteId = args.siteId;
  requireMemberOf(actor, siteId);
  const page = pageOf(args);
  let range: { from: Date; to: Date } | undefined;
  if (args.day != null) {
    const d = v.day('day', args.day);
    range = dayRange(d.year, d.month, d.day, (await siteOf(deps, siteId)).timeZone);
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
    const first = await q.firstNeedsPage(deps.db, filter, page.limit, { withClaims: include.claims ?? false });
    for (const m of first.beneficiaries) deps.cache.member.prime(m.id, m);
    first.claims?.forEach((list, i) => {
      for (const { claim, volunteer } of list) {
        deps.cache.claim.prime(claim.id, claim);
        deps.cache.member.prime(volunteer.id, volunteer);
      }
      deps.cache.claimsOfNeed.prime(
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
    q.needsAfter(deps.db, filter, page.limit, after),
    q.countNeeds(deps.db, filter),
  ]);
  return connection(rows, page, cursorOf, total);
}

export async function listSiteClaims(deps: ServiceDeps, actor: Actor | null, args: SiteClaimsFilter & PageArgs) {
  const siteId = args.siteId;
  requireRoleAt(actor, siteId, ['COORDINATOR', 'ADMIN']);
  const page = pageOf(args);
  const now = new Date();
  const filter = {
    siteId,
    status: args.status ?? undefined,
    startsBefore: args.started === true ? now : undefined,
    startsFrom: args.started === false ? now : undefined,
  };
  const [rows, total] = await Promise.all([
    q.listClaims(deps.db, filter, page.limit, afterId(page)),
    q.countClaims(deps.db, filter),
  ]);
  return connection(rows, page, (c) => c.id, total);
}

export async function listClaimsOf(
  deps: ServiceDeps,
  actor: Actor | null,
  member: MemberRow,
  args: MemberClaimsFilter & PageArgs,
) {
  requirePrivate(actor, member);
  const page = pageOf(args);
  const filter = { volunteerId: member.id, status: args.status ?? undefined };
  const [rows, total] = await Promise.all([
    q.listClaims(deps.db, filter, page.limit, afterId(page)),
    q.countClaims(deps.db, filter),
  ]);
  return connection(rows, page, (c) => c.id, total);
}

/** Need.claims: slot holders first, then no-shows, at most `first` (1-100); withdrawn ones left out. */
export async function claimsOfNeed(deps: ServiceDeps, need: NeedRow, firstInput: number | null | undefined) {
  const first = v.int('first', firstInput ?? 20, 1, q.MAX_LISTED_CLAIMS);
  return (await deps.cache.claimsOfNeed.load(need.id)).slice(0, first);
}

export async function openSlots(deps: ServiceDeps, need: NeedRow): Promise<number> {
  const claims = await deps.cache.claimsOfNeed.load(need.id);
  return Math.max(0, need.slots - claims.filter(q.holdsSlot).length);
}

/**
 * Drops the request's cached copies of a need and its claims after a write, so the mutation's
 * answer (claim { need { status } }) shows the state it just committed, not the one before.
 */
export function forgetNeed(deps: ServiceDeps, needId: number): void {
  deps.cache.need.clear(needId);
  deps.cache.claimsOfNeed.clear(needId);
}

// ---- the need's own life ----

/**
 * Posts a need. With an idempotency key (a phone that posted offline sends it again when the link
 * is back) the need is posted once: a retry with the key and the same need returns it, writes
 * nothing and announces nothing; the key with another need is CONFLICT and writes nothing.
 */
export async function postNeed(deps: ServiceDeps, actor: Actor | null, input: NewNeed): Promise<NeedRow> {
  const { siteId, beneficiaryId } = input;
  const poster = requireRoleAt(actor, siteId, ['COORDINATOR']);
  const title = v.text('input.title', input.title, 60);
  const description = v.optionalText('input.description', input.description, 1000, v.MULTILINE);
  const startsAt = v.date('input.startsAt', input.startsAt);
  const estimatedMinutes = v.int('input.estimatedMinutes', input.estimatedMinutes, 1, 1440);
  const slots = v.int('input.slots', input.slots ?? 1, 1, 50);
  const payer = input.payer ?? 'SITE';
  const keyed = keyedRequest('input.idempotencyKey', input.idempotencyKey, `need:${actorTag(poster)}`, [
    siteId,
    beneficiaryId,
    title,
    description,
    input.category,
    startsAt.toISOString(),
    estimatedMinutes,
    slots,
    payer,
    ...(input.followUpVisitId == null ? [] : [input.followUpVisitId]),
    ...(input.payerMemberId == null ? [] : [`payer:${input.payerMemberId}`]),
  ]);
  const beneficiary = await deps.cache.member.load(beneficiaryId);
  // A member who left or died is no one's beneficiary any more.
  if (!beneficiary || beneficiary.siteId !== siteId || beneficiary.deactivatedAt !== null) {
    badInput('input.beneficiaryId', {
      en: 'The beneficiary must be a member of this site',
      zh: '服务对象必须是本站点的成员',
    });
  }
  // Hours policy (issue 18): one's own hours pay for one's own care from the region's age.
  if (payer === 'BENEFICIARY') await requireWithdrawAge(deps.db, siteId, beneficiary);
  const { payerMemberId } = await checkPayer(deps, siteId, beneficiary, payer, input.payerMemberId);
  if (input.followUpVisitId != null) await followUpForNeed(deps, actor, input.followUpVisitId, siteId, beneficiaryId);
  const { need } = await deps.db.transaction(async (tx) => {
    const values = {
      siteId,
      title,
      description,
      category: input.category,
      beneficiaryId,
      startsAt,
      estimatedMinutes,
      slots,
      payer,
      payerMemberId,
      createdBy: memberIdOf(actor),
    };
    const row = keyed
      ? await q.insertNeedOnce(tx, { ...values, idempotencyKey: keyed.key, requestHash: keyed.hash })
      : await q.insertNeed(tx, values);
    // The key is taken: a retry of this need (its answer again), or the key reused for another.
    if (!row) return { need: replayOf(await q.needByKey(tx, keyed!.key), keyed!.hash) };
    await audit(tx, actor, siteId, 'postNeed', 'need', row.id, {
      title,
      category: input.category,
      slots,
      payer: row.payer,
    });
    await tellOfferMatches(tx, actor, row);
    await askConsent(tx, row, beneficiary.name);
    if (input.followUpVisitId != null) await closeWithNeed(tx, actor, input.followUpVisitId, row);
    await deps.events.announce(tx, [{ topic: 'needPosted', siteId, id: row.id }]);
    return { need: row };
  });
  return need;
}

export async function cancelNeed(
  deps: ServiceDeps,
  actor: Actor | null,
  needId: number,
  reasonInput: string,
): Promise<NeedRow> {
  const reason = v.text('reason', reasonInput, 500, 1, v.MULTILINE);
  const existing = await deps.cache.need.load(needId);
  if (!existing) notFound('need');
  requireVisibleAt(actor, existing.siteId, () => notFound('need'));
  requireRoleAt(actor, existing.siteId, ['COORDINATOR']);
  const settledBy = memberIdOf(actor);
  const need = await deps.db.transaction(async (tx) => {
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
    const now = new Date();
    const withdrawn: ClaimRow[] = [];
    for (const c of claims.filter((x) => x.status === 'CLAIMED' || x.status === 'CHECKED_IN'))
      withdrawn.push(await q.updateClaim(tx, c.id, { status: 'WITHDRAWN', settledAt: now, settledBy }));
    // A rejected claim can no longer be reported again on a cancelled need: it closes.
    const closed: ClaimRow[] = [];
    for (const c of claims.filter((x) => x.status === 'REJECTED' && x.closedAt === null))
      closed.push(await q.updateClaim(tx, c.id, { closedAt: now }));
    const row = await q.setNeedStatus(tx, needId, 'CANCELLED', { cancelledAt: now, cancelReason: reason });
    await audit(tx, actor, row.siteId, 'cancelNeed', 'need', needId, {
      reason,
      withdrawnClaims: withdrawn.length,
      closedClaims: closed.length,
    });
    await deliver(tx, needCancelled(row, [...withdrawn, ...closed], reason));
    await deps.events.announce(tx, claimsUpdated(row.siteId, [...withdrawn, ...closed]));
    return row;
  });
  forgetNeed(deps, needId);
  return need;
}
