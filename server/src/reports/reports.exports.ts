// What the CSV exports and the printable certificate show, with their access rules. The HTTP layer
// (reports.http) only parses the path, calls these and renders; access is checked here, first.
import { needQueries, reportQueries, type MemberRow, type SiteRow } from '@huzhu/db';
import { isPlatformAdmin, requireRoleAt, requireViewer } from '../auth/authorize';
import type { Context } from '../graphql/context';
import { ErrorCode, fail, notFound } from '../graphql/errors';
import { fromId } from '../graphql/ids';
import { monthRange } from '../graphql/time';
import * as v from '../graphql/validate';
import { requirePrivate } from '../members/members.service';
import { siteOrNotFound } from '../visits/visits.service';

export type ServiceLine = Awaited<ReturnType<typeof reportQueries.serviceLines>>[number];
export type LedgerLine = Awaited<ReturnType<typeof reportQueries.ledgerLines>>[number];

export interface MonthExport<Line> {
  site: SiteRow;
  month: string;
  lines: Line[];
}

/** The site's books are the coordinator's and the bureau's: clerks and volunteers get no export. */
async function exportScope(ctx: Context, siteIdInput: string, monthInput: string) {
  const siteId = fromId('Site', siteIdInput, 'siteId');
  requireRoleAt(ctx, siteId, ['COORDINATOR', 'ADMIN']);
  const { year, month } = v.month('month', monthInput);
  const site = await siteOrNotFound(ctx, siteId);
  return { site, month: monthInput, ...monthRange(year, month, site.timeZone) };
}

export async function serviceExport(
  ctx: Context,
  siteIdInput: string,
  monthInput: string,
): Promise<MonthExport<ServiceLine>> {
  const { site, month, from, to } = await exportScope(ctx, siteIdInput, monthInput);
  return { site, month, lines: await reportQueries.serviceLines(ctx.db, site.id, from, to) };
}

export async function ledgerExport(
  ctx: Context,
  siteIdInput: string,
  monthInput: string,
): Promise<MonthExport<LedgerLine>> {
  const { site, month, from, to } = await exportScope(ctx, siteIdInput, monthInput);
  return { site, month, lines: await reportQueries.ledgerLines(ctx.db, site.id, from, to) };
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
export async function certificateOf(ctx: Context, memberIdInput: string): Promise<CertificateData> {
  const viewer = requireViewer(ctx);
  const memberId = fromId('Member', memberIdInput, 'memberId');
  const member = await ctx.loaders.member.load(memberId);
  if (!member) {
    // Whether an id exists is platform staff's business only.
    if (!isPlatformAdmin(viewer)) {
      fail(ErrorCode.FORBIDDEN, {
        en: "Only the member and the site's staff can see this",
        zh: '只有本人和站点工作人员可以查看',
      });
    }
    notFound('member');
  }
  requirePrivate(ctx, member);
  const [site, totals, services] = await Promise.all([
    member.siteId === null ? null : ctx.loaders.site.load(member.siteId),
    needQueries.serviceTotals(ctx.db, member.id),
    needQueries.confirmedServices(ctx.db, member.id),
  ]);
  return { member, site: site ?? null, totals, services, issuedAt: new Date() };
}
