// The messages the needs and claims flows deliver, built here so the services only call
// deliver(tx, ...). Each carries facts (InboxDetail), never words: the client words them.
import {
  inboxQueries,
  memberQueries,
  type ClaimRow,
  type NeedRow,
  type ReferralRow,
  type ReferralStatus,
  type Transaction,
} from '@huzhu/db';
import type { InboxMessage } from './inbox.deliver';

/**
 * The facts a message may carry, as stored in inbox_items.detail and served as InboxItem's
 * fields of the same names. Which are set depends on the kind (schema/inbox.graphql, InboxKind).
 */
export interface InboxDetail {
  needId?: number;
  needTitle?: string;
  reason?: string;
  minutes?: number;
  points?: number;
  personName?: string;
  /** An instant, ISO 8601: when the need starts, when a visit is due. */
  at?: string;
  /** Where a referral is now (REFERRAL_UPDATED). */
  referralStatus?: ReferralStatus;
}

const aboutNeed = (need: NeedRow): InboxDetail => ({
  needId: need.id,
  needTitle: need.title,
  at: need.startsAt.toISOString(),
});

/** To the volunteer: their service was confirmed. Once per claim (a claim is confirmed once). */
export function claimConfirmed(need: NeedRow, claim: ClaimRow, minutes: number, points: number): InboxMessage {
  return {
    memberId: claim.volunteerId,
    siteId: need.siteId,
    kind: 'CLAIM_CONFIRMED',
    subject: `claim:${claim.id}`,
    detail: { ...aboutNeed(need), minutes, points },
    dedupeKey: `claim:${claim.id}:CONFIRMED`,
  };
}

/**
 * To the volunteer: their report was not accepted, and why. No dedupe key: a claim reported
 * again after a rejection may be rejected again, and that is news again.
 */
export function claimRejected(need: NeedRow, claim: ClaimRow, reason: string): InboxMessage {
  return {
    memberId: claim.volunteerId,
    siteId: need.siteId,
    kind: 'CLAIM_REJECTED',
    subject: `claim:${claim.id}`,
    detail: { ...aboutNeed(need), reason },
  };
}

/** To every coordinator of the need's site: reported service waits for them (each report once). */
export async function serviceReported(
  tx: Transaction,
  need: NeedRow,
  claim: ClaimRow,
  minutes: number,
): Promise<InboxMessage[]> {
  const [coordinators, volunteer] = await Promise.all([
    inboxQueries.memberIdsWithRole(tx, need.siteId, 'COORDINATOR'),
    memberQueries.memberById(tx, claim.volunteerId),
  ]);
  return coordinators
    .filter((id) => id !== claim.volunteerId)
    .map((memberId) => ({
      memberId,
      siteId: need.siteId,
      kind: 'SERVICE_REPORTED' as const,
      subject: `claim:${claim.id}`,
      detail: { ...aboutNeed(need), minutes, personName: volunteer?.name },
    }));
}

/** To each volunteer whose claim the cancellation ended: the need is off, and why. */
export function needCancelled(need: NeedRow, claims: readonly ClaimRow[], reason: string): InboxMessage[] {
  const volunteers = [...new Set(claims.map((c) => c.volunteerId))];
  return volunteers.map((memberId) => ({
    memberId,
    siteId: need.siteId,
    kind: 'NEED_CANCELLED' as const,
    subject: `need:${need.id}`,
    detail: { ...aboutNeed(need), reason },
    dedupeKey: `need:${need.id}:CANCELLED`,
  }));
}

/**
 * To every coordinator of the referral's site: the township moved it on (each status once per
 * referral, so a retried step tells no one twice).
 */
export async function referralUpdated(tx: Transaction, referral: ReferralRow): Promise<InboxMessage[]> {
  const [coordinators, elder] = await Promise.all([
    inboxQueries.memberIdsWithRole(tx, referral.siteId, 'COORDINATOR'),
    memberQueries.memberById(tx, referral.elderId),
  ]);
  return coordinators.map((memberId) => ({
    memberId,
    siteId: referral.siteId,
    kind: 'REFERRAL_UPDATED' as const,
    subject: `referral:${referral.id}`,
    detail: {
      personName: elder?.name,
      referralStatus: referral.status,
      ...(referral.declineReason ? { reason: referral.declineReason } : {}),
    } satisfies InboxDetail,
    dedupeKey: `referral:${referral.id}:${referral.status}`,
  }));
}
