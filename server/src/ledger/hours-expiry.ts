// Hours expiry (issue 18), only where a region's hours policy sets it: every day, minutes a member
// was credited more than N months ago and has not spent since expire, as an EXPIRY transfer from
// the member back to their home site's minutes pool (which minted them). Oldest minutes are spent
// first (FIFO), so what is old is the balance less everything credited within the N months, where
// positive. A month before minutes expire the member is warned in their inbox (once a month at
// most); when they expire, told. One expiry per member per day (its key), so a second run the
// same day moves nothing. A run is for the sites of one time zone, on that zone's day: each zone
// some site keeps has its own schedule (hours-expiry.jobs.ts), so no site's day is counted in
// another's.
import { hoursPolicyQueries as hq, ledgerQueries, visitRuleQueries, type Database, type Transaction } from '@huzhu/db';
import { localDate } from '../core/time';
import { deliver } from '../inbox/inbox.deliver';
import { effectiveOf } from './hours-policy';
import { transfer } from './ledger.service';

/** The instant `months` calendar months before (negative: after) `at`. */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export interface ExpiryRun {
  /** The time zone whose sites the run was for, and its day then. */
  timeZone: string;
  day: string;
  /** Members whose minutes expired in this run, and the minutes in all. */
  members: number;
  minutes: number;
  /** Members warned of minutes expiring within a month. */
  warned: number;
}

/** Expires and warns at every site of the zone whose policy sets an expiry; `now` for tests. */
export async function expireHours(db: Database, timeZone: string, now = new Date()): Promise<ExpiryRun> {
  const run: ExpiryRun = { timeZone, day: localDate(now, timeZone), members: 0, minutes: 0, warned: 0 };
  const [policies, sites] = await Promise.all([hq.allPolicies(db), hq.sitePaths(db)]);
  if (policies.length === 0) return run;
  for (const { siteId, path, timeZone: zone } of sites) {
    if (path === null || zone !== timeZone) continue;
    const { expiryMonths } = effectiveOf(visitRuleQueries.pathIds(path), policies);
    if (expiryMonths === null) continue;
    const since = monthsBefore(now, expiryMonths);
    for (const c of await hq.expiryCandidates(db, siteId, since)) {
      // Each member in their own transaction: one member's trouble never holds back another's.
      const moved = await db.transaction((tx) =>
        expireMember(tx, { siteId, memberId: c.memberId, accountId: c.accountId, since, now, day: run.day }),
      );
      if (moved.expired > 0) {
        run.members += 1;
        run.minutes += moved.expired;
      }
      if (moved.warned) run.warned += 1;
    }
  }
  return run;
}

async function expireMember(
  tx: Transaction,
  m: { siteId: number; memberId: number; accountId: number; since: Date; now: Date; day: string },
): Promise<{ expired: number; warned: boolean }> {
  const idempotencyKey = `expiry:minutes:${m.memberId}:${m.day}`;
  const pool = await ledgerQueries.siteAccount(tx, m.siteId, 'SITE_POOL', 'MINUTES');
  if (!pool) throw new Error(`site ${m.siteId} has no minutes pool`);
  // Locked first, so the balance read is the one the expiry moves from.
  const [locked] = (await ledgerQueries.lockAccounts(tx, [m.accountId, pool.id])).filter((a) => a.id === m.accountId);
  if (!locked) return { expired: 0, warned: false };
  const soon = monthsBefore(m.since, -1);
  const [fresh, freshSoon] = await hq.creditedSince(tx, m.accountId, [m.since, soon]);
  let balance = locked.balance;
  let expired = 0;
  const done = await ledgerQueries.transferByKey(tx, idempotencyKey);
  const old = balance - fresh!;
  if (!done && old > 0) {
    await transfer(tx, {
      unit: 'MINUTES',
      amount: old,
      fromAccountId: m.accountId,
      toAccountId: pool.id,
      kind: 'EXPIRY',
      idempotencyKey,
      siteId: m.siteId,
    });
    await deliver(tx, [
      {
        memberId: m.memberId,
        siteId: m.siteId,
        kind: 'HOURS_EXPIRED',
        detail: { minutes: old },
        dedupeKey: idempotencyKey,
      },
    ]);
    balance -= old;
    expired = old;
  }
  // Held now and credited before `soon`: these expire within the month, unless spent first.
  const expiring = balance - freshSoon!;
  if (expiring <= 0) return { expired, warned: false };
  const rows = await deliver(tx, [
    {
      memberId: m.memberId,
      siteId: m.siteId,
      kind: 'HOURS_EXPIRING',
      detail: { minutes: expiring, at: monthsBefore(m.now, -1).toISOString() },
      dedupeKey: `hours-expiring:${m.memberId}:${m.day.slice(0, 7)}`,
    },
  ]);
  return { expired, warned: rows.length > 0 };
}
