// The HTTP face: /graphql (Apollo over POST and GET, graphql-ws on the same path), /healthz, the
// CSV exports and certificates, and the built client at /.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import { GraphQLError, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { DbHandle } from '@huzhu/db';
import { viewerFromToken } from '../auth/auth.service';
import type { Viewer } from '../auth/authorize';
import { buildContext, langOf, type Context, type Services } from '../graphql/context';
import { AppError } from '../graphql/errors';
import { reportsRouter } from '../reports/reports.http';
import { createApollo, localize } from './apollo';
import { graphiqlRouter } from './graphiql';
import { createMetrics } from './metrics';
import { requestIds, requestScope } from './request-log';
import { corsAllowList, jsonErrors, requestLimit, securityHeaders } from '../security/http-guards';
import { LIMITS, protection } from '../security/limits';

export interface AppOptions {
  handle: DbHandle;
  services: Services;
  schema: GraphQLSchema;
  introspection: boolean;
  staticDir: string | undefined;
  production: boolean;
  corsOrigins: string[];
  requestsPerMinute: number;
  /** Serve GraphiQL at /graphiql (outside production). */
  graphiql: boolean;
  /** Whether the database answers: /healthz reports it. */
  healthy: () => Promise<boolean>;
  /** Serve GET /metrics to this bearer token; undefined: no metrics (404). */
  metricsToken?: string | undefined;
}

export interface App {
  server: Server;
  /** Stops taking connections and closes subscriptions; in-flight requests finish. */
  stop(): Promise<void>;
}

function bearer(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}

export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** The viewer of an HTTP request; a bad token is UNAUTHENTICATED rather than silently anonymous. */
export async function viewerOfRequest(services: Services, req: Request): Promise<Viewer | null> {
  const header = req.headers.authorization?.trim();
  // An Authorization header that is not "Bearer <token>" is a bad token too, not a quiet anonymous.
  const token = header ? (bearer(header) ?? header) : undefined;
  return token ? viewerFromToken(services.db, services.members, services.jwtSecret, token) : null;
}

export async function createApp(o: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // res.send hashes every body for an ETag; answers to POST /graphql are never revalidated, so the
  // hash is wasted work on each one. Static files keep theirs (express.static sets its own).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(requestIds());
  app.use(securityHeaders());
  const server = createServer(app);
  const guard = protection({ production: o.production });

  const wss = new WebSocketServer({ server, path: '/graphql' });
  const ws = useServer<Record<string, unknown> | undefined, { viewer?: Viewer | null }>(
    {
      schema: o.schema,
      // The same limits as over HTTP: a subscription document is a document too.
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...guard.validationRules]),
      onConnect: async (ctx) => {
        const token = bearer(ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization);
        try {
          ctx.extra.viewer = token
            ? await viewerFromToken(o.services.db, o.services.members, o.services.jwtSecret, token)
            : null;
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) =>
        buildContext(o.services, {
          viewer: ctx.extra.viewer ?? null,
          lang: langOf(ctx.extra.request.headers['accept-language']),
          ip: ctx.extra.request.socket.remoteAddress,
          baseUrl: `http://${ctx.extra.request.headers.host ?? 'localhost'}`,
        }),
      onError: (_ctx, _id, _payload, errors) =>
        localize(
          errors.map((e) => e.toJSON()),
          'zh',
        ) as never,
    },
    wss,
  );

  const apollo = createApollo(o.schema, server, { introspection: o.introspection, protection: guard });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const ok = await o.healthy().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok });
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
    requestLimit(o.requestsPerMinute),
    express.json({ limit: LIMITS.bodyBytes }),
    requestScope(),
    expressMiddleware<Context>(apollo, {
      context: async ({ req }) => {
        const lang = langOf(req.headers['accept-language']);
        let viewer: Viewer | null;
        try {
          viewer = await viewerOfRequest(o.services, req);
        } catch (error) {
          if (error instanceof AppError) throw withLang(error, lang);
          throw error;
        }
        const context = buildContext(o.services, { viewer, lang, ip: req.ip, baseUrl: baseUrlOf(req) });
        // Read (or kept) for this request: the resolvers need not read it again. (Not over
        // WebSocket, where the viewer was read when the connection opened, maybe hours ago.)
        if (viewer?.member) context.loaders.member.prime(viewer.id, viewer.member);
        return context;
      },
    }),
  );

  app.use(reportsRouter(o.services));
  if (o.graphiql) app.use(graphiqlRouter());

  if (o.staticDir && existsSync(join(o.staticDir, 'index.html'))) {
    const dir = o.staticDir;
    app.use(express.static(dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForShell }));
    // Client-side routes: any other GET for a page gets the app shell.
    app.get(/^\/(?!graphql|graphiql|healthz|export|certificate).*/, (req, res, next) => {
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
    },
  };
}

function noCacheForShell(res: express.Response, path: string) {
  // The shell and service worker must be fresh so a new release reaches phones; hashed assets are immutable.
  if (path.endsWith('index.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest')) {
    res.setHeader('Cache-Control', 'no-cache');
  } else if (/[.-][A-Za-z0-9_-]{8,}\.(js|css)$/.test(path)) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}

/**
 * An error thrown while building the context leaves Apollo before the localizing plugin runs:
 * localize it here, and answer 401 rather than Apollo's default 500.
 */
function withLang(error: AppError, lang: 'zh' | 'en'): GraphQLError {
  return new GraphQLError(lang === 'zh' ? error.zh : error.message, {
    extensions: { code: error.code, http: { status: error.code === 'UNAUTHENTICATED' ? 401 : 400 } },
  });
}
