// GraphQL for volunteer offers: parse ids, call the service.
import { fromId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as offers from './offers.service';

export const offersResolvers: Resolvers = {
  Query: {
    myOffer: (_p, args, ctx) => offers.myOffer(ctx.deps, ctx.viewer, fromId('Site', args.siteId, 'siteId')),
    volunteersFitting: (_p, args, ctx) =>
      offers.volunteersFitting(ctx.deps, ctx.viewer, {
        siteId: fromId('Site', args.siteId, 'siteId'),
        category: args.category,
        startsAt: args.startsAt,
      }),
  },
  Mutation: {
    setOffer: (_p, { input }, ctx) =>
      offers.setOffer(ctx.deps, ctx.viewer, { ...input, siteId: fromId('Site', input.siteId, 'input.siteId') }),
  },
  VolunteerOffer: {
    times: (o) => o.times as offers.TimeOfDay[],
  },
};
