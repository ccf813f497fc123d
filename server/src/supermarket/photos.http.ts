// The HTTP route for product photos, which a GraphQL response can only link to (Product.photoUrl).
// Bearer token only, like the report files: a member of the product's site (or platform staff)
// sees it, anyone else hears NOT_FOUND. The URL carries the photo's time (?v=), so the phone may
// keep an answer for good; an old URL is answered with the current photo, not cached.
import { Router } from 'express';
import type { ServerResources } from '../core/deps';
import { AppError } from '../core/errors';
import { fromId } from '../core/ids';
import { langOfRequest, route, sendError, type ViewerOfRequest } from '../reports/reports.http';
import { readProductPhoto } from './product-photos.service';

export function photosRouter(resources: Pick<ServerResources, 'db' | 'events'>, viewerOf: ViewerOfRequest): Router {
  const router = Router();

  router.get(
    '/photos/products/:productId',
    route(resources, viewerOf, async (deps, actor, req, res) => {
      const productId = fromId('Product', String(req.params.productId), 'productId');
      const photo = await readProductPhoto(deps, actor, productId);
      const version = String(photo.updatedAt.getTime());
      const etag = `"${version}"`;
      // Private: a site's goods are for its members, never a shared cache's.
      res.setHeader(
        'Cache-Control',
        req.query['v'] === version ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      );
      res.setHeader('ETag', etag);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'");
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.setHeader('Content-Type', photo.mimeType);
      res.send(photo.bytes);
    }),
  );

  router.use('/photos', (req, res) => {
    sendError(req, res, new AppError('NOT_FOUND', { en: 'No such photo', zh: '没有这张照片' }), langOfRequest(req));
  });

  return router;
}
