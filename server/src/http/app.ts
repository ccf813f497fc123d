// The HTTP face: /graphql (Apollo over POST and GET, graphql-ws on the same path), /healthz, the
// CSV exports and certificates, and the built client at /.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { DbHandle } from '@huzhu/db';
import { viewerFromToken } from '../auth/auth.service';
import type { Viewer } from '../auth/authorize';
import { buildContext, langOf, type Context, type Services } from '../graphql/context';
import { AppError } from '../graphql/errors';
import { reportsRouter } from '../reports/reports.http';
import { createApollo } from './apollo';
import { graphiqlRouter } from './graphiql';
import { useWebSocket } from './websocket';
import { corsAllowList, jsonErrors, requestLimit, securityHeaders } from '../security/http-guards';
import { LIMITS, protection } from '../security/limits';
import { memoryRequestLimiter } from '../security/request-limiter';

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
  app.use(securityHeaders());
  const server = createServer(app);
  const guard = protection({ production: o.production });

  const limiter = memoryRequestLimiter(o.requestsPerMinute);
  const ws = useWebSocket({
    server,
    schema: o.schema,
    services: o.services,
    protection: guard,
    introspection: o.introspection,
    production: o.production,
    limiter,
  });

  const apollo = createApollo(o.schema, server, { introspection: o.introspection, protection: guard });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const ok = await o.healthy().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok });
  });

  app.use(['/graphql', '/export', '/certificate'], corsAllowList(o.corsOrigins));
  app.use(
    '/graphql',
    requestLimit(limiter),
    express.json({ limit: LIMITS.bodyBytes }),
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
        // Read (or kept) for this request: the resolvers need not read it again.
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
