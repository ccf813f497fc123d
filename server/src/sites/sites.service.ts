// Sites: the public listing, and creating one (platform staff only) with its ledger accounts.
import { siteQueries, type SiteRow } from '@huzhu/db';
import { isPlatformAdmin, requireViewer } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { Context } from '../graphql/context';
import { badInput, ErrorCode, fail, notFound } from '../graphql/errors';
import { afterId, connection, pageOf, type PageArgs } from '../graphql/pagination';
import * as v from '../graphql/validate';
import type { CreateSiteInput } from '../graphql/generated/resolvers-types';

export async function getSite(ctx: Context, id: number): Promise<SiteRow | null> {
  return (await ctx.loaders.site.load(id)) ?? null;
}

export async function listSites(ctx: Context, args: PageArgs) {
  const page = pageOf(args);
  const [rows, total] = await Promise.all([
    siteQueries.listSites(ctx.db, page.limit, afterId(page)),
    siteQueries.countSites(ctx.db),
  ]);
  return connection(rows, page, (s) => s.id, total);
}

/** The site shown as a platform admin's own: the first one. */
export async function firstSite(ctx: Context): Promise<SiteRow | undefined> {
  const [site] = await siteQueries.listSites(ctx.db, 1);
  return site;
}

export async function createSite(ctx: Context, input: CreateSiteInput): Promise<SiteRow> {
  const viewer = requireViewer(ctx);
  if (!isPlatformAdmin(viewer))
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
  return ctx.db.transaction(async (tx) => {
    const site = await siteQueries.insertSite(tx, {
      name,
      county: county!,
      township,
      village,
      pointsPerHour,
      timeZone,
    });
    await audit(tx, ctx, site.id, 'createSite', 'site', site.id, {
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
