// Follow-ups (跟进): a visit that found something to act on stays on the site's list until its
// coordinator records what was done: a note, a need posted for the elder, or a referral to the
// township (referrals.service). Closing is once: a retry with the same words returns the closed
// visit, other words on a closed one are CONFLICT.
import { visitQueries, type NeedRow, type Transaction, type VisitRow } from '@huzhu/db';
import { memberIdOf, requireActor, requireRoleAt, requireVisibleAt, STAFF, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
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

/** What a follow-up closed by posting a need says (the client words it from followUpAction). */
export const NEED_POSTED_OUTCOME = 'need posted';

const CLOSED_ALREADY = { en: 'This follow-up was closed already', zh: '这条跟进已经处理过了' };

/**
 * Checks, before a need is posted for it, that the follow-up is one of the site's elder the
 * need serves (the site's coordinator posts it, so the role is checked by postNeed).
 */
export async function followUpForNeed(
  deps: ServiceDeps,
  actor: Actor | null,
  visitId: number,
  siteId: number,
  beneficiaryId: number,
): Promise<VisitRow> {
  const visit = await visitQueries.visitById(deps.db, visitId);
  if (!visit || visit.siteId !== siteId) notFound('visit');
  requireVisibleAt(actor, visit.siteId, () => notFound('visit'));
  if (visit.elderId !== beneficiaryId) {
    badInput('input.followUpVisitId', {
      en: 'The need must be for the elder of the follow-up',
      zh: '需求的服务对象必须是跟进的这位老人',
    });
  }
  // Whether it is still open is judged where it is closed, in the posting's transaction: a retry
  // of a posting that went through finds it closed, and gets its need back all the same.
  return visit;
}

/** Closes the follow-up with the need just posted, in the posting's transaction (CONFLICT if closed meanwhile). */
export async function closeWithNeed(
  tx: Transaction,
  actor: Actor | null,
  visitId: number,
  need: NeedRow,
): Promise<void> {
  const closed = await visitQueries.closeFollowUpWithNeed(tx, visitId, memberIdOf(actor), NEED_POSTED_OUTCOME, need.id);
  if (!closed) fail(ErrorCode.CONFLICT, CLOSED_ALREADY);
  await audit(tx, actor, closed.siteId, 'closeFollowUp', 'visit', visitId, {
    outcome: NEED_POSTED_OUTCOME,
    needId: need.id,
  });
}

/** Follow-ups closed in the last 60 days by a need or a referral, newest first (site staff). */
export async function linkedFollowUps(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  first: number | null | undefined,
): Promise<VisitRow[]> {
  requireRoleAt(actor, siteId, STAFF);
  await siteOrNotFound(deps, siteId);
  const since = new Date(Date.now() - 60 * 24 * 3600 * 1000);
  return visitQueries.linkedFollowUps(deps.db, siteId, since, v.int('first', first ?? 50, 1, 100));
}
