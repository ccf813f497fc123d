// GraphQL for a member's life after registration: editing, deactivating, reactivating, reset codes,
// the site's leaver rule; and the Member fields that go with them.
import { viewerFor } from '../auth/auth.service';
import { hasRoleAt, isPlatformAdmin, STAFF } from '../auth/authorize';
import { issueResetCode, redeemResetCode } from '../auth/reset-code.service';
import { fromId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as lifecycle from './member-lifecycle.service';
import { canSeeContact, canSeePrivate } from './members.service';

export const memberLifecycleResolvers: Resolvers = {
  Mutation: {
    updateMember: (_p, { id, input }, ctx) =>
      lifecycle.updateMember(ctx.deps, ctx.viewer, fromId('Member', id, 'id'), input),
    deactivateMember: (_p, args, ctx) =>
      lifecycle.deactivateMember(ctx.deps, ctx.viewer, fromId('Member', args.id, 'id'), {
        reason: args.reason,
        note: args.note ?? null,
      }),
    reactivateMember: (_p, args, ctx) =>
      lifecycle.reactivateMember(ctx.deps, ctx.viewer, fromId('Member', args.id, 'id')),
    issueResetCode: (_p, args, ctx) => issueResetCode(ctx.deps, ctx.viewer, fromId('Member', args.id, 'id')),
    redeemResetCode: async (_p, args, ctx) => {
      const result = await redeemResetCode(
        { db: ctx.deps.db, jwtSecret: ctx.jwtSecret, loginLimiter: ctx.loginLimiter },
        { phone: args.phone, code: args.code, newPassword: args.newPassword, ip: ctx.ip },
      );
      // The rest of the answer is read as the member who just logged in, as for login.
      const viewer = await viewerFor(ctx.db, result.member);
      ctx.viewer = ctx.ip === undefined ? viewer : { ...viewer, ip: ctx.ip };
      return result;
    },
    setLeaverBalanceRule: (_p, args, ctx) =>
      lifecycle.setLeaverBalanceRule(ctx.deps, ctx.viewer, fromId('Site', args.siteId, 'siteId'), args.rule),
  },
  Member: {
    // As private as the care categories: both are facts of the elder's care.
    livingSituation: async (m, _a, ctx) => ((await canSeeContact(ctx.deps, ctx.viewer, m)) ? m.livingSituation : null),
    disabilityGrade: async (m, _a, ctx) => ((await canSeeContact(ctx.deps, ctx.viewer, m)) ? m.disabilityGrade : null),
    active: (m) => m.deactivatedAt === null,
    deactivatedAt: (m, _a, ctx) => (canSeePrivate(ctx.viewer, m) ? m.deactivatedAt : null),
    deactivationReason: (m, _a, ctx) => (canSeePrivate(ctx.viewer, m) ? m.deactivationReason : null),
    // The coordinator's words about a member who left: for the site's staff, not the member.
    deactivationNote: (m, _a, ctx) =>
      (m.siteId !== null && hasRoleAt(ctx.viewer, m.siteId, STAFF)) || isPlatformAdmin(ctx.viewer)
        ? m.deactivationNote
        : null,
  },
};
