// Referrals (转介): a visit's follow-up the site hands to its township. The coordinator refers an
// open follow-up (the referral is written and the follow-up closed as "referred", together, once
// per key); the township's staff (ADMIN at the site) accept, resolve or decline it, forward only,
// and each step tells the site's coordinators in their inbox.
import {
  referralQueries as q,
  regionQueries,
  visitQueries,
  type ReferralKind,
  type ReferralRow,
  type ReferralStatus,
  type SiteRow,
  type VisitRow,
} from '@huzhu/db';
import {
  actorTag,
  memberIdOf,
  requireActor,
  requireRoleAt,
  requireVisibleAt,
  STAFF,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { keyedRequest, replayOf } from '../core/idempotency';
import { afterId, connection, pageOf, type Connection, type PageArgs } from '../core/pagination';
import * as v from '../core/validate';
import { deliver } from '../inbox/inbox.deliver';
import { referralUpdated } from '../inbox/inbox.messages';
import { homeRegionId, requireRegionReader } from '../reports/region-access';
import { siteOrNotFound } from './visits.service';

/** What a referred follow-up's outcome says (the client words it from followUpAction). */
export const REFERRED_OUTCOME = 'referred';

export interface ReferInput {
  visitId: number;
  kind: ReferralKind;
  ask: string;
  idempotencyKey?: string | null;
}

/** The site's nearest TOWNSHIP region (the site's own or one above it); null when it has none. */
async function townshipOf(deps: ServiceDeps, site: SiteRow): Promise<number | null> {
  if (site.regionId === null) return null;
  const region = await regionQueries.regionById(deps.db, site.regionId);
  if (!region) return null;
  const line = await regionQueries.regionLine(deps.db, region);
  return line.findLast((r) => r.level === 'TOWNSHIP')?.id ?? null;
}

/** Refers a visit's open follow-up to the township (COORDINATOR of the visit's site). */
export async function referFollowUp(deps: ServiceDeps, actor: Actor | null, input: ReferInput): Promise<ReferralRow> {
  requireActor(actor);
  const visit = await visitQueries.visitById(deps.db, input.visitId);
  if (!visit) notFound('visit');
  requireVisibleAt(actor, visit.siteId, () => notFound('visit'));
  const referrer = requireRoleAt(actor, visit.siteId, ['COORDINATOR']);
  const ask = v.text('input.ask', input.ask, 500, 1, v.MULTILINE);
  const keyed = keyedRequest('input.idempotencyKey', input.idempotencyKey, `referral:${actorTag(referrer)}`, [
    input.visitId,
    input.kind,
    ask,
  ]);
  // A retry whose first try went through: its referral again, before the follow-up's state is judged.
  if (keyed) {
    const earlier = await q.referralByKey(deps.db, keyed.key);
    if (earlier) return replayOf(earlier, keyed.hash);
  }
  const regionId = await townshipOf(deps, await siteOrNotFound(deps, visit.siteId));
  return deps.db.transaction(async (tx) => {
    const closed = await visitQueries.closeFollowUp(tx, visit.id, memberIdOf(actor), REFERRED_OUTCOME);
    if (!closed) {
      // Someone closed it meanwhile; a retry that raced its own first try gets that referral.
      const held = keyed ? await q.referralByKey(tx, keyed.key) : undefined;
      if (held) return replayOf(held, keyed!.hash);
      fail(
        ErrorCode.CONFLICT,
        visit.followUpNeeded
          ? { en: 'This follow-up was closed already', zh: '这条跟进已经处理过了' }
          : { en: 'This visit needs no follow-up', zh: '这次探访没有需要跟进的事' },
      );
    }
    const row = await q.insertReferralOnce(tx, {
      visitId: visit.id,
      elderId: visit.elderId,
      siteId: visit.siteId,
      regionId,
      kind: input.kind,
      ask,
      referredBy: memberIdOf(actor),
      idempotencyKey: keyed?.key ?? null,
      requestHash: keyed?.hash ?? null,
    });
    // The follow-up was open a moment ago, so only a concurrent retry with the same key can hold it.
    if (!row) return replayOf(keyed ? await q.referralByKey(tx, keyed.key) : undefined, keyed?.hash ?? '');
    await audit(tx, actor, visit.siteId, 'referFollowUp', 'referral', row.id, { visitId: visit.id, kind: input.kind });
    return row;
  });
}

/** The steps each status may be reached from: forward only. */
const FROM: Record<'ACCEPTED' | 'RESOLVED' | 'DECLINED', ReferralStatus[]> = {
  ACCEPTED: ['REFERRED'],
  RESOLVED: ['ACCEPTED'],
  DECLINED: ['REFERRED', 'ACCEPTED'],
};

export interface UpdateReferralInput {
  referralId: number;
  status: ReferralStatus;
  note?: string | null;
}

/** Moves a referral one step on (ADMIN at its site: the township's staff, and platform staff). */
export async function updateReferral(
  deps: ServiceDeps,
  actor: Actor | null,
  input: UpdateReferralInput,
): Promise<ReferralRow> {
  requireActor(actor);
  const found = await q.referralById(deps.db, input.referralId);
  if (!found) notFound('referral');
  requireVisibleAt(actor, found.siteId, () => notFound('referral'));
  requireRoleAt(actor, found.siteId, ['ADMIN']);
  const to = input.status;
  if (to === 'REFERRED') {
    badInput('input.status', {
      en: 'A referral moves to ACCEPTED, RESOLVED or DECLINED',
      zh: '转介只能改为已接收、已办结或不予受理',
    });
  }
  const note =
    to === 'DECLINED'
      ? v.text('input.note', input.note ?? '', 500, 1, v.MULTILINE)
      : v.optionalText('input.note', input.note, 500, v.MULTILINE);
  return deps.db.transaction(async (tx) => {
    const now = (await q.referralById(tx, found.id, true))!;
    // The same step again (the reply was lost): the referral as it is, nobody told twice.
    if (now.status === to) return now;
    if (!FROM[to].includes(now.status)) {
      fail(
        ErrorCode.ILLEGAL_TRANSITION,
        {
          en: `A ${now.status.toLowerCase()} referral cannot become ${to.toLowerCase()}`,
          zh: `这条转介现在是“${STATUS_ZH[now.status]}”，不能改为“${STATUS_ZH[to]}”`,
        },
        { from: now.status, to },
      );
    }
    const moved = (await q.moveReferral(tx, now.id, now.status, to, memberIdOf(actor), note ?? null))!;
    await audit(tx, actor, moved.siteId, 'updateReferral', 'referral', moved.id, { from: now.status, to });
    await deliver(tx, await referralUpdated(tx, moved));
    return moved;
  });
}

const STATUS_ZH: Record<ReferralStatus, string> = {
  REFERRED: '已转介',
  ACCEPTED: '已接收',
  RESOLVED: '已办结',
  DECLINED: '不予受理',
};

/** The site's referrals, newest first (the site's staff, and admins). */
export async function siteReferrals(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  statuses: readonly ReferralStatus[] | null | undefined,
  args: PageArgs,
): Promise<Connection<ReferralRow>> {
  requireRoleAt(actor, siteId, STAFF);
  await siteOrNotFound(deps, siteId);
  const page = pageOf(args);
  const { rows, total } = await q.referralsOfSite(deps.db, siteId, statuses ?? null, afterId(page), page.limit);
  return connection(rows, page, (r) => r.id, total);
}

/** The referrals of the sites at or under a region (every region's when null), newest first. */
export async function regionReferrals(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number | null,
  statuses: readonly ReferralStatus[] | null | undefined,
  args: PageArgs,
): Promise<Connection<ReferralRow>> {
  requireActor(actor);
  // None asked for: a region officer's own region, everything for platform staff.
  const asked = regionId ?? homeRegionId(actor);
  const region = asked === null ? null : await regionQueries.regionById(deps.db, asked);
  if (asked !== null && !region) notFound('region');
  requireRegionReader(actor, region ?? null);
  const page = pageOf(args);
  const { rows, total } = await q.referralsUnder(
    deps.db,
    region?.path ?? null,
    statuses ?? null,
    afterId(page),
    page.limit,
  );
  return connection(rows, page, (r) => r.id, total);
}

/** A referral's steps, oldest first, for each of the given referrals (the loader's batch). */
export async function historyOf(deps: ServiceDeps, referralIds: readonly number[]) {
  const rows = await q.eventsOf(deps.db, referralIds);
  return referralIds.map((id) => rows.filter((r) => r.referralId === id));
}

/** The visit a referral closed (read when a client asks for it from a referral). */
export function visitOf(deps: ServiceDeps, referral: ReferralRow): Promise<VisitRow | undefined> {
  return visitQueries.visitById(deps.db, referral.visitId);
}
