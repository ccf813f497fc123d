// GraphQL for points that stay local: a member's points per site, the notice board (公示栏) and
// objections (异议). Parse ids, call the services, and the one mapping of an objection view to an
// Objection and of a notice entry to a NoticeEntry.
import { notFound } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as objections from './objections.service';
import * as points from './points.service';

export const pointsResolvers: Resolvers = {
  Query: {
    noticeBoard: (_p, a, ctx) => objections.noticeBoard(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId')),
  },
  Mutation: {
    raiseObjection: (_p, { input }, ctx) =>
      objections.raiseObjection(ctx.deps, ctx.viewer, {
        transferId: fromId('Transfer', input.transferId, 'input.transferId'),
        reason: input.reason,
      }),
    resolveObjection: (_p, { input }, ctx) =>
      objections.resolveObjection(ctx.deps, ctx.viewer, {
        objectionId: fromId('Objection', input.objectionId, 'input.objectionId'),
        decision: input.decision,
        note: input.note ?? null,
        idempotencyKey: input.idempotencyKey,
      }),
  },
  Member: {
    pointsBySite: (m, _a, ctx) => points.pointsBySite(ctx.deps, ctx.viewer, m),
  },
  SitePoints: {
    site: (p, _a, ctx) => ctx.loaders.site.must(p.siteId, () => notFound('site')),
  },
  NoticeBoard: {
    site: (b, _a, ctx) => ctx.loaders.site.must(b.siteId, () => notFound('site')),
  },
  NoticeEntry: {
    transferId: (e) => toId('Transfer', e.transferId),
  },
  Objection: {
    id: (o) => toId('Objection', o.id),
    serviceTitle: (o) => o.title,
  },
};
