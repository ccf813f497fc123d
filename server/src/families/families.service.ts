// Families (issue 18): family links between members (配偶, 父母, 子女, 其他亲属), recorded by a
// coordinator with the consent of both sides, and read from either side. Gifts to relatives,
// donations to the care pool and paying for a relative's need are in gifts.service and payers.ts.
import {
  familyQueries as q,
  memberQueries,
  type FamilyConsent,
  type FamilyLinkRow,
  type FamilyRelation,
  type MemberRow,
} from '@huzhu/db';
import {
  STAFF,
  hasRoleAt,
  inMyRegions,
  memberIdOf,
  requireActor,
  requireRoleAt,
  requireViewer,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { requireTradeAllowed } from '../ledger/alliances.service';

/** A link seen from one of its members: `relation` is what the relative is to the member. */
export interface FamilyLinkView {
  link: FamilyLinkRow;
  memberId: number;
  relativeId: number;
  relation: FamilyRelation;
  memberConsent: FamilyConsent | null;
  relativeConsent: FamilyConsent | null;
  inForce: boolean;
}

export interface NewFamilyLink {
  memberId: number;
  relativeId?: number | null;
  relativePhone?: string | null;
  /** What the relative is to the member. */
  relation: FamilyRelation;
  memberConsent?: FamilyConsent | null;
  relativeConsent?: FamilyConsent | null;
}

const INVERSE: Record<FamilyRelation, FamilyRelation> = {
  SPOUSE: 'SPOUSE',
  PARENT: 'CHILD',
  CHILD: 'PARENT',
  OTHER_RELATIVE: 'OTHER_RELATIVE',
};

/** The link seen from `memberId` (one of its two members). */
export function viewOf(link: FamilyLinkRow, memberId: number): FamilyLinkView {
  const fromMember = link.memberId === memberId;
  return {
    link,
    memberId,
    relativeId: fromMember ? link.relativeId : link.memberId,
    relation: fromMember ? link.relation : INVERSE[link.relation],
    memberConsent: fromMember ? link.memberConsent : link.relativeConsent,
    relativeConsent: fromMember ? link.relativeConsent : link.memberConsent,
    inForce: q.inForce(link),
  };
}

const COORDINATING = ['COORDINATOR', 'ADMIN'] as const;

/** Whether the actor coordinates the member's site (its coordinator, or staff above it). */
function coordinates(actor: Actor, member: MemberRow): boolean {
  return member.siteId !== null && hasRoleAt(actor, member.siteId, COORDINATING);
}

/** A member who can be linked: there, and still a member. */
async function liveMember(deps: ServiceDeps, id: number): Promise<MemberRow | undefined> {
  const m = await deps.cache.member.load(id);
  return m && m.deactivatedAt === null && m.siteId !== null ? m : undefined;
}

/** Consent the actor may record for `member`: only for a member of a site they coordinate; PROXY only for one without a log-in. */
function consentFor(
  actor: Actor,
  member: MemberRow,
  consent: FamilyConsent | null | undefined,
  field: string,
): FamilyConsent | null {
  if (consent == null) return null;
  if (!coordinates(actor, member)) {
    badInput(field, {
      en: 'Only a coordinator of that member’s site, or the member, can give their consent',
      zh: '只有该成员所在站点的协调员或成员本人可以确认同意',
    });
  }
  if (consent === 'PROXY' && member.passwordHash !== null) {
    badInput(field, {
      en: 'A member who logs in consents themselves; PROXY is for members without a log-in',
      zh: '能自己登录的成员须本人同意；代办只适用于没有账号的老人',
    });
  }
  return consent;
}

export async function recordFamilyLink(
  deps: ServiceDeps,
  actor: Actor | null,
  input: NewFamilyLink,
): Promise<FamilyLinkView> {
  const who = requireActor(actor);
  const member = await liveMember(deps, input.memberId);
  if (!member) notFound('member');
  let relative: MemberRow | undefined;
  if (input.relativeId != null) relative = await liveMember(deps, input.relativeId);
  else if (input.relativePhone != null) {
    const found = await memberQueries.memberByPhone(deps.db, v.phone('input.relativePhone', input.relativePhone));
    relative = found && found.deactivatedAt === null && found.siteId !== null ? found : undefined;
  } else {
    badInput('input.relativeId', { en: 'Name the relative by id or phone', zh: '请填写亲属的编号或手机号' });
  }
  // Neither member of a site the actor coordinates: as if neither existed.
  if (!relative || (!coordinates(who, member) && !coordinates(who, relative))) notFound('member');
  if (relative.id === member.id) {
    badInput('input.relativeId', { en: 'A member cannot be their own relative', zh: '不能与自己建立亲属关系' });
  }
  await requireTradeAllowed(deps.db, member.siteId!, relative.siteId!);
  const memberConsent = consentFor(who, member, input.memberConsent, 'input.memberConsent');
  const relativeConsent = consentFor(who, relative, input.relativeConsent, 'input.relativeConsent');
  const by = memberIdOf(who);
  const siteId = coordinates(who, member) ? member.siteId! : relative.siteId!;
  return deps.db.transaction(async (tx) => {
    const row = await q.insertLinkOnce(tx, {
      memberId: member.id,
      relativeId: relative.id,
      relation: input.relation,
      siteId,
      memberConsent,
      memberConsentBy: memberConsent ? by : null,
      memberConsentAt: memberConsent ? new Date() : null,
      relativeConsent,
      relativeConsentBy: relativeConsent ? by : null,
      relativeConsentAt: relativeConsent ? new Date() : null,
      createdBy: by,
    });
    if (!row) {
      // The pair has an open link: the same one recorded again is its answer; another relation is a clash.
      const open = (await q.openLinkBetween(tx, member.id, relative.id))!;
      const seen = viewOf(open, member.id);
      if (seen.relation !== input.relation) {
        fail(ErrorCode.CONFLICT, {
          en: 'These two are already linked as another relation; end that link first',
          zh: '两人已有其他亲属关系，请先解除',
        });
      }
      return seen;
    }
    await audit(tx, who, siteId, 'recordFamilyLink', 'family_link', row.id, {
      member: member.id,
      relative: relative.id,
      relation: input.relation,
      memberConsent,
      relativeConsent,
    });
    return viewOf(row, member.id);
  });
}

/** The link, if the actor may see it: one of its members, or a coordinator of either's site; else NOT_FOUND. */
async function visibleLink(
  deps: ServiceDeps,
  actor: Actor,
  linkId: number,
): Promise<{ link: FamilyLinkRow; a: MemberRow; b: MemberRow }> {
  const link = await q.linkById(deps.db, linkId);
  const [a, b] = link
    ? await Promise.all([deps.cache.member.load(link.memberId), deps.cache.member.load(link.relativeId)])
    : [];
  if (!link || !a || !b) fail(ErrorCode.NOT_FOUND, { en: 'Family link not found', zh: '找不到这条亲属关系' });
  const self = memberIdOf(actor);
  if (self !== a.id && self !== b.id && !coordinates(actor, a) && !coordinates(actor, b)) {
    fail(ErrorCode.NOT_FOUND, { en: 'Family link not found', zh: '找不到这条亲属关系' });
  }
  return { link, a, b };
}

export async function confirmFamilyLink(
  deps: ServiceDeps,
  actor: Actor | null,
  linkId: number,
  consentInput: FamilyConsent | null | undefined,
): Promise<FamilyLinkView> {
  const who = requireActor(actor);
  const { a, b } = await visibleLink(deps, who, linkId);
  const self = memberIdOf(who);
  const consent = consentInput ?? 'SELF';
  return deps.db.transaction(async (tx) => {
    const link = (await q.linkById(tx, linkId, true))!;
    if (link.endedAt !== null) {
      fail(ErrorCode.CONFLICT, { en: 'The link has ended', zh: '这条亲属关系已解除' });
    }
    // Each waiting side the actor may speak for: themselves (SELF only), or as its coordinator.
    const speaks = (m: MemberRow) =>
      self === m.id ? consent === 'SELF' : coordinates(who, m) && consentFor(who, m, consent, 'consent') !== null;
    const changes: Partial<FamilyLinkRow> = {};
    const now = new Date();
    if (link.memberConsentAt === null && speaks(a))
      Object.assign(changes, { memberConsent: consent, memberConsentBy: self, memberConsentAt: now });
    if (link.relativeConsentAt === null && speaks(b))
      Object.assign(changes, { relativeConsent: consent, relativeConsentBy: self, relativeConsentAt: now });
    const from = self === b.id || (self !== a.id && !coordinates(who, a)) ? b.id : a.id;
    if (Object.keys(changes).length === 0) {
      // Nothing waiting that the actor may give: a repeat is its own answer, anything else refused.
      const mine = [a, b].filter((m) => self === m.id || coordinates(who, m));
      const given = mine.every((m) => (m.id === link.memberId ? link.memberConsentAt : link.relativeConsentAt));
      if (given) return viewOf(link, from);
      fail(ErrorCode.FORBIDDEN, {
        en: 'Only the member, or a coordinator of their site, can give their consent',
        zh: '只有成员本人或其所在站点的协调员可以确认同意',
      });
    }
    const row = await q.updateLink(tx, linkId, changes);
    await audit(tx, who, link.siteId, 'confirmFamilyLink', 'family_link', linkId, { consent, inForce: q.inForce(row) });
    return viewOf(row, from);
  });
}

export async function endFamilyLink(deps: ServiceDeps, actor: Actor | null, linkId: number): Promise<FamilyLinkView> {
  const who = requireActor(actor);
  const { a, b } = await visibleLink(deps, who, linkId);
  const self = memberIdOf(who);
  const from = self === b.id || (self !== a.id && !coordinates(who, a)) ? b.id : a.id;
  return deps.db.transaction(async (tx) => {
    const link = (await q.linkById(tx, linkId, true))!;
    if (link.endedAt !== null) return viewOf(link, from);
    const row = await q.updateLink(tx, linkId, { endedAt: new Date(), endedBy: self });
    await audit(tx, who, link.siteId, 'endFamilyLink', 'family_link', linkId, {});
    return viewOf(row, from);
  });
}

/** A member's links, open first: the member themselves, and staff of their site. */
export async function familyLinksOf(
  deps: ServiceDeps,
  actor: Actor | null,
  memberId: number,
): Promise<FamilyLinkView[]> {
  const who = requireActor(actor);
  const member = await deps.cache.member.load(memberId);
  if (!member) notFound('member');
  if (
    memberIdOf(who) !== memberId &&
    !(member.siteId !== null && hasRoleAt(who, member.siteId, ['COORDINATOR', 'ADMIN', 'CLERK']))
  )
    return [];
  return (await q.linksOfMember(deps.db, memberId)).map((l) => viewOf(l, memberId));
}

export async function myFamilyLinks(deps: ServiceDeps, actor: Actor | null): Promise<FamilyLinkView[]> {
  const viewer = requireViewer(actor);
  return (await q.linksOfMember(deps.db, viewer.id)).map((l) => viewOf(l, viewer.id));
}

/** Whether the member in view keeps a standing permission to pay for the relative. */
export async function paysForRelative(deps: ServiceDeps, view: FamilyLinkView): Promise<boolean> {
  return (await q.openPermission(deps.db, view.memberId, view.relativeId)) !== undefined;
}

/** The open link in force between two members, or NOT_FOUND naming the field (an unlinked member is not found). */
export async function requireLinked(
  deps: ServiceDeps,
  memberId: number,
  relativeId: number,
  field: string,
): Promise<FamilyLinkRow> {
  const link = await q.openLinkBetween(deps.db, memberId, relativeId);
  if (!q.inForce(link)) {
    fail(ErrorCode.NOT_FOUND, { en: 'No linked relative with that id', zh: '找不到这位已确认的亲属' }, { field });
  }
  return link!;
}

/**
 * A site's month of gifts, care-pool donations and withdrawals (the site report's family
 * figures): staff of the site, its region's staff and platform staff. `month` as "2026-11".
 */
export async function siteFamilyFigures(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  month: string,
): Promise<q.FamilyFigures> {
  if (!hasRoleAt(actor, siteId, STAFF) && !inMyRegions(actor, siteId)) requireRoleAt(actor, siteId, STAFF);
  const { year, month: m } = v.month('month', month);
  // Batched per request: the all-sites report's rows ask together and are read in one statement.
  return deps.cache.familyFigures.load(`${year}-${String(m).padStart(2, '0')}-01|${siteId}`);
}
