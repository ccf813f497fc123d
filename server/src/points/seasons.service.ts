// Points seasons (issue 18): a site may say its points expire each year on a day ('MM-DD' on the
// site's clock). A month before, members holding points of the site are warned in their inbox; on
// the day, each member's available points of the site move to the site's points pool as an
// EXPIRY transfer, keyed per site, season and member, so a second run moves nothing. Points still
// pending under public notice are not available, and so do not expire: they count for the next
// season. A season is expired only if it was warned of: a site that turns expiry on less than a
// month before the day warns at once and expires on the day; one that turns it on after the day
// expires nothing until next year's.
import { Temporal } from '@js-temporal/polyfill';
import { pointsQueries as q, type SiteRow } from '@huzhu/db';
import { isPlatformAdmin, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail } from '../core/errors';
import { localDate } from '../core/time';
import { deliver } from '../inbox/inbox.deliver';
import { accountsAt, transfer } from '../ledger/ledger.service';
import { requireAvailable } from './points.service';

export interface SeasonRun {
  /** Members warned of a season's end (new messages). */
  warned: number;
  /** Members whose points expired. */
  expired: number;
  /** Points that expired in all. */
  points: number;
}

/**
 * The seasons' work for every site (of the time zone, when given) as of `now`: platform staff or
 * the system (the daily job) only. Idempotent: run twice, it warns and expires once.
 */
export async function runPointsSeasons(
  deps: ServiceDeps,
  actor: Actor | null,
  timeZone?: string,
  now: Date = new Date(),
): Promise<SeasonRun> {
  if (!isPlatformAdmin(actor)) {
    fail(ErrorCode.FORBIDDEN, { en: 'Only platform staff can run this', zh: '只有平台工作人员可以执行' });
  }
  const run: SeasonRun = { warned: 0, expired: 0, points: 0 };
  const sites = (await q.sitesWithSeasons(deps.db)).filter((s) => timeZone === undefined || s.timeZone === timeZone);
  for (const site of sites) {
    const { next, latest, today } = seasonDays(site, now);
    if (Temporal.PlainDate.compare(today, next.subtract({ months: 1 })) >= 0) {
      run.warned += await warn(deps, site, next.toString(), now);
    }
    const expired = await expire(deps, site, latest.toString(), now);
    run.expired += expired.members;
    run.points += expired.points;
  }
  return run;
}

/** Today on the site's clock, the next season end (today or later) and the latest (today or before). */
export function seasonDays(site: Pick<SiteRow, 'pointsSeasonEnd' | 'timeZone'>, now: Date) {
  const today = Temporal.PlainDate.from(localDate(now, site.timeZone));
  const [month, day] = site.pointsSeasonEnd!.split('-').map(Number) as [number, number];
  const inYear = (year: number) => Temporal.PlainDate.from({ year, month, day });
  const thisYear = inYear(today.year);
  const reached = Temporal.PlainDate.compare(today, thisYear) >= 0;
  return {
    today,
    next: reached ? inYear(today.year + 1) : thisYear,
    latest: reached ? thisYear : inYear(today.year - 1),
  };
}

async function warn(deps: ServiceDeps, site: SiteRow, seasonEnd: string, now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    if (!(await q.startSeasonWarning(tx, site.id, seasonEnd))) return 0;
    const holders = (await q.pointsBySite(tx, { siteId: site.id }, now)).filter((h) => h.held > 0);
    const at = Temporal.PlainDate.from(seasonEnd).toZonedDateTime({ timeZone: site.timeZone }).toInstant().toString();
    const written = await deliver(
      tx,
      holders.map((h) => ({
        memberId: h.memberId,
        siteId: site.id,
        kind: 'POINTS_EXPIRING' as const,
        detail: { points: h.available, at },
        dedupeKey: `points-season:${site.id}:${seasonEnd}:EXPIRING`,
      })),
    );
    return written.length;
  });
}

async function expire(
  deps: ServiceDeps,
  site: SiteRow,
  seasonEnd: string,
  now: Date,
): Promise<{ members: number; points: number }> {
  return deps.db.transaction(async (tx) => {
    // Only a warned season, only once: the claim marks it expired in this transaction.
    if (!(await q.claimSeasonExpiry(tx, site.id, seasonEnd))) return { members: 0, points: 0 };
    const holders = (await q.pointsBySite(tx, { siteId: site.id }, now)).filter((h) => h.available > 0);
    const accounts = await accountsAt(
      tx,
      site.id,
      holders.map((h) => h.memberId),
    );
    const pool = accounts.site('SITE_POOL', 'POINTS');
    if (pool === undefined) throw new Error(`site ${site.id} has no points pool`);
    let points = 0;
    let members = 0;
    for (const h of holders) {
      const account = accounts.member(h.memberId, 'POINTS');
      if (account === undefined) continue;
      // Read again under the member's lock: what is available now is what expires.
      const { available } = await requireAvailable(tx, {
        memberId: h.memberId,
        siteId: site.id,
        amount: 0,
        lockAccountIds: [account, pool],
        now,
      });
      if (available <= 0) continue;
      const { replayed } = await transfer(tx, {
        unit: 'POINTS',
        amount: available,
        fromAccountId: account,
        toAccountId: pool,
        kind: 'EXPIRY',
        idempotencyKey: `expiry:${site.id}:${seasonEnd}:${h.memberId}`,
        siteId: site.id,
        memo: `积分清零 ${seasonEnd}`,
      });
      if (replayed) continue;
      members += 1;
      points += available;
      await deliver(tx, [
        {
          memberId: h.memberId,
          siteId: site.id,
          kind: 'POINTS_EXPIRED',
          detail: { points: available },
          dedupeKey: `points-season:${site.id}:${seasonEnd}:EXPIRED`,
        },
      ]);
    }
    return { members, points };
  });
}
