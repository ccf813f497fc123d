// GraphQL for sites, and the one mapping of a site row to a Site.
import { fromId, toId } from '../graphql/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as sites from './sites.service';

export const sitesResolvers: Resolvers = {
  Query: {
    site: (_p, args, ctx) => sites.getSite(ctx, fromId('Site', args.id, 'id')),
    sites: (_p, args, ctx) => sites.listSites(ctx, args),
  },
  Mutation: {
    createSite: (_p, { input }, ctx) => sites.createSite(ctx, input),
  },
  Site: {
    id: (s) => toId('Site', s.id),
    region: (s) => sites.regionOf(s),
  },
};
