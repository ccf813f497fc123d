// GraphQL for the visit rules: a region's tier rules and raises, major events, the elder's tier
// facts; parse, call the service, and the one mapping of a raise and an event row.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { canSeeContact } from '../members/members.service';
import * as events from './major-events.service';
import * as rules from './visit-rules.service';

export const visitRulesResolvers: Resolvers = {
  Query: {
    regionVisitRules: (_p, a, ctx) =>
      rules.regionVisitRules(ctx.deps, ctx.viewer, fromId('Region', a.regionId, 'regionId')),
  },
  Mutation: {
    setVisitTierRules: (_p, a, ctx) =>
      rules.setVisitTierRules(ctx.deps, ctx.viewer, fromId('Region', a.regionId, 'regionId'), a.rules),
    clearVisitTierRules: (_p, a, ctx) =>
      rules.clearVisitTierRules(ctx.deps, ctx.viewer, fromId('Region', a.regionId, 'regionId')),
    addVisitFrequencyRaise: (_p, { input }, ctx) =>
      rules.addVisitFrequencyRaise(ctx.deps, ctx.viewer, {
        ...input,
        regionId: fromId('Region', input.regionId, 'input.regionId'),
      }),
    removeVisitFrequencyRaise: (_p, a, ctx) =>
      rules.removeVisitFrequencyRaise(ctx.deps, ctx.viewer, fromId('VisitFrequencyRaise', a.id, 'id')),
    reportMajorEvent: (_p, { input }, ctx) =>
      events.reportMajorEvent(ctx.deps, ctx.viewer, {
        ...input,
        elderId: fromId('Member', input.elderId, 'input.elderId'),
      }),
  },
  RegionVisitRules: {
    // Read in the same check as the rules: whoever may read them reads the raises.
    raises: (r, _a, ctx) => rules.visitFrequencyRaises(ctx.deps, ctx.viewer, r.region.id),
  },
  VisitFrequencyRaise: {
    id: (r) => toId('VisitFrequencyRaise', r.id),
    region: (r, _a, ctx) => rules.raiseRegion(ctx.deps, r),
    from: (r) => r.fromDay,
    until: (r) => r.untilDay,
  },
  MajorEvent: {
    raisedUntil: (e) => new Date(e.reportedAt.getTime() + 86_400_000),
  },
  VisitTask: {
    event: (t, _a, ctx) => events.eventOfTask(ctx.deps, t),
  },
  Member: {
    // As private as the care categories: facts of the elder's care.
    lifeThreateningIllness: async (m, _a, ctx) =>
      (await canSeeContact(ctx.deps, ctx.viewer, m)) ? m.lifeThreateningIllness : false,
    dementia: async (m, _a, ctx) => ((await canSeeContact(ctx.deps, ctx.viewer, m)) ? m.dementia : false),
    minimumLivingAllowance: async (m, _a, ctx) =>
      (await canSeeContact(ctx.deps, ctx.viewer, m)) ? m.minimumLivingAllowance : false,
    visitTier: async (m, _a, ctx) => ((await canSeeContact(ctx.deps, ctx.viewer, m)) ? m.visitTier : null),
  },
};
