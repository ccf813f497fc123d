// GraphQL for needs and claims, and the one mapping of their rows to Need and Claim.
import { fromId, toId } from '../core/ids';
import { notFound } from '../core/errors';
import { selects } from '../graphql/lookahead';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as claims from './claims.service';
import * as confirmation from './confirmation.service';
import * as needs from './needs.service';

export const needsResolvers: Resolvers = {
  Query: {
    need: (_p, a, ctx) => needs.getNeed(ctx.deps, ctx.viewer, fromId('Need', a.id, 'id')),
    needs: (_p, a, ctx, info) =>
      needs.listNeeds(
        ctx.deps,
        ctx.viewer,
        { ...a, siteId: fromId('Site', a.siteId, 'siteId') },
        { claims: selects(info, 'edges.node.claims') },
      ),
    claims: (_p, a, ctx) =>
      needs.listSiteClaims(ctx.deps, ctx.viewer, { ...a, siteId: fromId('Site', a.siteId, 'siteId') }),
  },
  Mutation: {
    postNeed: (_p, { input }, ctx) =>
      needs.postNeed(ctx.deps, ctx.viewer, {
        ...input,
        siteId: fromId('Site', input.siteId, 'input.siteId'),
        beneficiaryId: fromId('Member', input.beneficiaryId, 'input.beneficiaryId'),
        followUpVisitId:
          input.followUpVisitId == null ? null : fromId('Visit', input.followUpVisitId, 'input.followUpVisitId'),
        payerMemberId:
          input.payerMemberId == null ? null : fromId('Member', input.payerMemberId, 'input.payerMemberId'),
      }),
    cancelNeed: (_p, a, ctx) => needs.cancelNeed(ctx.deps, ctx.viewer, fromId('Need', a.id, 'id'), a.reason),
    claimNeed: (_p, a, ctx) => claims.claimNeed(ctx.deps, ctx.viewer, fromId('Need', a.needId, 'needId')),
    withdrawClaim: (_p, a, ctx) => claims.withdrawClaim(ctx.deps, ctx.viewer, fromId('Claim', a.claimId, 'claimId')),
    checkIn: (_p, a, ctx) => claims.checkIn(ctx.deps, ctx.viewer, fromId('Claim', a.claimId, 'claimId')),
    reportService: (_p, a, ctx) =>
      claims.reportService(ctx.deps, ctx.viewer, fromId('Claim', a.claimId, 'claimId'), a.minutes, a.note),
    confirmService: (_p, a, ctx) =>
      confirmation.confirmService(
        ctx.deps,
        ctx.viewer,
        fromId('Claim', a.claimId, 'claimId'),
        a.minutes,
        a.idempotencyKey,
      ),
    rejectService: (_p, a, ctx) =>
      confirmation.rejectService(ctx.deps, ctx.viewer, fromId('Claim', a.claimId, 'claimId'), a.reason),
    markNoShow: (_p, a, ctx) => claims.markNoShow(ctx.deps, ctx.viewer, fromId('Claim', a.claimId, 'claimId')),
    reopenNeed: (_p, a, ctx) => confirmation.reopenNeed(ctx.deps, ctx.viewer, fromId('Need', a.id, 'id')),
  },
  Need: {
    id: (n) => toId('Need', n.id),
    site: (n, _a, ctx) => ctx.loaders.site.must(n.siteId, () => notFound('site')),
    beneficiary: (n, _a, ctx) => ctx.loaders.member.must(n.beneficiaryId, () => notFound('member')),
    openSlots: (n, _a, ctx) => needs.openSlots(ctx.deps, n),
    claims: (n, a, ctx) => needs.claimsOfNeed(ctx.deps, n, a.first),
  },
  Claim: {
    id: (c) => toId('Claim', c.id),
    need: (c, _a, ctx) => ctx.loaders.need.must(c.needId, () => notFound('need')),
    volunteer: (c, _a, ctx) => ctx.loaders.member.must(c.volunteerId, () => notFound('member')),
    overEstimate: async (c, _a, ctx) =>
      c.reportedMinutes !== null &&
      claims.isOverEstimate(c, await ctx.loaders.need.must(c.needId, () => notFound('need'))),
  },
};
