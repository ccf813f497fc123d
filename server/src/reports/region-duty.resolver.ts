// GraphQL for a region's visit duty: the chart's months on a region report, and the list of
// overdue visits with who is paired; the one mapping of an overdue task to an OverdueVisit.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { regionOverdueVisits } from './region-overdue.service';
import { regionTrendOf } from './region-trend.service';

export const regionDutyResolvers: Resolvers = {
  Query: {
    regionOverdueVisits: (_p, a, ctx) =>
      regionOverdueVisits(
        ctx.deps,
        ctx.viewer,
        a.regionId == null ? null : fromId('Region', a.regionId, 'regionId'),
        a.month,
        { first: a.first, after: a.after },
      ),
  },
  RegionReport: {
    trend: (r, a, ctx) => regionTrendOf(ctx.deps, ctx.viewer, r.region, r.month, a.months ?? undefined),
  },
  OverdueVisit: {
    id: (r) => toId('VisitTask', r.taskId),
    siteId: (r) => toId('Site', r.siteId),
    villagePath: (r) => r.regionNames,
    village: (r) => r.regionNames.at(-1) ?? null,
    elderId: (r) => toId('Member', r.elderId),
  },
};
