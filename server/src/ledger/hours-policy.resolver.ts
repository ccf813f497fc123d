// GraphQL for the hours policy per region: parse ids, call the service, and the one mapping of a
// policy (weights as a list of category and per mille).
import { SERVICE_CATEGORIES, type ServiceCategory } from '@huzhu/db';
import { fromId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import type { HoursPolicy, OwnHoursPolicy } from './hours-policy';
import * as policy from './hours-policy.service';

const weightsOf = (w: Partial<Record<ServiceCategory, number>>) =>
  SERVICE_CATEGORIES.flatMap((category) => (w[category] === undefined ? [] : [{ category, perMille: w[category] }]));

const effective = (p: HoursPolicy) => ({ ...p, weights: weightsOf(p.weights) });
const own = (p: OwnHoursPolicy | null) => (p ? { ...p, weights: weightsOf(p.weights) } : null);
const regionData = (d: policy.RegionHoursPolicyData) => ({
  region: d.region,
  own: own(d.own),
  effective: effective(d.effective),
});

export const hoursPolicyResolvers: Resolvers = {
  Query: {
    hoursPolicy: async (_p, a, ctx) =>
      regionData(await policy.regionHoursPolicy(ctx.deps, ctx.viewer, fromId('Region', a.regionId, 'regionId'))),
    siteHoursPolicy: async (_p, a, ctx) =>
      effective(await policy.siteHoursPolicy(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'))),
  },
  Mutation: {
    setHoursPolicy: async (_p, a, ctx) =>
      regionData(await policy.setHoursPolicy(ctx.deps, ctx.viewer, fromId('Region', a.regionId, 'regionId'), a.policy)),
    clearHoursPolicy: async (_p, a, ctx) =>
      regionData(await policy.clearHoursPolicy(ctx.deps, ctx.viewer, fromId('Region', a.regionId, 'regionId'))),
  },
};
