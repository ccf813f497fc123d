// GraphQL for joining sites: join requests and roles at other sites; the one mapping of a join
// request row to a JoinRequest.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as joins from './join-requests.service';
import * as roles from './roles.service';

export const joiningResolvers: Resolvers = {
  Query: {
    joinRequests: (_p, args, ctx) =>
      joins.listJoinRequests(ctx.deps, ctx.viewer, { ...args, siteId: fromId('Site', args.siteId, 'siteId') }),
    siteGuests: (_p, args, ctx) => roles.siteGuests(ctx.deps, ctx.viewer, fromId('Site', args.siteId, 'siteId')),
  },
  Mutation: {
    requestToJoin: async (_p, { input }, ctx) => {
      await joins.requestToJoin(
        ctx.deps,
        ctx.viewer,
        { ...input, siteId: fromId('Site', input.siteId, 'input.siteId') },
        ctx.ip,
      );
      return true;
    },
    approveJoinRequest: async (_p, args, ctx) =>
      (await joins.approveJoinRequest(ctx.deps, ctx.viewer, fromId('JoinRequest', args.id, 'id'))).request,
    declineJoinRequest: (_p, args, ctx) =>
      joins.declineJoinRequest(ctx.deps, ctx.viewer, fromId('JoinRequest', args.id, 'id'), args.reason),
    grantSiteRole: (_p, args, ctx) =>
      roles.grantSiteRole(ctx.deps, ctx.viewer, {
        siteId: fromId('Site', args.siteId, 'siteId'),
        phone: args.phone,
        role: args.role,
      }),
    removeSiteRole: (_p, args, ctx) =>
      roles.removeSiteRole(ctx.deps, ctx.viewer, {
        siteId: fromId('Site', args.siteId, 'siteId'),
        memberId: fromId('Member', args.memberId, 'memberId'),
        role: args.role,
      }),
  },
  Member: {
    siteRoles: (m, _a, ctx) => roles.siteRolesOf(ctx.deps, ctx.viewer, m),
  },
  SiteRoles: {
    site: async (r, _a, ctx) => (await ctx.loaders.site.load(r.siteId))!,
  },
  JoinRequest: {
    id: (r) => toId('JoinRequest', r.id),
    status: (r) => r.status,
    alreadyMember: (r, _a, ctx) => joins.isRegistered(ctx.deps, r),
    member: async (r, _a, ctx) => (r.memberId === null ? null : ((await ctx.loaders.member.load(r.memberId)) ?? null)),
  },
};
