// Visits that bank time (issue 17): when a site says so, a volunteer's visit that found the elder
// credits its minutes, and points at the VISIT category's rate, like confirmed service. Who is
// credited and what a visit must then carry are decided here; the crediting itself is the
// ledger's (transfers.service creditVisit), in the visit's own transaction.
import { memberQueries, siteQueries, type SiteRow, type Transaction } from '@huzhu/db';
import type { ServiceDeps } from '../core/deps';
import { badInput } from '../core/errors';
import * as v from '../core/validate';
import { pointsFor } from '../ledger/transfers.service';

/** The longest visit: a half-day at the elder's home is already far beyond the usual hour. */
export const MAX_VISIT_MINUTES = 480;

/** The visit's minutes as given, checked (1-480); null when none were given. */
export function visitMinutes(input: number | null | undefined): number | null {
  return input == null ? null : v.int('input.minutes', input, 1, MAX_VISIT_MINUTES);
}

/**
 * What a visit to a site that banks visits must carry when the elder was found: its minutes (the
 * amount credited) and an idempotency key (it moves the ledger, and a phone on a flaky link sends
 * again). Checked before anything is written.
 */
export function requireBankable(site: SiteRow, elderFound: boolean, minutes: number | null, key: unknown): void {
  if (!site.visitsBankTime || !elderFound) return;
  if (minutes === null) {
    badInput('input.minutes', {
      en: 'This site banks visits as time: give how many minutes the visit took (1-480)',
      zh: '本站点探访计入时间银行，请填写探访用时（1-480分钟）',
    });
  }
  if (key == null) {
    badInput('input.idempotencyKey', {
      en: 'This site banks visits as time: send an idempotency key so a retry is not credited twice',
      zh: '本站点探访计入时间银行，请附带幂等键，以免重发时重复入账',
    });
  }
}

/**
 * Whether recording the visit credits its visitor: the site banks visits, the elder was found, and
 * the visitor is a volunteer of the site who is not its coordinator. Staff (the coordinator, a
 * clerk who is no volunteer) visit as their duty, and a coordinator would otherwise credit their
 * own time with no one to confirm it, which confirmService forbids for service.
 */
export async function visitBanks(
  deps: ServiceDeps,
  site: SiteRow,
  elderFound: boolean,
  visitorId: number | null,
): Promise<boolean> {
  if (!site.visitsBankTime || !elderFound || visitorId === null) return false;
  const roles = (await memberQueries.membershipsOf(deps.db, visitorId))
    .filter((m) => m.siteId === site.id)
    .map((m) => m.role);
  return roles.includes('VOLUNTEER') && !roles.includes('COORDINATOR');
}

/** Points for a banked visit: the site's VISIT category rate, else its own rate, rounded down. */
export async function visitPoints(tx: Transaction, site: SiteRow, minutes: number): Promise<number> {
  const rate = await siteQueries.categoryRate(tx, site.id, 'VISIT');
  return pointsFor(minutes, rate ?? site.pointsPerHour);
}
