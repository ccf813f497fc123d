// GraphQL for needs and claims, and the one mapping of their rows to Need and Claim.
import { fromId, toId } from '../graphql/ids';
import { ErrorCode, fail } from '../graphql/errors';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as claims from './claims.service';
import * as needs from './needs.service';

export const needsResolvers: Resolvers = {
  Query: {
    need: (_p, a, ctx) => needs.getNeed(ctx, fromId('Need', a.id, 'id')),
    needs: (_p, a, ctx) => needs.listNeeds(ctx, a),
    claims: (_p, a, ctx) => needs.listSiteClaims(ctx, a),
  },
  Mutation: {
    postNeed: (_p, { input }, ctx) => needs.postNeed(ctx, input),
    cancelNeed: (_p, a, ctx) => needs.cancelNeed(ctx, fromId('Need', a.id, 'id'), a.reason),
    claimNeed: (_p, a, ctx) => claims.claimNeed(ctx, fromId('Need', a.needId, 'needId')),
    withdrawClaim: (_p, a, ctx) => claims.withdrawClaim(ctx, fromId('Claim', a.claimId, 'claimId')),
    checkIn: (_p, a, ctx) => claims.checkIn(ctx, fromId('Claim', a.claimId, 'claimId')),
    reportService: (_p, a, ctx) => claims.reportService(ctx, fromId('Claim', a.claimId, 'claimId'), a.minutes, a.note),
    confirmService: (_p, a, ctx) =>
      claims.confirmService(ctx, fromId('Claim', a.claimId, 'claimId'), a.minutes, a.idempotencyKey),
    rejectService: (_p, a, ctx) => claims.rejectService(ctx, fromId('Claim', a.claimId, 'claimId'), a.reason),
    markNoShow: (_p, a, ctx) => claims.markNoShow(ctx, fromId('Claim', a.claimId, 'claimId')),
  },
  Need: {
    id: (n) => toId('Need', n.id),
    site: async (n, _a, ctx) => (await ctx.loaders.site.load(n.siteId))!,
    beneficiary: async (n, _a, ctx) => (await ctx.loaders.member.load(n.beneficiaryId))!,
    openSlots: (n, _a, ctx) => needs.openSlots(ctx, n),
    claims: (n, _a, ctx) => ctx.loaders.claimsOfNeed.load(n.id),
  },
  Claim: {
    id: (c) => toId('Claim', c.id),
    need: async (c, _a, ctx) => {
      const need = await ctx.loaders.need.load(c.needId);
      if (!need) fail(ErrorCode.NOT_FOUND, { en: 'Need not found', zh: '找不到这个需求' });
      return need;
    },
    volunteer: async (c, _a, ctx) => (await ctx.loaders.member.load(c.volunteerId))!,
  },
};
