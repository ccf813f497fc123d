// A site's hours traded with every other site (通存通兑往来, issue 18): what it delivered for hours
// earned elsewhere and the reverse, summed from the withdrawals themselves (nothing kept apart):
// a scan of the site's history, so read from the replica when there is one (deps.readDb).
import { allianceQueries, type TradeBalance } from '@huzhu/db';
import { requireRoleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { notFound } from '../core/errors';

/** For the site's coordinators, its admins and the officers of its region (and platform staff). */
export async function siteTradeBalances(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
): Promise<TradeBalance[]> {
  requireRoleAt(actor, siteId, ['ADMIN', 'COORDINATOR']);
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');
  return allianceQueries.tradeBalances(deps.readDb, siteId);
}
