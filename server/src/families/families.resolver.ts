// GraphQL for families (issue 18): parse ids, call the services, and the one mapping of a family
// link (seen from one member) to a FamilyLink; the Need, Member and SiteReport fields it adds.
import type { familyQueries } from '@huzhu/db';
import { notFound } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Context } from '../graphql/context';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import type { SiteReportData } from '../reports/reports.service';
import * as families from './families.service';
import * as gifts from './gifts.service';

/** One read of a report's family figures, however many of its fields are asked for. */
const figuresOf = new WeakMap<SiteReportData, Promise<familyQueries.FamilyFigures>>();

export const familiesResolvers: Resolvers = {
  Query: {
    myFamilyLinks: (_p, _a, ctx) => families.myFamilyLinks(ctx.deps, ctx.viewer),
    myPaymentRequests: (_p, _a, ctx) => gifts.myPaymentRequests(ctx.deps, ctx.viewer),
  },
  Mutation: {
    recordFamilyLink: (_p, { input }, ctx) =>
      families.recordFamilyLink(ctx.deps, ctx.viewer, {
        ...input,
        memberId: fromId('Member', input.memberId, 'input.memberId'),
        relativeId: input.relativeId == null ? null : fromId('Member', input.relativeId, 'input.relativeId'),
      }),
    confirmFamilyLink: (_p, a, ctx) =>
      families.confirmFamilyLink(ctx.deps, ctx.viewer, fromId('FamilyLink', a.linkId, 'linkId'), a.consent),
    endFamilyLink: (_p, a, ctx) =>
      families.endFamilyLink(ctx.deps, ctx.viewer, fromId('FamilyLink', a.linkId, 'linkId')),
    giftMinutes: (_p, a, ctx) =>
      gifts.giftMinutes(ctx.deps, ctx.viewer, { ...a, toMemberId: fromId('Member', a.toMemberId, 'toMemberId') }),
    donateToCarePool: (_p, a, ctx) => gifts.donateToCarePool(ctx.deps, ctx.viewer, a),
    consentToPay: (_p, a, ctx) => gifts.consentToPay(ctx.deps, ctx.viewer, fromId('Need', a.needId, 'needId')),
    grantPaymentPermission: (_p, a, ctx) =>
      gifts.grantPaymentPermission(ctx.deps, ctx.viewer, fromId('Member', a.beneficiaryId, 'beneficiaryId')),
    revokePaymentPermission: (_p, a, ctx) =>
      gifts.revokePaymentPermission(ctx.deps, ctx.viewer, fromId('Member', a.beneficiaryId, 'beneficiaryId')),
  },
  FamilyLink: {
    id: (l) => toId('FamilyLink', l.link.id),
    member: (l, _a, ctx) => ctx.loaders.member.must(l.memberId, () => notFound('member')),
    relative: (l, _a, ctx) => ctx.loaders.member.must(l.relativeId, () => notFound('member')),
    relativeSite: async (l, _a, ctx) => {
      const relative = await ctx.loaders.member.get(l.relativeId);
      return relative?.siteId == null ? null : ((await ctx.loaders.site.get(relative.siteId)) ?? null);
    },
    paysForRelative: (l, _a, ctx) => families.paysForRelative(ctx.deps, l),
    createdAt: (l) => l.link.createdAt,
    endedAt: (l) => l.link.endedAt,
  },
  Member: {
    familyLinks: (m, _a, ctx) => families.familyLinksOf(ctx.deps, ctx.viewer, m.id),
  },
  Need: {
    payerMember: async (n, _a, ctx) =>
      n.payerMemberId === null ? null : ((await ctx.loaders.member.get(n.payerMemberId)) ?? null),
    payerConsented: (n, _a, ctx) => (n.payer === 'RELATIVE' ? gifts.payerConsented(ctx.deps, n) : null),
  },
  SiteReport: {
    giftMinutesOut: async (r, _a, ctx) => (await figures(r, ctx)).giftMinutesOut,
    giftMinutesIn: async (r, _a, ctx) => (await figures(r, ctx)).giftMinutesIn,
    carePoolDonations: async (r, _a, ctx) => (await figures(r, ctx)).carePoolDonations,
    withdrawalMinutesIn: async (r, _a, ctx) => (await figures(r, ctx)).withdrawalMinutesIn,
    withdrawalMinutesOwed: async (r, _a, ctx) => (await figures(r, ctx)).withdrawalMinutesOwed,
  },
};

function figures(r: SiteReportData, ctx: Context): Promise<familyQueries.FamilyFigures> {
  let p = figuresOf.get(r);
  if (!p) {
    p = families.siteFamilyFigures(ctx.deps, ctx.viewer, r.site.id, r.month);
    figuresOf.set(r, p);
  }
  return p;
}
