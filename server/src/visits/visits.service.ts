// Visits (巡访) and the monthly coverage behind the binding 100% visit rate: every elder with a
// care category is due one visit per calendar month in the site's time zone.
import { memberQueries, visitQueries, type MemberRow, type SiteRow, type VisitRow } from '@huzhu/db';
import { STAFF, actorTag, memberIdOf, requireRoleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { keyedRequest, replayOf } from '../core/idempotency';
import * as v from '../core/validate';

/** A visit as the visitor records it. */
export interface NewVisit {
  elderId: number;
  visitedAt: Date;
  note?: string | null;
  /** false when omitted. */
  followUpNeeded?: boolean | null;
  /** The recorder's key for this visit: a retry with it returns the visit, recorded once. */
  idempotencyKey?: string | null;
}

export interface CoverageData {
  month: string;
  dueCount: number;
  visitedCount: number;
  /** null when no one is due. */
  rate: number | null;
  unvisited: MemberRow[];
  visits: VisitRow[];
}

/** Phones and servers disagree about the time by a little; a visit "now" must not be refused. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const EARLIEST_VISIT = new Date('2000-01-01T00:00:00Z');

/** visited / due; null when no one is due: a site with no elders due has no rate (not 100%). */
export function coverageRate(due: number, visited: number): number | null {
  return due === 0 ? null : visited / due;
}

export async function siteOrNotFound(deps: ServiceDeps, siteId: number): Promise<SiteRow> {
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');
  return site;
}

/**
 * Records a visit. With an idempotency key (a phone that recorded it offline sends it again when
 * the link is back) the visit is recorded once: a retry with the key and the same visit returns
 * it and writes nothing; the key with another visit is CONFLICT and writes nothing.
 */
export async function recordVisit(deps: ServiceDeps, actor: Actor | null, input: NewVisit): Promise<VisitRow> {
  const elder = await deps.cache.member.load(input.elderId);
  if (!elder || elder.siteId === null) {
    // Only platform staff learn that the id is unknown; anyone else is refused as for a foreign site.
    requireRoleAt(actor, -1, ['ADMIN']);
    fail(ErrorCode.NOT_FOUND, { en: 'No such elder at any site', zh: '找不到这位老人' }, { field: 'input.elderId' });
  }
  const visitor = requireRoleAt(actor, elder.siteId, ['COORDINATOR', 'VOLUNTEER', 'ADMIN']);
  // The member who visited; null when the system records one (an import).
  const visitorId = memberIdOf(visitor);
  const visitedAt = v.date('input.visitedAt', input.visitedAt);
  if (visitedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
    badInput('input.visitedAt', { en: 'The visit cannot be in the future', zh: '探访时间不能晚于现在' });
  }
  if (visitedAt < EARLIEST_VISIT) {
    badInput('input.visitedAt', { en: 'The visit cannot be before 2000', zh: '探访时间不能早于2000年' });
  }
  const note = v.optionalText('input.note', input.note, 1000, v.MULTILINE);
  // An elder who also volunteers (以老助老) cannot visit themself into the coverage figures.
  if (elder.id === visitorId) {
    badInput('input.elderId', { en: 'You cannot record a visit to yourself', zh: '不能为自己登记探访' });
  }
  const followUpNeeded = input.followUpNeeded ?? false;
  const keyed = keyedRequest('input.idempotencyKey', input.idempotencyKey, `visit:${actorTag(visitor)}`, [
    elder.id,
    visitedAt.toISOString(),
    note,
    followUpNeeded,
  ]);
  return deps.db.transaction(async (tx) => {
    const values = { siteId: elder.siteId!, elderId: elder.id, visitorId, visitedAt, note, followUpNeeded };
    const row = keyed
      ? await visitQueries.insertVisitOnce(tx, { ...values, idempotencyKey: keyed.key, requestHash: keyed.hash })
      : await visitQueries.insertVisit(tx, values);
    // The key is taken: a retry of this visit (its answer again), or the key reused for another.
    if (!row) return replayOf(await visitQueries.visitByKey(tx, keyed!.key), keyed!.hash);
    await audit(tx, actor, row.siteId, 'recordVisit', 'visit', row.id, {
      elderId: elder.id,
      visitedAt: visitedAt.toISOString(),
      followUpNeeded,
    });
    return row;
  });
}

export async function visitCoverage(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<CoverageData> {
  requireRoleAt(actor, siteId, STAFF);
  const { year, month } = v.month('month', monthInput);
  // The site (for its NOT_FOUND), the elders due and the month's visits go out together: the
  // visits' query finds the month's bounds in the site's zone itself.
  const [, due, visits] = await Promise.all([
    siteOrNotFound(deps, siteId),
    memberQueries.membersDueVisits(deps.db, siteId),
    visitQueries.visitsOfSiteMonth(deps.db, siteId, `${year}-${String(month).padStart(2, '0')}-01`),
  ]);
  const visited = new Set(visits.map((x) => x.elderId));
  const unvisited = due.filter((m) => !visited.has(m.id));
  for (const m of due) deps.cache.member.prime(m.id, m);
  const visitedCount = due.length - unvisited.length;
  return {
    month: monthInput,
    dueCount: due.length,
    visitedCount,
    rate: coverageRate(due.length, visitedCount),
    unvisited,
    visits,
  };
}
