// Subscriptions: needPosted and claimUpdated for a site the subscriber belongs to, and (through
// watchViewer, for the inbox) events for the subscriber alone. Each event is
// re-authorized with the viewer as of that event (a context outlives the roles it began with) and
// reloads its row fresh (loaders are renewed per event, so nothing stale is served).
import { needQueries, type ClaimRow, type NeedRow } from '@huzhu/db';
import { requireMemberOf } from '../auth/authorize';
import type { Context } from '../graphql/context';
import { serviceDeps } from '../core/deps';
import { createLoaders } from '../core/loaders';
import { ErrorCode, fail } from '../core/errors';
import { fromId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import type { Topic } from './events';

function watch<T>(
  ctx: Context,
  topic: Topic,
  siteIdArg: string,
  load: (id: number) => Promise<T | undefined>,
): AsyncIterableIterator<T> {
  let siteId = 0;
  return watchScope(
    ctx,
    topic,
    () => (siteId = fromId('Site', siteIdArg, 'siteId')),
    () => void requireMemberOf(ctx.viewer, siteId),
    load,
  );
}

/**
 * Events for the subscriber alone (their inbox): scoped to the member who subscribed, and ended
 * when the socket's viewer is no longer that member (logged out, deleted).
 */
export function watchViewer<T>(
  ctx: Context,
  topic: Topic,
  memberId: () => number,
  load: (id: number) => Promise<T | undefined>,
): AsyncIterableIterator<T> {
  let scope = 0;
  return watchScope(
    ctx,
    topic,
    () => (scope = memberId()),
    () => {
      if (memberId() !== scope) fail(ErrorCode.FORBIDDEN, { en: 'Not your inbox', zh: '这不是您的消息' });
    },
    load,
  );
}

/**
 * The events of `topic` in the scope `open` returns, checked by `allowed` before the first and
 * again as of each event before its row is loaded.
 */
function watchScope<T>(
  ctx: Context,
  topic: Topic,
  open: () => number,
  allowed: () => void,
  load: (id: number) => Promise<T | undefined>,
): AsyncIterableIterator<T> {
  const abort = new AbortController();
  const events = (async function* () {
    const scope = open();
    allowed();
    for await (const event of ctx.events.subscribe(topic, scope, abort.signal)) {
      // Whoever subscribed may since have lost the site or been deleted: FORBIDDEN or
      // UNAUTHENTICATED ends the subscription instead of this event being sent. The event then
      // resolves as this viewer (a phone shown in full only to who may see it now).
      if (ctx.viewerNow) ctx.viewer = await ctx.viewerNow();
      allowed();
      // The services' read cache (ctx.deps) is the event's fresh loaders too.
      ctx.loaders = createLoaders(ctx.db);
      ctx.deps = serviceDeps(ctx, ctx.loaders);
      const row = await load(event.id);
      if (row) yield row;
    }
  })();
  return {
    next: () => events.next(),
    // An async generator takes return() only once it next yields, that is at the site's next
    // event: aborting the wait first ends it now, so an unsubscribe or a closed socket frees it.
    return: (value?: unknown) => {
      abort.abort();
      return events.return(value as never);
    },
    throw: (error?: unknown) => {
      abort.abort();
      return events.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
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
