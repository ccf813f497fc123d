// Subscriptions: needPosted and claimUpdated for a site the subscriber belongs to. Each event
// reloads its row fresh (loaders are renewed per event, so nothing stale is served).
import { needQueries, type ClaimRow, type NeedRow } from '@huzhu/db';
import { requireMemberOf } from '../auth/authorize';
import type { Context } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { fromId } from '../graphql/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import type { Topic } from './events';

async function* watch<T>(ctx: Context, topic: Topic, siteIdArg: string, load: (id: number) => Promise<T | undefined>) {
  const siteId = fromId('Site', siteIdArg, 'siteId');
  requireMemberOf(ctx, siteId);
  const abort = new AbortController();
  try {
    for await (const event of ctx.events.subscribe(topic, siteId, abort.signal)) {
      ctx.loaders = createLoaders(ctx.db);
      const row = await load(event.id);
      if (row) yield row;
    }
  } finally {
    abort.abort();
  }
}

export const subscriptionResolvers: Resolvers = {
  Subscription: {
    needPosted: {
      subscribe: (_p, a, ctx) => watch(ctx, 'needPosted', a.siteId, (id) => needQueries.needById(ctx.db, id)) as never,
      resolve: (row: unknown) => row as NeedRow,
    },
    claimUpdated: {
      subscribe: (_p, a, ctx) =>
        watch(ctx, 'claimUpdated', a.siteId, (id) => needQueries.claimById(ctx.db, id)) as never,
      resolve: (row: unknown) => row as ClaimRow,
    },
  },
};
