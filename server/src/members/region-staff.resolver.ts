// GraphQL for region staff: appointing and removing a region's officers, listing them, and a
// member's offices.
import { fromId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as staff from './region-staff.service';

export const regionStaffResolvers: Resolvers = {
  Query: {
    regionOfficers: (_p, a, ctx) =>
      staff.regionOfficers(ctx.deps, ctx.viewer, fromId('Region', a.regionId, 'regionId')),
  },
  Mutation: {
    appointRegionOfficer: (_p, a, ctx) =>
      staff.appointRegionOfficer(ctx.deps, ctx.viewer, {
        regionId: fromId('Region', a.regionId, 'regionId'),
        phone: a.phone,
      }),
    removeRegionOfficer: (_p, a, ctx) =>
      staff.removeRegionOfficer(ctx.deps, ctx.viewer, {
        regionId: fromId('Region', a.regionId, 'regionId'),
        memberId: fromId('Member', a.memberId, 'memberId'),
      }),
  },
  Member: {
    regionRoles: (m, _a, ctx) => staff.regionRolesOf(ctx.deps, ctx.viewer, m),
  },
};
