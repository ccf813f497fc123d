// GraphQL for the visit duty: parse, call the service, and the one mapping of a task row to a
// VisitTask (the elder's contact only to whom mayContact allows).
import { notFound } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as duty from './visit-duty.service';

export const visitDutyResolvers: Resolvers = {
  Query: {
    myVisitTasks: (_p, _a, ctx) => duty.myVisitTasks(ctx.deps, ctx.viewer),
    visitDuty: (_p, a, ctx) => duty.visitDuty(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.month),
    visitPairs: (_p, a, ctx) => duty.visitPairs(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId')),
  },
  Mutation: {
    setVisitPair: (_p, { input }, ctx) =>
      duty.setVisitPair(ctx.deps, ctx.viewer, {
        elderId: fromId('Member', input.elderId, 'input.elderId'),
        visitorId: fromId('Member', input.visitorId, 'input.visitorId'),
        backupId: input.backupId == null ? null : fromId('Member', input.backupId, 'input.backupId'),
      }),
    setTierOverride: (_p, { input }, ctx) =>
      duty.setTierOverride(ctx.deps, ctx.viewer, {
        ...input,
        elderId: fromId('Member', input.elderId, 'input.elderId'),
      }),
    reassignVisitTask: (_p, a, ctx) =>
      duty.reassignVisitTask(
        ctx.deps,
        ctx.viewer,
        fromId('VisitTask', a.taskId, 'taskId'),
        a.visitorId == null ? null : fromId('Member', a.visitorId, 'visitorId'),
      ),
  },
  VisitTask: {
    id: (t) => toId('VisitTask', t.id),
    notFoundAt: (t) => t.notFoundAt ?? null,
    elder: (t, _a, ctx) => ctx.loaders.member.must(t.elderId, () => notFound('member')),
    visitor: async (t, _a, ctx) =>
      t.visitorId === null ? null : ((await ctx.loaders.member.load(t.visitorId)) ?? null),
    visit: (t, _a, ctx) => duty.taskVisit(ctx.deps, t),
    elderAddress: async (t, _a, ctx) =>
      duty.mayContact(ctx.viewer, t) ? ((await ctx.loaders.member.load(t.elderId))?.address ?? null) : null,
    elderPhone: async (t, _a, ctx) =>
      duty.mayContact(ctx.viewer, t) ? ((await ctx.loaders.member.load(t.elderId))?.phone ?? null) : null,
  },
  VisitPair: {
    elder: (p, _a, ctx) => ctx.loaders.member.must(p.elderId, () => notFound('member')),
    visitor: (p, _a, ctx) => ctx.loaders.member.must(p.visitorId, () => notFound('member')),
    backup: async (p, _a, ctx) => (p.backupId === null ? null : ((await ctx.loaders.member.load(p.backupId)) ?? null)),
  },
};
