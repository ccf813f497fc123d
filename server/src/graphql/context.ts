// The per-request context: the process's resources, who is asking, the services' deps with the
// request's read cache, and the language for messages.
import { isSystem, type Actor } from '../auth/authorize';
import { serviceDeps, type ServerResources, type ServiceDeps } from '../core/deps';
import type { Lang } from '../core/lang';
import { createLoaders, type Loaders } from '../core/loaders';
import type { RequestScope } from '../http/request-log';

export { langOf, type Lang } from '../core/lang';

export interface Context extends ServerResources {
  /** Who asks (with the client's address for the audit trail); null when nobody logged in. */
  viewer: Actor | null;
  /** The request's read cache, also handed to services in `deps`. */
  loaders: Loaders;
  /** What a resolver hands a service: `needs.postNeed(ctx.deps, ctx.viewer, input)`. */
  deps: ServiceDeps;
  lang: Lang;
  /** The client's address, for rate limits. */
  ip: string | undefined;
  /** Absolute URL of this server as the client reached it, for links (CSV, certificate). */
  baseUrl: string;
  /**
   * The viewer as of now, for a context that outlives a request: a subscription keeps its context
   * for hours, and re-reads its viewer with this before each event (a revoked role or a deleted
   * member ends it). Over WebSocket it re-resolves the connection's token through the member cache.
   */
  viewerNow?: () => Promise<Actor | null>;
  /** The HTTP request's id, operation and error codes, for the error log and metrics; none over WebSocket. */
  scope?: RequestScope;
}

export function buildContext(
  resources: ServerResources,
  fields: Omit<Context, keyof ServerResources | 'loaders' | 'deps'>,
): Context {
  const v = fields.viewer;
  // The viewer's member was read (or kept) for this request: the resolvers need not read it again.
  const loaders = createLoaders(resources.db, v && !isSystem(v) ? v.member : undefined);
  // The member acts from the request's address: the audit trail records it.
  const viewer = v && !isSystem(v) && fields.ip !== undefined ? { ...v, ip: fields.ip } : v;
  return { ...resources, ...fields, viewer, loaders, deps: serviceDeps(resources, loaders) };
}
