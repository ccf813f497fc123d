// GraphQL for the ledger, and the one mapping of a transfer row to a Transfer.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { donateMinutes, reverseTransfer } from './transfers.service';

export const ledgerResolvers: Resolvers = {
  Mutation: {
    donateMinutes: (_p, a, ctx) =>
      donateMinutes(ctx.deps, ctx.viewer, { ...a, toMemberId: fromId('Member', a.toMemberId, 'toMemberId') }),
    reverseTransfer: (_p, a, ctx) =>
      reverseTransfer(ctx.deps, ctx.viewer, {
        transferId: fromId('Transfer', a.id, 'id'),
        reason: a.reason,
        idempotencyKey: a.idempotencyKey,
      }),
  },
  Transfer: {
    id: (t) => toId('Transfer', t.id),
    kind: (t) => t.kind,
    reverses: async (t, _a, ctx) =>
      t.reversesId === null ? null : ((await ctx.loaders.transfer.load(t.reversesId)) ?? null),
    fromOwner: async (t, _a, ctx) => (await ctx.loaders.account.load(t.debitAccountId))!.owner,
    toOwner: async (t, _a, ctx) => (await ctx.loaders.account.load(t.creditAccountId))!.owner,
    fromMember: async (t, _a, ctx) => {
      const account = await ctx.loaders.account.load(t.debitAccountId);
      return account?.memberId ? ((await ctx.loaders.member.load(account.memberId)) ?? null) : null;
    },
    toMember: async (t, _a, ctx) => {
      const account = await ctx.loaders.account.load(t.creditAccountId);
      return account?.memberId ? ((await ctx.loaders.member.load(account.memberId)) ?? null) : null;
    },
  },
};
