// HTTP routes for the files a GraphQL response can only link to: the monthly CSV exports and the
// printable certificate. Bearer token only; every error is JSON { error: { code, message } }.
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { buildContext, langOf, type Context, type Lang, type Services } from '../graphql/context';
import { AppError, type ErrorCode } from '../graphql/errors';
import { baseUrlOf, viewerOfRequest } from '../http/app';
import { logInternalError, scopeOf } from '../http/request-log';
import { certificateHtml } from './reports.certificate';
import { ledgerCsv, serviceCsv, type CsvFile } from './reports.csv';
import { certificateOf, ledgerExport, serviceExport } from './reports.exports';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_BALANCE: 409,
  OUT_OF_STOCK: 409,
  TOO_MANY_REQUESTS: 429,
};

function sendError(req: Request, res: Response, error: unknown, lang: Lang): void {
  if (error instanceof AppError) {
    if (error.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(STATUS[error.code]).json({
      error: { code: error.code, message: lang === 'zh' ? error.zh : error.message },
    });
    return;
  }
  const requestId = logInternalError(error, { requestId: scopeOf(res).requestId, path: req.path });
  res.status(500).json({
    error: {
      code: 'INTERNAL_SERVER_ERROR',
      message: lang === 'zh' ? '服务器出错了，请稍后再试' : 'Something went wrong; please try again later',
      requestId,
    },
  });
}

/** Builds the request's context (a bad token is UNAUTHENTICATED) and answers any error as JSON. */
function route(services: Services, handler: (ctx: Context, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    const lang = langOf(req.headers['accept-language']);
    try {
      const viewer = await viewerOfRequest(services, req);
      const ctx = buildContext(services, { viewer, lang, ip: req.ip, baseUrl: baseUrlOf(req) });
      await handler(ctx, req, res);
    } catch (error) {
      sendError(req, res, error, lang);
    }
  };
}

/** RFC 5987: percent-encode everything outside attr-char, which encodeURIComponent leaves alone. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sendCsv(res: Response, file: CsvFile): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${file.fileName}"; filename*=UTF-8''${rfc5987(file.fileNameZh)}`,
  );
  // A site's books and people's names: not for shared caches, nor the phone's disk cache.
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(file.body);
}

export function reportsRouter(services: Services): Router {
  const router = Router();

  router.get(
    '/export/:siteId/:month/service.csv',
    route(services, async (ctx, req, res) => {
      sendCsv(res, serviceCsv(await serviceExport(ctx, String(req.params.siteId), String(req.params.month))));
    }),
  );

  router.get(
    '/export/:siteId/:month/ledger.csv',
    route(services, async (ctx, req, res) => {
      sendCsv(res, ledgerCsv(await ledgerExport(ctx, String(req.params.siteId), String(req.params.month))));
    }),
  );

  router.get(
    '/certificate/:memberId',
    route(services, async (ctx, req, res) => {
      const data = await certificateOf(ctx, String(req.params.memberId));
      const nonce = randomBytes(16).toString('base64');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      // Names are escaped already; the policy is the second lock: no script runs but our own.
      res.setHeader(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`,
      );
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(certificateHtml(data, nonce));
    }),
  );

  // Anything else under these paths is a JSON 404, not the client's HTML shell.
  router.use(['/export', '/certificate'], (req, res) => {
    sendError(
      req,
      res,
      new AppError('NOT_FOUND', { en: 'No such file', zh: '没有这个文件' }),
      langOf(req.headers['accept-language']),
    );
  });

  return router;
}
