// GraphQL for editing a need and the day's open needs as chat text; Need itself maps in needs.resolver.
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { openNeedsText } from './chat-text.service';
import { editNeed } from './need-edit.service';

export const needEditResolvers: Resolvers = {
  Query: {
    openNeedsText: (_p, a, ctx) =>
      openNeedsText(ctx.deps, ctx.viewer, {
        siteId: fromId('Site', a.siteId, 'siteId'),
        day: a.day,
        lang: ctx.lang,
        // The client's own route for one need (client/src/router.ts), on the address people reach.
        linkOf: (id) => `${ctx.baseUrl}/needs/${toId('Need', id)}`,
      }),
  },
  Mutation: {
    editNeed: (_p, { id, input }, ctx) =>
      editNeed(ctx.deps, ctx.viewer, fromId('Need', id, 'id'), {
        ...input,
        beneficiaryId:
          input.beneficiaryId == null
            ? input.beneficiaryId
            : fromId('Member', input.beneficiaryId, 'input.beneficiaryId'),
        payerMemberId:
          input.payerMemberId == null ? null : fromId('Member', input.payerMemberId, 'input.payerMemberId'),
      }),
  },
};
