// Hours that travel (通存通兑, issue 18): which sites may trade hours. A member's one time account
// is kept by their home site; spending it for care at another site is a withdrawal there, owed by
// the home site, and allowed only inside an alliance: the county by default.
import { allianceQueries, type Executor } from '@huzhu/db';
import { ErrorCode, fail } from '../core/errors';

/**
 * Whether hours kept at `homeSiteId` may pay for care at `atSiteId`: the same site, or two sites
 * of one county. Two sites with no county on their region path trade with nobody but themselves.
 */
export async function tradeAllowed(ex: Executor, homeSiteId: number, atSiteId: number): Promise<boolean> {
  if (homeSiteId === atSiteId) return true;
  const counties = await allianceQueries.countiesOfSites(ex, [homeSiteId, atSiteId]);
  const home = counties.get(homeSiteId) ?? null;
  const at = counties.get(atSiteId) ?? null;
  return home !== null && home === at;
}

/** FORBIDDEN unless the two sites may trade hours (see tradeAllowed). */
export async function requireTradeAllowed(ex: Executor, homeSiteId: number, atSiteId: number): Promise<void> {
  if (await tradeAllowed(ex, homeSiteId, atSiteId)) return;
  fail(ErrorCode.FORBIDDEN, {
    en: 'Hours kept at that site cannot be spent here: the two sites are not in one alliance',
    zh: '两个站点不在同一通存通兑联盟内，那里的时间不能在这里使用',
  });
}
