// GraphQL for hours that travel (通存通兑): alliances between counties, a site's balances with
// the others, and members moving village; the one mapping of each row to its type.
import { notFound } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as moves from '../members/member-moves.service';
import * as alliances from './alliances.service';
import { siteTradeBalances } from './trade-balances.service';

export const travelResolvers: Resolvers = {
  Query: {
    alliances: (_p, a, ctx) =>
      alliances.alliances(ctx.deps, ctx.viewer, a.countyId == null ? null : fromId('Region', a.countyId, 'countyId')),
    siteTradeBalances: (_p, a, ctx) => siteTradeBalances(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId')),
    memberMoves: (_p, a, ctx) => moves.memberMoves(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId')),
  },
  Mutation: {
    proposeAlliance: (_p, a, ctx) =>
      alliances.proposeAlliance(ctx.deps, ctx.viewer, {
        countyId: fromId('Region', a.countyId, 'countyId'),
        otherCountyId: fromId('Region', a.otherCountyId, 'otherCountyId'),
      }),
    acceptAlliance: (_p, a, ctx) =>
      alliances.acceptAlliance(ctx.deps, ctx.viewer, fromId('CountyAlliance', a.allianceId, 'allianceId')),
    endAlliance: (_p, a, ctx) =>
      alliances.endAlliance(ctx.deps, ctx.viewer, fromId('CountyAlliance', a.allianceId, 'allianceId')),
    startMemberMove: (_p, a, ctx) =>
      moves.startMemberMove(ctx.deps, ctx.viewer, {
        memberId: fromId('Member', a.memberId, 'memberId'),
        toSiteId: fromId('Site', a.toSiteId, 'toSiteId'),
      }),
    acceptMemberMove: (_p, a, ctx) =>
      moves.acceptMemberMove(ctx.deps, ctx.viewer, {
        moveId: fromId('MemberMove', a.moveId, 'moveId'),
        roles: a.roles,
      }),
    cancelMemberMove: (_p, a, ctx) =>
      moves.cancelMemberMove(ctx.deps, ctx.viewer, fromId('MemberMove', a.moveId, 'moveId')),
  },
  CountyAlliance: {
    id: (r) => toId('CountyAlliance', r.id),
    countyA: (r, _a, ctx) => ctx.loaders.region.must(r.countyAId, () => notFound('region')),
    countyB: (r, _a, ctx) => ctx.loaders.region.must(r.countyBId, () => notFound('region')),
    proposerCounty: (r, _a, ctx) => ctx.loaders.region.must(r.proposerCountyId, () => notFound('region')),
    status: (r) => (r.endedAt !== null ? 'ENDED' : r.acceptedAt !== null ? 'ACCEPTED' : 'PROPOSED'),
    proposedBy: async (r, _a, ctx) =>
      r.proposedBy === null ? null : ((await ctx.loaders.member.get(r.proposedBy)) ?? null),
    acceptedBy: async (r, _a, ctx) =>
      r.acceptedBy === null ? null : ((await ctx.loaders.member.get(r.acceptedBy)) ?? null),
    endedBy: async (r, _a, ctx) => (r.endedBy === null ? null : ((await ctx.loaders.member.get(r.endedBy)) ?? null)),
  },
  SiteTradeBalance: {
    otherSite: (b, _a, ctx) => ctx.loaders.site.must(b.otherSiteId, () => notFound('site')),
    deliveredMinutes: (b) => b.delivered,
    receivedMinutes: (b) => b.received,
    netMinutes: (b) => b.net,
  },
  MemberMove: {
    id: (m) => toId('MemberMove', m.id),
    member: (m, _a, ctx) => ctx.loaders.member.must(m.memberId, () => notFound('member')),
    fromSite: (m, _a, ctx) => ctx.loaders.site.must(m.fromSiteId, () => notFound('site')),
    toSite: (m, _a, ctx) => ctx.loaders.site.must(m.toSiteId, () => notFound('site')),
    status: (m) => moves.moveStatus(m),
    roles: (m) => (m.roles ?? []) as ('VOLUNTEER' | 'ELDER' | 'CLERK' | 'COORDINATOR' | 'ADMIN')[],
    startedBy: async (m, _a, ctx) =>
      m.startedBy === null ? null : ((await ctx.loaders.member.get(m.startedBy)) ?? null),
    acceptedBy: async (m, _a, ctx) =>
      m.acceptedBy === null ? null : ((await ctx.loaders.member.get(m.acceptedBy)) ?? null),
    cancelledBy: async (m, _a, ctx) =>
      m.cancelledBy === null ? null : ((await ctx.loaders.member.get(m.cancelledBy)) ?? null),
  },
};
