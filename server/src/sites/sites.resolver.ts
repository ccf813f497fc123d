// GraphQL for sites, and the one mapping of a site row to a Site.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as settings from './site-settings.service';
import * as sites from './sites.service';

export const sitesResolvers: Resolvers = {
  Query: {
    site: (_p, args, ctx) => sites.getSite(ctx.deps, fromId('Site', args.id, 'id')),
    sites: (_p, args, ctx) => sites.listSites(ctx.deps, args),
    siteSettings: (_p, args, ctx) => settings.siteSettings(ctx.deps, ctx.viewer, fromId('Site', args.siteId, 'siteId')),
  },
  Mutation: {
    createSite: (_p, { input }, ctx) => sites.createSite(ctx.deps, ctx.viewer, input),
    updateSiteSettings: (_p, { input }, ctx) =>
      settings.updateSiteSettings(ctx.deps, ctx.viewer, {
        ...input,
        siteId: fromId('Site', input.siteId, 'input.siteId'),
      }),
  },
  Site: {
    id: (s) => toId('Site', s.id),
    region: (s) => sites.regionOf(s),
    regionPath: (s, _a, ctx) => (s.regionId === null ? [] : sites.regionPathOf(ctx.deps, s.regionId)),
  },
};
