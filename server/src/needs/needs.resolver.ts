// GraphQL for needs and claims, and the one mapping of their rows to Need and Claim.
import { fromId, toId } from '../graphql/ids';
import { notFound } from '../graphql/errors';
import { selects } from '../graphql/lookahead';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as claims from './claims.service';
import * as needs from './needs.service';

export const needsResolvers: Resolvers = {
  Query: {
    need: (_p, a, ctx) => needs.getNeed(ctx, fromId('Need', a.id, 'id')),
    needs: (_p, a, ctx, info) => needs.listNeeds(ctx, a, { claims: selects(info, 'edges.node.claims') }),
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
    site: (n, _a, ctx) => ctx.loaders.site.must(n.siteId, () => notFound('site')),
    beneficiary: (n, _a, ctx) => ctx.loaders.member.must(n.beneficiaryId, () => notFound('member')),
    openSlots: (n, _a, ctx) => needs.openSlots(ctx, n),
    claims: (n, a, ctx) => needs.claimsOfNeed(ctx, n, a.first),
  },
  Claim: {
    id: (c) => toId('Claim', c.id),
    need: (c, _a, ctx) => ctx.loaders.need.must(c.needId, () => notFound('need')),
    volunteer: (c, _a, ctx) => ctx.loaders.member.must(c.volunteerId, () => notFound('member')),
  },
};
