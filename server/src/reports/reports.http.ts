// HTTP routes for the files a GraphQL response can only link to: the monthly CSV exports (one
// site's service, ledger and visits, or every site's for platform staff) and the printable
// certificate, in the reader's language. Bearer token only; every error is JSON { error: { code, message } }.
// Like a resolver, a route parses the path's opaque ids and calls the services with plain input;
// the server hands in its resources and how to tell who sent a request, so nothing here imports it.
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { requireActor, type Actor, type Viewer } from '../auth/authorize';
import { serviceDeps, type ServerResources, type ServiceDeps } from '../core/deps';
import { AppError, type ErrorCode } from '../core/errors';
import { fromId } from '../core/ids';
import { langOf, type Lang } from '../core/lang';
import { logInternalError, scopeOf } from '../http/request-log';
import { certificateHtml } from './reports.certificate';
import { ledgerCsv, serviceCsv, sitesCsv, visitsCsv, type CsvFile } from './reports.csv';
import { certificateOf, ledgerExport, serviceExport, visitsExport } from './reports.exports';
import { siteReports } from './reports.service';
import { overdueCsv } from './region-overdue.csv';
import { serviceRecordsExport } from '../paper/certificates.service';
import { serviceRecordsCsv } from '../paper/service-records.csv';
import { regionOverdueExport } from './region-overdue.service';

/** Who sent a request; a bad token is UNAUTHENTICATED rather than silently anonymous. */
export type ViewerOfRequest = (req: Request) => Promise<Viewer | null>;

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_BALANCE: 409,
  OUT_OF_STOCK: 409,
  ILLEGAL_TRANSITION: 409,
  TOO_MANY_REQUESTS: 429,
};

export function sendError(req: Request, res: Response, error: unknown, lang: Lang): void {
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

/** The member acting, from the request's address (for the audit trail). */
function actorOf(viewer: Viewer | null, ip: string | undefined): Actor | null {
  return viewer && ip !== undefined ? { ...viewer, ip } : viewer;
}

/**
 * The reader's language: the `lang` query parameter the client adds (zh, zh-CN, en), so a saved
 * link keeps it; else the Accept-Language header; else Chinese.
 */
export function langOfRequest(req: Request): Lang {
  const asked = req.query['lang'];
  return langOf(typeof asked === 'string' && asked ? asked : req.headers['accept-language']);
}

export type Handler = (
  deps: ServiceDeps,
  actor: Actor | null,
  req: Request,
  res: Response,
  lang: Lang,
) => Promise<void>;

/**
 * Resolves the request's actor (a bad token is UNAUTHENTICATED), gives the handler deps with a
 * read cache of its own, and answers any error as JSON.
 */
export function route(
  resources: Pick<ServerResources, 'db' | 'readDb' | 'events'>,
  viewerOf: ViewerOfRequest,
  handler: Handler,
) {
  return async (req: Request, res: Response) => {
    const lang = langOfRequest(req);
    try {
      const actor = actorOf(await viewerOf(req), req.ip);
      await handler(serviceDeps(resources), actor, req, res, lang);
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
    `attachment; filename="${file.fileName}"; filename*=UTF-8''${rfc5987(file.displayName)}`,
  );
  // A site's books and people's names: not for shared caches, nor the phone's disk cache.
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(file.body);
}

/** The routes; `viewerOf` tells who sent a request (the server's own rule, shared with /graphql). */
export function reportsRouter(
  resources: Pick<ServerResources, 'db' | 'readDb' | 'events'>,
  viewerOf: ViewerOfRequest,
): Router {
  const router = Router();

  // Every site's figures for the month, one row a site: platform staff only (siteReports checks).
  router.get(
    '/export/sites/:month/sites.csv',
    route(resources, viewerOf, async (deps, actor, req, res, lang) => {
      const month = String(req.params.month);
      sendCsv(res, sitesCsv(month, await siteReports(deps, actor, month), lang));
    }),
  );

  // A region's visits not made in the month ('all': every region); civil-affairs staff (the service checks).
  router.get(
    '/export/regions/:regionId/:month/overdue.csv',
    route(resources, viewerOf, async (deps, actor, req, res, lang) => {
      const raw = String(req.params.regionId);
      const regionId = raw === 'all' ? null : fromId('Region', raw, 'regionId');
      sendCsv(res, overdueCsv(await regionOverdueExport(deps, actor, regionId, String(req.params.month)), lang));
    }),
  );

  router.get(
    '/export/:siteId/:month/service.csv',
    route(resources, viewerOf, async (deps, actor, req, res, lang) => {
      const siteId = fromId('Site', String(req.params.siteId), 'siteId');
      sendCsv(res, serviceCsv(await serviceExport(deps, actor, siteId, String(req.params.month)), lang));
    }),
  );

  router.get(
    '/export/:siteId/:month/ledger.csv',
    route(resources, viewerOf, async (deps, actor, req, res, lang) => {
      const siteId = fromId('Site', String(req.params.siteId), 'siteId');
      sendCsv(res, ledgerCsv(await ledgerExport(deps, actor, siteId, String(req.params.month)), lang));
    }),
  );

  // The month's service records for the national volunteer system (docs/service-records-export.md).
  router.get(
    '/export/:siteId/:month/service-records.csv',
    route(resources, viewerOf, async (deps, actor, req, res, lang) => {
      const siteId = fromId('Site', String(req.params.siteId), 'siteId');
      sendCsv(res, serviceRecordsCsv(await serviceRecordsExport(deps, actor, siteId, String(req.params.month)), lang));
    }),
  );

  router.get(
    '/export/:siteId/:month/visits.csv',
    route(resources, viewerOf, async (deps, actor, req, res, lang) => {
      const siteId = fromId('Site', String(req.params.siteId), 'siteId');
      sendCsv(res, visitsCsv(await visitsExport(deps, actor, siteId, String(req.params.month)), lang));
    }),
  );

  router.get(
    '/certificate/:memberId',
    route(resources, viewerOf, async (deps, actor, req, res, lang) => {
      // Nobody logged in hears UNAUTHENTICATED before anything about the id, as ever.
      requireActor(actor);
      const memberId = fromId('Member', String(req.params.memberId), 'memberId');
      const data = await certificateOf(deps, actor, memberId);
      const nonce = randomBytes(16).toString('base64');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      // Names are escaped already; the policy is the second lock: no script runs but our own.
      res.setHeader(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`,
      );
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(certificateHtml(data, nonce, lang));
    }),
  );

  // Anything else under these paths is a JSON 404, not the client's HTML shell.
  router.use(['/export', '/certificate'], (req, res) => {
    sendError(req, res, new AppError('NOT_FOUND', { en: 'No such file', zh: '没有这个文件' }), langOfRequest(req));
  });

  return router;
}
