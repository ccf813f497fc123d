// Sites: the public listing, and creating one (platform staff only) with its ledger accounts.
import { siteQueries, type SiteRow } from '@huzhu/db';
import { isPlatformAdmin, requireActor, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { afterId, connection, pageOf, type PageArgs } from '../core/pagination';
import * as v from '../core/validate';

/** A new site as its creator writes it: the region as "county/township/village". */
export interface NewSite {
  name: string;
  region: string;
  pointsPerHour: number;
  timeZone?: string | null;
}

// The listing is public (the log-in page lists villages): no actor needed.
export async function getSite(deps: ServiceDeps, id: number): Promise<SiteRow | null> {
  return (await deps.cache.site.load(id)) ?? null;
}

export async function listSites(deps: ServiceDeps, args: PageArgs) {
  const page = pageOf(args);
  const [rows, total] = await Promise.all([
    siteQueries.listSites(deps.db, page.limit, afterId(page)),
    siteQueries.countSites(deps.db),
  ]);
  return connection(rows, page, (s) => s.id, total);
}

/** The site shown as a platform admin's own: the first one. */
export async function firstSite(deps: ServiceDeps): Promise<SiteRow | undefined> {
  const [site] = await siteQueries.listSites(deps.db, 1);
  return site;
}

export async function createSite(deps: ServiceDeps, actor: Actor | null, input: NewSite): Promise<SiteRow> {
  if (!isPlatformAdmin(requireActor(actor)))
    fail(ErrorCode.FORBIDDEN, { en: 'Only platform staff can create sites', zh: '只有民政局管理员可以创建站点' });
  const name = v.text('input.name', input.name, 60);
  const parts = v
    .text('input.region', input.region, 120)
    .split(/\s*[/>／]\s*/)
    .filter(Boolean);
  if (parts.length < 1 || parts.length > 3) {
    badInput('input.region', { en: 'region must be county/township/village', zh: '地区须写成 县/乡镇/村' });
  }
  const [county, township = '', village = ''] = parts;
  const pointsPerHour = v.int('input.pointsPerHour', input.pointsPerHour, 1, 1000);
  const timeZone = v.timeZone('input.timeZone', input.timeZone ?? 'Asia/Shanghai');
  return deps.db.transaction(async (tx) => {
    const site = await siteQueries.insertSite(tx, {
      name,
      county: county!,
      township,
      village,
      pointsPerHour,
      timeZone,
    });
    await audit(tx, actor, site.id, 'createSite', 'site', site.id, {
      name,
      region: parts.join('/'),
      pointsPerHour,
      timeZone,
    });
    return site;
  });
}

export function regionOf(site: SiteRow): string {
  return [site.county, site.township, site.village].filter(Boolean).join('/');
}

export function requireSite(site: SiteRow | undefined | null): SiteRow {
  if (!site) notFound('site');
  return site;
}
