// The HTTP face: /graphql (Apollo over POST and GET, graphql-ws on the same path), /healthz, the
// CSV exports and certificates, and the built client at /.
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DbHandle } from '@huzhu/db';
import { viewerFromToken } from '../auth/auth.service';
import { bearerToken } from '../auth/tokens';
import type { Viewer } from '../auth/authorize';
import type { ServerResources } from '../core/deps';
import { buildContext, langOf, type Context } from '../graphql/context';
import { AppError } from '../core/errors';
import { toGraphQLError } from '../graphql/errors';
import { reportsRouter } from '../reports/reports.http';
import { photosRouter } from '../supermarket/photos.http';
import { createApollo } from './apollo';
import { graphiqlRouter } from './graphiql';
import { useWebSocket } from './websocket';
import { createMetrics } from './metrics';
import { markError, requestIds, scopeOf } from './request-log';
import { corsAllowList, jsonErrors, requestLimit, securityHeaders } from '../security/http-guards';
import { LIMITS, protection } from '../security/limits';
import { RequestLimiter } from '../security/rate-limit';
import { requestKey } from '../security/request-limiter';

export interface AppOptions {
  handle: DbHandle;
  services: ServerResources;
  schema: GraphQLSchema;
  introspection: boolean;
  staticDir: string | undefined;
  production: boolean;
  corsOrigins: string[];
  requestsPerMinute: number;
  /** Express's 'trust proxy': false (the default), a hop count, or addresses, CIDRs and names like loopback. */
  trustProxy: boolean | number | string[];
  /** Serve GraphiQL at /graphiql (outside production). */
  graphiql: boolean;
  /** Whether the database answers: /healthz reports it. */
  healthy: () => Promise<boolean>;
  /** Whether the read replica answers, when there is one: /healthz reports it, without failing on it. */
  replicaUp?: (() => Promise<boolean>) | undefined;
  /** Serve GET /metrics to this bearer token; undefined: no metrics (404). */
  metricsToken?: string | undefined;
  /** The address people reach the client at (PUBLIC_URL): links use it over the request's own. */
  publicUrl?: string | undefined;
}

export interface App {
  server: Server;
  /** Stops taking connections and closes subscriptions; in-flight requests finish. */
  stop(): Promise<void>;
}

export function baseUrlOf(req: Request, publicUrl?: string): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

// One verification per request: the rate limit (keyed on the member) asks first, the GraphQL
// context or the report route asks again and gets the same answer.
const viewers = new WeakMap<Request, Promise<Viewer | null>>();

/** The viewer of an HTTP request; a bad token is UNAUTHENTICATED rather than silently anonymous. */
export function viewerOfRequest(services: ServerResources, req: Request): Promise<Viewer | null> {
  let viewer = viewers.get(req);
  if (!viewer) {
    viewer = readViewer(services, req);
    viewers.set(req, viewer);
  }
  return viewer;
}

async function readViewer(services: ServerResources, req: Request): Promise<Viewer | null> {
  const token = bearerToken(req.headers.authorization);
  if (token === undefined) return null;
  // An Authorization header that is not "Bearer <token>" is a bad token too, not a quiet anonymous.
  return viewerFromToken(services.db, services.members, services.jwtSecret, token ?? '');
}

/** The request limit's key: the member a valid token names, else the client's address. */
async function limitKeyOf(services: ServerResources, req: Request): Promise<string> {
  const viewer = await viewerOfRequest(services, req).catch(() => null);
  return requestKey(viewer?.id, req.ip);
}

export async function createApp(o: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // res.send hashes every body for an ETag; answers to POST /graphql are never revalidated, so the
  // hash is wasted work on each one. Static files keep theirs (express.static sets its own).
  app.set('etag', false);
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default): else
  // any client could pick the address its limits and audit rows are kept under.
  app.set('trust proxy', o.trustProxy);
  app.use(requestIds());
  app.use(securityHeaders());
  const server = createServer(expressMessages(app), app);
  const guard = protection({ production: o.production });

  // One budget per member (or address) for HTTP and WebSocket alike, shared through PostgreSQL.
  const limiter = new RequestLimiter(o.services.db, o.requestsPerMinute);
  const ws = useWebSocket({
    server,
    schema: o.schema,
    services: o.services,
    protection: guard,
    introspection: o.introspection,
    production: o.production,
    limiter,
    trustProxy: app.get('trust proxy fn') as (address: string, hop: number) => boolean,
    publicUrl: o.publicUrl,
  });
  const apollo = createApollo(o.schema, server, { introspection: o.introspection, protection: guard });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const [ok, replica] = await Promise.all([
      o.healthy().catch(() => false),
      o.replicaUp?.().then((up) => (up ? 'up' : 'down')),
    ]);
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'unavailable', database: ok, ...(replica ? { replica } : {}) });
  });

  const metrics = o.metricsToken ? createMetrics({ token: o.metricsToken, handle: o.handle }) : undefined;
  app.get(
    '/metrics',
    metrics?.endpoint ?? ((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND' } })),
  );

  app.use(['/graphql', '/export', '/certificate'], corsAllowList(o.corsOrigins));
  app.use(
    '/graphql',
    ...(metrics ? [metrics.graphql] : []),
    requestLimit(limiter, (req) => limitKeyOf(o.services, req)),
    express.json({ limit: LIMITS.bodyBytes }),
    expressMiddleware<Context>(apollo, {
      context: async ({ req, res }) => {
        const lang = langOf(req.headers['accept-language']);
        const scope = scopeOf(res);
        let viewer: Viewer | null;
        try {
          viewer = await viewerOfRequest(o.services, req);
        } catch (error) {
          // Formatted without the request (Apollo's formatError): marked with it.
          const thrown = error instanceof AppError ? toGraphQLError(error, lang) : error;
          markError(thrown, scope);
          throw thrown;
        }
        return buildContext(o.services, {
          viewer,
          lang,
          ip: req.ip,
          baseUrl: baseUrlOf(req, o.publicUrl),
          scope,
        });
      },
    }),
  );

  // The report files: the same resources and the same viewer rule as /graphql, handed in.
  app.use(reportsRouter(o.services, (req) => viewerOfRequest(o.services, req)));
  app.use(photosRouter(o.services, (req) => viewerOfRequest(o.services, req)));
  if (o.graphiql) app.use(graphiqlRouter());

  if (o.staticDir && existsSync(join(o.staticDir, 'index.html'))) {
    const dir = o.staticDir;
    app.use(express.static(dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForShell }));
    // Client-side routes: any other GET for a page gets the app shell.
    app.get(/^\/(?!graphql|graphiql|healthz|export|certificate|photos).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(join(dir, 'index.html'));
    });
  }

  app.use(jsonErrors);

  return {
    server,
    async stop() {
      await ws.dispose();
      await apollo.stop();
      await limiter.close();
    },
  };
}

/**
 * The HTTP server's request and response classes, made with express's own prototypes. express
 * gives every request and response its app's prototypes (app.request, app.response) with
 * Object.setPrototypeOf as it takes them (nodejs/node#37457, expressjs/express#5998); on V8 that
 * left a quarter of each young-generation collection alive, promoted to the old generation (the
 * heap grew to ~500 MB between full collections, each young collection took 20-80 ms), and an
 * express answering `{}` spent 5x the CPU it spends without it. An object that already has the
 * prototype is left as it is, so express now finds nothing to change. (Subclasses, not functions
 * returning Reflect.construct(...): V8 builds a new hidden class for each object made that way,
 * which is as slow.)
 */
function expressMessages(app: Express) {
  class Request extends IncomingMessage {}
  class Response extends ServerResponse {}
  // The chain express built (its request methods, then Node's), with app.request's own `app`.
  for (const [cls, made] of [
    [Request, app.request],
    [Response, app.response],
  ] as const) {
    Object.setPrototypeOf(cls.prototype, Object.getPrototypeOf(made));
    Object.defineProperties(cls.prototype, Object.getOwnPropertyDescriptors(made));
  }
  app.request = Request.prototype as typeof app.request;
  app.response = Response.prototype as typeof app.response;
  return { IncomingMessage: Request, ServerResponse: Response };
}

function noCacheForShell(res: express.Response, path: string) {
  // The shell and service worker must be fresh so a new release reaches phones; hashed assets are immutable.
  if (path.endsWith('index.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest')) {
    res.setHeader('Cache-Control', 'no-cache');
  } else if (/[.-][A-Za-z0-9_-]{8,}\.(js|css)$/.test(path)) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}
