// GraphQL for visits: parse, call the service, and the one mapping of a visit row to a Visit.
import { notFound } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as followUps from './follow-ups.service';
import * as visits from './visits.service';

export const visitsResolvers: Resolvers = {
  Query: {
    visitCoverage: (_p, a, ctx) =>
      visits.visitCoverage(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.month),
    visitFollowUps: (_p, a, ctx) =>
      followUps.openFollowUps(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.first),
    linkedFollowUps: (_p, a, ctx) =>
      followUps.linkedFollowUps(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.first),
  },
  Mutation: {
    recordVisit: (_p, { input }, ctx) =>
      visits.recordVisit(ctx.deps, ctx.viewer, {
        ...input,
        elderId: fromId('Member', input.elderId, 'input.elderId'),
        visitorId: input.visitorId == null ? null : fromId('Member', input.visitorId, 'input.visitorId'),
      }),
    closeFollowUp: (_p, a, ctx) =>
      followUps.closeFollowUp(ctx.deps, ctx.viewer, fromId('Visit', a.visitId, 'visitId'), a.outcome),
  },
  VisitCoverage: {
    csvUrl: (c, _a, ctx) => `${ctx.baseUrl}/export/${toId('Site', c.siteId)}/${c.month}/visits.csv`,
  },
  Visit: {
    id: (x) => toId('Visit', x.id),
    elder: (x, _a, ctx) => ctx.loaders.member.must(x.elderId, () => notFound('member')),
    visitor: async (x, _a, ctx) =>
      x.visitorId === null ? null : ((await ctx.loaders.member.load(x.visitorId)) ?? null),
    followUpClosedBy: async (x, _a, ctx) =>
      x.followUpClosedBy === null ? null : ((await ctx.loaders.member.load(x.followUpClosedBy)) ?? null),
    followUpAction: async (x, _a, ctx) => {
      if (x.followUpClosedAt === null) return null;
      if (x.followUpNeedId !== null) return 'NEED_POSTED';
      return (await ctx.loaders.referralOfVisit.load(x.id)) ? 'REFERRED' : 'NOTE';
    },
    followUpNeed: async (x, _a, ctx) =>
      x.followUpNeedId === null ? null : ((await ctx.loaders.need.get(x.followUpNeedId)) ?? null),
    followUpReferral: async (x, _a, ctx) => (await ctx.loaders.referralOfVisit.load(x.id)) ?? null,
  },
};
