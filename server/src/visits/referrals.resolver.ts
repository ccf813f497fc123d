// GraphQL for referrals (转介): parse, call the service, and the one mapping of a referral row to
// a Referral and of a history row to a ReferralStep.
import { notFound } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as referrals from './referrals.service';

export const referralsResolvers: Resolvers = {
  Query: {
    siteReferrals: (_p, a, ctx) =>
      referrals.siteReferrals(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.statuses, a),
    regionReferrals: (_p, a, ctx) =>
      referrals.regionReferrals(
        ctx.deps,
        ctx.viewer,
        a.regionId == null ? null : fromId('Region', a.regionId, 'regionId'),
        a.statuses,
        a,
      ),
  },
  Mutation: {
    referFollowUp: (_p, { input }, ctx) =>
      referrals.referFollowUp(ctx.deps, ctx.viewer, {
        ...input,
        visitId: fromId('Visit', input.visitId, 'input.visitId'),
      }),
    updateReferral: (_p, { input }, ctx) =>
      referrals.updateReferral(ctx.deps, ctx.viewer, {
        ...input,
        referralId: fromId('Referral', input.referralId, 'input.referralId'),
      }),
  },
  Referral: {
    id: (r) => toId('Referral', r.id),
    visit: async (r, _a, ctx) => (await referrals.visitOf(ctx.deps, r)) ?? notFound('visit'),
    elder: (r, _a, ctx) => ctx.loaders.member.must(r.elderId, () => notFound('member')),
    site: (r, _a, ctx) => ctx.loaders.site.must(r.siteId, () => notFound('site')),
    region: async (r, _a, ctx) => (r.regionId === null ? null : ((await ctx.loaders.region.get(r.regionId)) ?? null)),
    referredBy: async (r, _a, ctx) =>
      r.referredBy === null ? null : ((await ctx.loaders.member.get(r.referredBy)) ?? null),
    history: (r, _a, ctx) => ctx.loaders.stepsOfReferral.load(r.id),
  },
  ReferralStep: {
    by: async (s, _a, ctx) => (s.actorId === null ? null : ((await ctx.loaders.member.get(s.actorId)) ?? null)),
  },
};
