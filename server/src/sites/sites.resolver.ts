// GraphQL for sites, and the one mapping of a site row to a Site.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as sites from './sites.service';

export const sitesResolvers: Resolvers = {
  Query: {
    site: (_p, args, ctx) => sites.getSite(ctx.deps, fromId('Site', args.id, 'id')),
    sites: (_p, args, ctx) => sites.listSites(ctx.deps, args),
  },
  Mutation: {
    createSite: (_p, { input }, ctx) => sites.createSite(ctx.deps, ctx.viewer, input),
  },
  Site: {
    id: (s) => toId('Site', s.id),
    region: (s) => sites.regionOf(s),
  },
};
