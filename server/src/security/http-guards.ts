// HTTP-level guards: security headers, the CORS allow-list, the per-member request limit, and
// JSON answers (never an HTML page or a stack trace) for requests that fail before GraphQL.
import cors from 'cors';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { RequestLimiter } from './request-limiter';
import { logInternalError, scopeOf } from '../http/request-log';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Vant and GraphiQL set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Village sites are plain HTTP on a local network more often than not.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/** Only the listed origins may call the API from a browser on another origin. */
export function corsAllowList(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    maxAge: 600,
  });
}

/**
 * Requests a minute per member (the verified token's subject) or, without a token, per address:
 * however the header is spelled, one member has one budget. `keyOf` verifies the token (once per
 * request: the GraphQL context reuses it); a bad token counts against the address.
 */
export function requestLimit(limiter: RequestLimiter, keyOf: (req: Request) => Promise<string>): RequestHandler {
  return async (req, res, next) => {
    const verdict = await limiter.take(await keyOf(req));
    if (verdict.allowed) return next();
    const { retryAfterSeconds } = verdict;
    res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(429).json({
      errors: [
        {
          message: '请求太频繁，请稍后再试 / Too many requests; please wait a moment',
          extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds },
        },
      ],
    });
  };
}

/** Body too large, malformed JSON and the like: a 4xx JSON answer in GraphQL's error shape. */
export const jsonErrors: ErrorRequestHandler = (
  error: { status?: number; statusCode?: number; type?: string },
  req,
  res,
  next,
) => {
  if (res.headersSent) return next(error);
  const status = error.status ?? error.statusCode ?? 500;
  const requestId =
    status >= 500 ? logInternalError(error, { requestId: scopeOf(res).requestId, path: req.path }) : undefined;
  const message =
    error.type === 'entity.too.large'
      ? 'Request body too large'
      : error.type === 'entity.parse.failed'
        ? 'Malformed JSON in the request body'
        : status >= 500
          ? 'Internal server error'
          : 'Bad request';
  res.status(status).json({
    errors: [
      { message, extensions: requestId ? { code: 'INTERNAL_SERVER_ERROR', requestId } : { code: 'BAD_REQUEST' } },
    ],
  });
};
