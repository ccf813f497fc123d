// GraphQL for regions: the roll-up report, and the one mapping of a region row to a Region.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as sites from '../sites/sites.service';
import * as regions from './regions.service';

export const regionsResolvers: Resolvers = {
  Query: {
    regionReport: (_p, a, ctx) =>
      regions.regionReport(
        ctx.deps,
        ctx.viewer,
        a.regionId == null ? null : fromId('Region', a.regionId, 'regionId'),
        a.month,
      ),
  },
  Region: {
    id: (r) => toId('Region', r.id),
  },
  RegionReport: {
    regionPath: (r, _a, ctx) => (r.region ? sites.regionPathOf(ctx.deps, r.region.id) : []),
  },
};
