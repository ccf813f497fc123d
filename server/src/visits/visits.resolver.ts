// GraphQL for visits: parse, call the service, and the one mapping of a visit row to a Visit.
import { notFound } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as visits from './visits.service';

export const visitsResolvers: Resolvers = {
  Query: {
    visitCoverage: (_p, a, ctx) =>
      visits.visitCoverage(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.month),
  },
  Mutation: {
    recordVisit: (_p, { input }, ctx) =>
      visits.recordVisit(ctx.deps, ctx.viewer, { ...input, elderId: fromId('Member', input.elderId, 'input.elderId') }),
  },
  Visit: {
    id: (x) => toId('Visit', x.id),
    elder: (x, _a, ctx) => ctx.loaders.member.must(x.elderId, () => notFound('member')),
    visitor: async (x, _a, ctx) =>
      x.visitorId === null ? null : ((await ctx.loaders.member.load(x.visitorId)) ?? null),
  },
};
