// Sites: the public listing, and creating one (platform staff only) with its ledger accounts.
import { regionQueries, siteQueries, type RegionLevel, type RegionRow, type SiteRow } from '@huzhu/db';
import { isPlatformAdmin, requireActor, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { afterId, connection, pageOf, type PageArgs } from '../core/pagination';
import { DEFAULT_SITE_ZONE } from '../core/time';
import * as v from '../core/validate';

/**
 * A new site as its creator writes it: the region as a path of 1 to 5 divisions, "county[/township
 * [/village]]" or with a city, or a province and city, before the county.
 */
export interface NewSite {
  name: string;
  region: string;
  /** The statistical division codes (12 digits), one per part of the path; null or '' where unknown. */
  regionCodes?: (string | null)[] | null;
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
  if (parts.length < 1 || parts.length > 5) {
    badInput('input.region', {
      en: 'region must be 1 to 5 divisions: [province/][city/]county[/township[/village]]',
      zh: '地区须写成 [省/][市/]县[/乡镇[/村]]，一至五级',
    });
  }
  const steps = regionSteps(parts, input.regionCodes ?? null);
  const named = (level: RegionLevel) => steps.find((x) => x.level === level)?.name ?? '';
  const [county, township, village] = [named('COUNTY'), named('TOWNSHIP'), named('VILLAGE')];
  const pointsPerHour = v.int('input.pointsPerHour', input.pointsPerHour, 1, 1000);
  const timeZone = v.timeZone('input.timeZone', input.timeZone ?? DEFAULT_SITE_ZONE);
  return deps.db.transaction(async (tx) => {
    const { rows, codeClashes } = await regionQueries.ensureRegionPath(tx, steps);
    if (codeClashes.length > 0) {
      fail(
        ErrorCode.CONFLICT,
        {
          en: `${codeClashes.join(', ')} already has another division code`,
          zh: `${codeClashes.join('、')} 已登记了另一个区划代码`,
        },
        { field: 'input.regionCodes' },
      );
    }
    const site = await siteQueries.insertSite(tx, {
      name,
      county,
      township,
      village,
      regionId: rows[rows.length - 1]!.id,
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

/**
 * The levels of a path's parts: up to three are county, township, village (as sites were always
 * written); a fourth part before them is the city, a fifth the province.
 */
const LEVELS_BY_LENGTH: Record<number, RegionLevel[]> = {
  1: ['COUNTY'],
  2: ['COUNTY', 'TOWNSHIP'],
  3: ['COUNTY', 'TOWNSHIP', 'VILLAGE'],
  4: ['CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'],
  5: ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'],
};

function regionSteps(parts: string[], codes: (string | null)[] | null): regionQueries.RegionStep[] {
  if (codes && codes.length !== parts.length) {
    badInput('input.regionCodes', {
      en: 'give one code per part of the region (empty where unknown)',
      zh: '区划代码须与地区逐级对应（不知道的留空）',
    });
  }
  return parts.map((name, i) => {
    const code = codes?.[i] || null;
    if (code !== null && !/^[0-9]{12}$/.test(code)) {
      badInput('input.regionCodes', { en: 'a division code is 12 digits', zh: '区划代码应为 12 位数字' });
    }
    return { level: LEVELS_BY_LENGTH[parts.length]![i]!, name: v.text('input.region', name, 40), code };
  });
}

export function regionOf(site: SiteRow): string {
  return [site.county, site.township, site.village].filter(Boolean).join('/');
}

export function requireSite(site: SiteRow | undefined | null): SiteRow {
  if (!site) notFound('site');
  return site;
}

/** The region and those above it, top down (public, as a site's region is). */
export async function regionPathOf(deps: ServiceDeps, regionId: number): Promise<RegionRow[]> {
  const region = await regionQueries.regionById(deps.db, regionId);
  return region ? regionQueries.regionLine(deps.db, region) : [];
}
