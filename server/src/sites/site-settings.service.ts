// A site's settings, as its coordinator keeps them: points per hour overall and per category, the
// time zone, the public notice (公示: on or off, its days), when points expire, whether visits bank time, and (to read only) who its staff are. Rates are
// read when a service is confirmed (transfers.service creditService), so a change pays only what
// is confirmed after it; points already credited stay as they were.
import {
  siteQueries,
  SERVICE_CATEGORIES,
  type MemberRow,
  type Role,
  type ServiceCategory,
  type SiteRow,
} from '@huzhu/db';
import { requireRoleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, notFound } from '../core/errors';
import * as v from '../core/validate';

/** Who keeps the settings: the site's coordinator, and platform staff. */
const KEEPERS: readonly Role[] = ['COORDINATOR', 'ADMIN'];
/** The roles listed as the site's staff. */
export const STAFF_ROLES: readonly Role[] = ['COORDINATOR', 'CLERK', 'VOLUNTEER'];

export interface CategoryRate {
  category: ServiceCategory;
  pointsPerHour: number;
}

/** A member of the site's staff, with their staff roles there. */
export interface StaffEntry {
  member: MemberRow;
  roles: Role[];
}

export interface SiteSettingsData {
  site: SiteRow;
  /** The categories with a rate of their own; every other category earns the site's rate. */
  categoryRates: CategoryRate[];
  /** Members holding COORDINATOR, CLERK or VOLUNTEER at the site, by name, with those roles. */
  staff: StaffEntry[];
}

/** A change of settings; undefined leaves a setting as it is. */
export interface SettingsChange {
  siteId: number;
  pointsPerHour?: number | null;
  timeZone?: string | null;
  publicNotice?: boolean | null;
  /** The public notice's period, 1-60 days (7 unless set). */
  noticeDays?: number | null;
  /** Points of the site expire yearly on this day, 'MM-DD'; '' turns expiry off. */
  pointsSeasonEnd?: string | null;
  /** Whether visits bank time (visit-banking); only visits recorded afterwards are credited. */
  visitsBankTime?: boolean | null;
  /** Categories to set (pointsPerHour 1-1000) or, with null, to give back to the site's rate. */
  categoryRates?: { category: ServiceCategory; pointsPerHour?: number | null }[] | null;
}

async function siteFor(deps: ServiceDeps, actor: Actor | null, siteId: number): Promise<SiteRow> {
  // As for every site id: FORBIDDEN whether the site exists or not, unless one keeps sites.
  requireRoleAt(actor, siteId, KEEPERS);
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');
  return site;
}

export async function siteSettings(deps: ServiceDeps, actor: Actor | null, siteId: number): Promise<SiteSettingsData> {
  const site = await siteFor(deps, actor, siteId);
  const [categoryRates, holders] = await Promise.all([
    siteQueries.categoryRates(deps.db, siteId),
    siteQueries.roleHolders(deps.db, siteId, STAFF_ROLES),
  ]);
  const staff: SiteSettingsData['staff'] = [];
  for (const { member, role } of holders) {
    const last = staff.at(-1);
    if (last?.member.id === member.id) last.roles.push(role);
    else staff.push({ member, roles: [role] });
  }
  return { site, categoryRates, staff };
}

export async function updateSiteSettings(
  deps: ServiceDeps,
  actor: Actor | null,
  change: SettingsChange,
): Promise<SiteSettingsData> {
  await siteFor(deps, actor, change.siteId);
  const set: Parameters<typeof siteQueries.updateSite>[2] = {};
  if (change.pointsPerHour != null) set.pointsPerHour = v.int('input.pointsPerHour', change.pointsPerHour, 1, 1000);
  if (change.timeZone != null) set.timeZone = v.timeZone('input.timeZone', change.timeZone);
  if (change.publicNotice != null) set.publicNotice = change.publicNotice;
  if (change.visitsBankTime != null) set.visitsBankTime = change.visitsBankTime;
  if (change.noticeDays != null) set.noticeDays = v.int('input.noticeDays', change.noticeDays, 1, 60);
  if (change.pointsSeasonEnd != null) set.pointsSeasonEnd = seasonEnd(change.pointsSeasonEnd);
  const rates = (change.categoryRates ?? []).map((r, i) => {
    if (!SERVICE_CATEGORIES.includes(r.category)) badInput(`input.categoryRates[${i}].category`, UNKNOWN);
    return {
      category: r.category,
      pointsPerHour:
        r.pointsPerHour == null ? null : v.int(`input.categoryRates[${i}].pointsPerHour`, r.pointsPerHour, 1, 1000),
    };
  });
  if (new Set(rates.map((r) => r.category)).size !== rates.length) {
    badInput('input.categoryRates', { en: 'A category is listed twice', zh: '同一类服务写了两次' });
  }
  await deps.db.transaction(async (tx) => {
    const before = (await siteQueries.lockSite(tx, change.siteId))!;
    const ratesBefore = new Map((await siteQueries.categoryRates(tx, change.siteId)).map((r) => [r.category, r]));
    const changed = Object.fromEntries(
      Object.entries(set).filter(([k, value]) => before[k as keyof typeof set] !== value),
    ) as typeof set;
    const rateChanges = rates.filter((r) => (ratesBefore.get(r.category)?.pointsPerHour ?? null) !== r.pointsPerHour);
    if (Object.keys(changed).length > 0) await siteQueries.updateSite(tx, change.siteId, changed);
    for (const r of rateChanges) await siteQueries.setCategoryRate(tx, change.siteId, r.category, r.pointsPerHour);
    if (Object.keys(changed).length === 0 && rateChanges.length === 0) return;
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof set]]));
    await audit(tx, actor, change.siteId, 'updateSiteSettings', 'site', change.siteId, {
      before: {
        ...was,
        categoryRates: rateChanges.map((r) => ({
          category: r.category,
          pointsPerHour: ratesBefore.get(r.category)?.pointsPerHour ?? null,
        })),
      },
      after: { ...changed, categoryRates: rateChanges },
    });
  });
  deps.cache.site.clear(change.siteId);
  return siteSettings(deps, actor, change.siteId);
}

/** 'MM-DD' of a day every year has (29 February is refused: most years have none); '' is off (null). */
function seasonEnd(value: string): string | null {
  if (value.trim() === '') return null;
  const m = /^(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m || !v.isCalendarDay(2027, Number(m[1]), Number(m[2]))) {
    badInput('input.pointsSeasonEnd', {
      en: 'The season end is a day of the year, MM-DD, such as 12-31',
      zh: '积分清零日请按“月-日”填写，如 12-31',
    });
  }
  return `${m[1]}-${m[2]}`;
}

const UNKNOWN = { en: 'No such kind of service', zh: '没有这类服务' };
