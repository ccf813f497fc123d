// GraphQL for members: parse, call the service, and the one mapping of a member row to a Member.
import { memberIdOf } from '../auth/authorize';
import { ErrorCode, fail } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as members from './members.service';
import { firstSite } from '../sites/sites.service';
import { listClaimsOf } from '../needs/needs.service';

export const membersResolvers: Resolvers = {
  Query: {
    viewer: (_p, _a, ctx) => {
      const id = memberIdOf(ctx.viewer);
      return id === null ? null : ctx.loaders.member.load(id).then((m) => m ?? null);
    },
    member: (_p, args, ctx) => members.getMember(ctx.deps, ctx.viewer, fromId('Member', args.id, 'id')),
    members: (_p, args, ctx) =>
      members.listMembers(ctx.deps, ctx.viewer, { ...args, siteId: fromId('Site', args.siteId, 'siteId') }),
    recipients: (_p, args, ctx) => members.findRecipients(ctx.deps, ctx.viewer, args.search),
  },
  Mutation: {
    addMember: (_p, { input }, ctx) =>
      members.addMember(ctx.deps, ctx.viewer, { ...input, siteId: fromId('Site', input.siteId, 'input.siteId') }),
  },
  Member: {
    id: (m) => toId('Member', m.id),
    phone: async (m, _a, ctx) => {
      if (!m.phone) return null;
      return (await members.canSeeContact(ctx.deps, ctx.viewer, m)) ? m.phone : members.maskPhone(m.phone);
    },
    address: async (m, _a, ctx) => ((await members.canSeeContact(ctx.deps, ctx.viewer, m)) ? m.address : null),
    roles: async (m, _a, ctx) => {
      const held = await ctx.loaders.membershipsOf.load(m.id);
      // A region officer's ADMIN (no site, a region) is no role at the member's site: it shows
      // in regionRoles, and ADMIN here stays platform staff's.
      const here = held.filter((h) => h.regionId === null && (h.siteId === m.siteId || h.siteId === null));
      return [...new Set(here.map((h) => h.role))];
    },
    // As private as the address: DISABLED or EXTREME_POVERTY is no neighbour's business.
    careCategories: async (m, _a, ctx) =>
      (await members.canSeeContact(ctx.deps, ctx.viewer, m)) ? m.careCategories : [],
    site: async (m, _a, ctx) => {
      const site = m.siteId === null ? await firstSite(ctx.deps) : await ctx.loaders.site.load(m.siteId);
      if (!site) fail(ErrorCode.NOT_FOUND, { en: 'No site yet', zh: '还没有站点' });
      return site;
    },
    canLogIn: (m) => m.passwordHash !== null && m.phone !== null,
    balance: (m, _a, ctx) => members.balanceOf(ctx.deps, ctx.viewer, m),
    transfers: (m, args, ctx) => members.transfersOf(ctx.deps, ctx.viewer, m, args),
    claims: (m, args, ctx) => listClaimsOf(ctx.deps, ctx.viewer, m, args),
    serviceRecord: (m, _a, ctx) => members.serviceRecordOf(ctx.deps, ctx.viewer, m),
  },
  ServiceRecord: {
    certificateUrl: (r, _a, ctx) => `${ctx.baseUrl}/certificate/${toId('Member', r.memberId)}`,
  },
};
