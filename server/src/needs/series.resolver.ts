// GraphQL for recurring needs: parse ids, call the series services, and the one mapping of a
// series row to NeedSeries (and of a need to the series it belongs to).
import { fromId, toId } from '../core/ids';
import { notFound } from '../core/errors';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { cancelSeriesNeed, editSeriesNeed } from './series-edit.service';
import { postSeries, seriesOf } from './series.service';

export const seriesResolvers: Resolvers = {
  Mutation: {
    postSeries: (_p, { input }, ctx) =>
      postSeries(ctx.deps, ctx.viewer, {
        ...input,
        siteId: fromId('Site', input.siteId, 'input.siteId'),
        beneficiaryId: fromId('Member', input.beneficiaryId, 'input.beneficiaryId'),
      }),
    editSeriesNeed: (_p, a, ctx) => editSeriesNeed(ctx.deps, ctx.viewer, fromId('Need', a.id, 'id'), a.input, a.scope),
    cancelSeriesNeed: (_p, a, ctx) =>
      cancelSeriesNeed(ctx.deps, ctx.viewer, fromId('Need', a.id, 'id'), a.reason, a.scope),
  },
  Need: {
    series: (n, _a, ctx) => seriesOf(ctx.deps, n),
  },
  NeedSeries: {
    id: (s) => toId('NeedSeries', s.id),
    beneficiary: (s, _a, ctx) => ctx.loaders.member.must(s.beneficiaryId, () => notFound('member')),
  },
};
