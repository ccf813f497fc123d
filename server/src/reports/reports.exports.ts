// What the CSV exports and the printable certificate show, with their access rules. The HTTP layer
// (reports.http) only parses the path, calls these and renders; access is checked here, first.
// A site's month exports are read from the replica when there is one (deps.readDb); a member's
// own certificate from the primary, like everything else of theirs.
import { needQueries, referralQueries, reportQueries, type MemberRow, type SiteRow } from '@huzhu/db';
import { isPlatformAdmin, requireActor, requireRoleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import { monthRange } from '../core/time';
import * as v from '../core/validate';
import { requirePrivate } from '../members/members.service';
import { requireSite } from '../sites/sites.service';
import { visitCoverage } from '../visits/visits.service';

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
  return { site, month, lines: await reportQueries.serviceLines(deps.readDb, site.id, from, to) };
}

/** The month's transfers touching the site's accounts; `month` as "2026-11" on the site's clock. */
export async function ledgerExport(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<MonthExport<LedgerLine>> {
  const { site, month, from, to } = await exportScope(deps, actor, siteId, monthInput);
  return { site, month, lines: await reportQueries.ledgerLines(deps.readDb, site.id, from, to) };
}

export interface VisitLine {
  elderName: string;
  /** Null for a due elder not visited in the month (listed after the visits). */
  visitedAt: Date | null;
  visitorName: string | null;
  note: string | null;
  followUpNeeded: boolean;
  followUpOutcome: string | null;
  /** What closed the follow-up when not a note: a need posted, or a referral. */
  followUpLink?: 'NEED' | 'REFERRAL' | null;
}

/** The month's visits, then the due elders not visited, for the coordinator's and bureau's files. */
export async function visitsExport(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<MonthExport<VisitLine>> {
  const { site, month } = await exportScope(deps, actor, siteId, monthInput);
  const coverage = await visitCoverage(deps, actor, siteId, month);
  const people = new Map<number, string>();
  const ids = [...new Set(coverage.visits.flatMap((x) => [x.elderId, ...(x.visitorId === null ? [] : [x.visitorId])]))];
  for (const m of await deps.cache.member.loadMany(ids)) if (m && !(m instanceof Error)) people.set(m.id, m.name);
  const referred = new Set(
    (
      await referralQueries.referralsOfVisits(
        deps.readDb,
        coverage.visits.map((x) => x.id),
      )
    ).map((r) => r.visitId),
  );
  const lines: VisitLine[] = [
    ...[...coverage.visits].reverse().map((x) => ({
      elderName: people.get(x.elderId) ?? '',
      visitedAt: x.visitedAt,
      visitorName: x.visitorId === null ? null : (people.get(x.visitorId) ?? null),
      note: x.note,
      followUpNeeded: x.followUpNeeded,
      followUpOutcome: x.followUpOutcome,
      followUpLink: x.followUpNeedId !== null ? ('NEED' as const) : referred.has(x.id) ? ('REFERRAL' as const) : null,
    })),
    ...coverage.unvisited.map((m) => ({
      elderName: m.name,
      visitedAt: null,
      visitorName: null,
      note: null,
      followUpNeeded: false,
      followUpOutcome: null,
    })),
  ];
  return { site, month, lines };
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
