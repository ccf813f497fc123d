// What the CSV exports and the printable certificate show, with their access rules. The HTTP layer
// (reports.http) only parses the path, calls these and renders; access is checked here, first.
import { needQueries, reportQueries, type MemberRow, type SiteRow } from '@huzhu/db';
import { isPlatformAdmin, requireActor, requireRoleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import { monthRange } from '../core/time';
import * as v from '../core/validate';
import { requirePrivate } from '../members/members.service';
import { requireSite } from '../sites/sites.service';

export type ServiceLine = Awaited<ReturnType<typeof reportQueries.serviceLines>>[number];
export type LedgerLine = Awaited<ReturnType<typeof reportQueries.ledgerLines>>[number];

export interface MonthExport<Line> {
  site: SiteRow;
  month: string;
  lines: Line[];
}

/** The site's books are the coordinator's and the bureau's: clerks and volunteers get no export. */
async function exportScope(deps: ServiceDeps, actor: Actor | null, siteId: number, monthInput: string) {
  requireRoleAt(actor, siteId, ['COORDINATOR', 'ADMIN']);
  const { year, month } = v.month('month', monthInput);
  const site = requireSite(await deps.cache.site.load(siteId));
  return { site, month: monthInput, ...monthRange(year, month, site.timeZone) };
}

/** The month's confirmed services at the site; `month` as "2026-11" on the site's clock. */
export async function serviceExport(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<MonthExport<ServiceLine>> {
  const { site, month, from, to } = await exportScope(deps, actor, siteId, monthInput);
  return { site, month, lines: await reportQueries.serviceLines(deps.db, site.id, from, to) };
}

/** The month's transfers touching the site's accounts; `month` as "2026-11" on the site's clock. */
export async function ledgerExport(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<MonthExport<LedgerLine>> {
  const { site, month, from, to } = await exportScope(deps, actor, siteId, monthInput);
  return { site, month, lines: await reportQueries.ledgerLines(deps.db, site.id, from, to) };
}

export interface CertificateData {
  member: MemberRow;
  /** Null for platform staff, who belong to no site. */
  site: SiteRow | null;
  totals: Awaited<ReturnType<typeof needQueries.serviceTotals>>;
  services: Awaited<ReturnType<typeof needQueries.confirmedServices>>;
  issuedAt: Date;
}

/** A volunteer's service record (志愿服务记录): the member, their site's staff, platform staff. */
export async function certificateOf(
  deps: ServiceDeps,
  actor: Actor | null,
  memberId: number,
): Promise<CertificateData> {
  const a = requireActor(actor);
  const member = await deps.cache.member.load(memberId);
  if (!member) {
    // Whether an id exists is platform staff's business only.
    if (!isPlatformAdmin(a)) {
      fail(ErrorCode.FORBIDDEN, {
        en: "Only the member and the site's staff can see this",
        zh: '只有本人和站点工作人员可以查看',
      });
    }
    notFound('member');
  }
  requirePrivate(a, member);
  const [site, totals, services] = await Promise.all([
    member.siteId === null ? null : deps.cache.site.load(member.siteId),
    needQueries.serviceTotals(deps.db, member.id),
    needQueries.confirmedServices(deps.db, member.id),
  ]);
  return { member, site: site ?? null, totals, services, issuedAt: new Date() };
}
