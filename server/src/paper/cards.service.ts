// Member cards: a printable card whose QR code carries an opaque random code (not the phone), and
// the counter's look-up by that code. Issuing a new card gives a new code, so a lost card stops
// working at once.
import { randomBytes } from 'node:crypto';
import { paperQueries, type MemberRow } from '@huzhu/db';
import { requireRoleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { notFound } from '../core/errors';
import * as v from '../core/validate';
import { memberForPaper, PAPER_STAFF } from './paper-access';

export interface MemberCardData {
  member: MemberRow;
  /** Null until a card is issued. */
  code: string | null;
}

/** The printed member number: the member's id, eight digits (00000042). */
export function memberNumber(memberId: number): string {
  return String(memberId).padStart(8, '0');
}

/** Prefix and 20 random base32-ish characters: unguessable, and readable by a QR at small size. */
function newCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `HZC1-${s}`;
}

/** The member's card as it stands: the member themself, the site's coordinator or clerk. */
export async function memberCard(deps: ServiceDeps, actor: Actor | null, memberId: number): Promise<MemberCardData> {
  const { member } = await memberForPaper(deps, actor, memberId, PAPER_STAFF);
  return { member, code: member.cardCode };
}

/** A new card (a new code; any earlier card stops working): the site's coordinator or clerk. */
export async function issueMemberCard(
  deps: ServiceDeps,
  actor: Actor | null,
  memberId: number,
): Promise<MemberCardData> {
  const { actor: a, member } = await memberForPaper(deps, actor, memberId, PAPER_STAFF, false);
  const updated = await deps.db.transaction(async (tx) => {
    const row = await paperQueries.setCardCode(tx, member.id, newCode());
    if (!row) notFound('member');
    await audit(tx, a, member.siteId, 'issueMemberCard', 'member', member.id, { reissued: member.cardCode !== null });
    return row;
  });
  deps.cache.member.clear(member.id);
  return { member: updated, code: updated.cardCode };
}

/**
 * The member a scanned card names, at the counter of `siteId`: its clerk or coordinator (anyone
 * else: FORBIDDEN, as for any site id). Another
 * site's card, an old (re-issued) card, a deactivated member or any unknown code: NOT_FOUND.
 */
export async function memberByCard(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  code: string,
): Promise<MemberRow> {
  requireRoleAt(actor, siteId, PAPER_STAFF);
  const text = v.text('code', code, 64);
  const member = await paperQueries.memberByCardCode(deps.db, text);
  if (!member || member.siteId !== siteId || member.deactivatedAt !== null) notFound('member');
  return member;
}
