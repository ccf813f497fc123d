// GraphQL for visits: parse, call the service, and the one mapping of a visit row to a Visit.
import { notFound } from '../graphql/errors';
import { toId } from '../graphql/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as visits from './visits.service';

export const visitsResolvers: Resolvers = {
  Query: {
    visitCoverage: (_p, a, ctx) => visits.visitCoverage(ctx, a.siteId, a.month),
  },
  Mutation: {
    recordVisit: (_p, { input }, ctx) => visits.recordVisit(ctx, input),
  },
  Visit: {
    id: (x) => toId('Visit', x.id),
    elder: (x, _a, ctx) => ctx.loaders.member.must(x.elderId, () => notFound('member')),
    visitor: async (x, _a, ctx) =>
      x.visitorId === null ? null : ((await ctx.loaders.member.load(x.visitorId)) ?? null),
  },
};
