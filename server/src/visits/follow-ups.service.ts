// Follow-ups (跟进): a visit that found something to act on stays on the site's list until its
// coordinator records what was done. Closing is once: a retry with the same words returns the
// closed visit, other words on a closed one are CONFLICT.
import { visitQueries, type VisitRow } from '@huzhu/db';
import { memberIdOf, requireActor, requireRoleAt, requireVisibleAt, STAFF, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { siteOrNotFound } from './visits.service';

/** The site's open follow-ups, oldest first (site staff). */
export async function openFollowUps(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  first: number | null | undefined,
): Promise<VisitRow[]> {
  requireRoleAt(actor, siteId, STAFF);
  await siteOrNotFound(deps, siteId);
  return visitQueries.openFollowUps(deps.db, siteId, v.int('first', first ?? 50, 1, 100));
}

/** Records what was done about a visit's follow-up (the site's coordinator). */
export async function closeFollowUp(
  deps: ServiceDeps,
  actor: Actor | null,
  visitId: number,
  outcomeInput: string,
): Promise<VisitRow> {
  requireActor(actor);
  const outcome = v.text('outcome', outcomeInput, 500, 1, v.MULTILINE);
  const found = await visitQueries.visitById(deps.db, visitId);
  if (!found) notFound('visit');
  requireVisibleAt(actor, found.siteId, () => notFound('visit'));
  requireRoleAt(actor, found.siteId, ['COORDINATOR']);
  return deps.db.transaction(async (tx) => {
    const closed = await visitQueries.closeFollowUp(tx, visitId, memberIdOf(actor), outcome);
    if (closed) {
      await audit(tx, actor, closed.siteId, 'closeFollowUp', 'visit', visitId, { outcome });
      return closed;
    }
    const now = (await visitQueries.visitById(tx, visitId))!;
    // A retry of the same close (the reply was lost) gets the closed visit again.
    if (now.followUpClosedAt !== null && now.followUpOutcome === outcome) return now;
    return fail(
      ErrorCode.CONFLICT,
      now.followUpNeeded
        ? { en: 'This follow-up was closed already', zh: '这条跟进已经处理过了' }
        : { en: 'This visit needs no follow-up', zh: '这次探访没有需要跟进的事' },
    );
  });
}
