// Visits (巡访) and the monthly coverage behind the binding 100% visit rate: every elder of tier A
// or B (their kept tier, see tier-plan.ts) is due a visit each calendar month in the site's time
// zone; tier C, visited quarterly, is not in the rate.
import {
  memberQueries,
  visitDutyQueries,
  visitQueries,
  type MemberRow,
  type SiteRow,
  type VisitMode,
  type VisitRow,
} from '@huzhu/db';
import { STAFF, actorTag, memberIdOf, requireRoleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { keyedRequest, replayOf } from '../core/idempotency';
import { lastDayOfMonth, localDate } from '../core/time';
import * as v from '../core/validate';
import { creditVisit } from '../ledger/transfers.service';
import { requireBankable, visitBanks, visitMinutes, visitPoints } from './visit-banking';

/** A visit as the visitor records it. */
export interface NewVisit {
  elderId: number;
  visitedAt: Date;
  note?: string | null;
  /** false when omitted. */
  followUpNeeded?: boolean | null;
  /**
   * Who went, a member of the elder's site who serves there (volunteer, coordinator, clerk); the
   * recorder when omitted. Only a coordinator records a visit for someone else.
   */
  visitorId?: number | null;
  /** HOME when omitted. */
  mode?: VisitMode | null;
  /** false: the elder was not at home (recorded; not counted as visited). true when omitted. */
  elderFound?: boolean | null;
  /** What was checked, each OK or CONCERN; omitted: nothing recorded. */
  checks?: VisitChecks | null;
  /**
   * How long it took, 1-480 minutes. Required when the site banks visits and the elder was found
   * (then a volunteer visitor is credited these minutes).
   */
  minutes?: number | null;
  /**
   * The recorder's key for this visit: a retry with it returns the visit, recorded (and credited)
   * once. Required when the site banks visits and the elder was found.
   */
  idempotencyKey?: string | null;
}

/** The policy's checks on a visit; a key left out was not checked. */
export const VISIT_CHECKS = ['health', 'mood', 'safety', 'hygiene', 'benefits', 'family'] as const;
export type VisitCheck = (typeof VISIT_CHECKS)[number];
export type VisitChecks = Partial<Record<VisitCheck, 'OK' | 'CONCERN' | null>>;

export interface CoverageData {
  siteId: number;
  month: string;
  dueCount: number;
  visitedCount: number;
  /** null when no one is due. */
  rate: number | null;
  unvisited: MemberRow[];
  visits: VisitRow[];
  /** Every elder due visits, by name, with their last visit and when the next is due. */
  elders: ElderVisitData[];
}

/** One due elder's place in the visit round, as of the month viewed. */
export interface ElderVisitData {
  elder: MemberRow;
  /** The latest visit before the end of the month viewed (any month); null if never visited. */
  lastVisit: VisitRow | null;
  visitedThisMonth: boolean;
  /** YYYY-MM-DD, site's calendar: the month's last day, or next month's when visited already. */
  dueBy: string;
  /** Not visited in the month and its last day is past. */
  overdue: boolean;
}

/** Roles that go on visits: the site's own people who serve, not the elders or platform staff. */
const VISITOR_ROLES = ['COORDINATOR', 'VOLUNTEER', 'CLERK'] as const;

/** Phones and servers disagree about the time by a little; a visit "now" must not be refused. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const EARLIEST_VISIT = new Date('2000-01-01T00:00:00Z');

/** visited / due; null when no one is due: a site with no elders due has no rate (not 100%). */
export function coverageRate(due: number, visited: number): number | null {
  return due === 0 ? null : visited / due;
}

export async function siteOrNotFound(deps: ServiceDeps, siteId: number): Promise<SiteRow> {
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');
  return site;
}

/** The checks as stored: only OK or CONCERN per known check; none when the elder was not found. */
function checksOf(input: VisitChecks | null | undefined, elderFound: boolean): Record<string, string> | null {
  if (!input) return null;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value == null) continue;
    if (!(VISIT_CHECKS as readonly string[]).includes(key) || (value !== 'OK' && value !== 'CONCERN')) {
      badInput(`input.checks.${key}`, { en: 'Unknown check or value', zh: '检查项填写有误' });
    }
    out[key] = value;
  }
  if (!elderFound && Object.keys(out).length > 0) {
    badInput('input.checks', {
      en: 'Nothing can be checked when the elder was not found',
      zh: '没见到老人，不能填写检查情况',
    });
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Who went on the visit. Anyone who records may name themself; only the site's coordinator (or
 * platform staff) may name another, and the one named must serve at the elder's site.
 */
async function visitorOf(
  deps: ServiceDeps,
  recorder: Actor,
  siteId: number,
  named: number | null,
): Promise<number | null> {
  const self = memberIdOf(recorder);
  if (named === null || named === self) return self;
  requireRoleAt(recorder, siteId, ['COORDINATOR', 'ADMIN']);
  await requireVisitorAt(deps, named, siteId, 'input.visitorId');
  return named;
}

/** The member may go on visits at the site: a volunteer, coordinator or clerk there. */
export async function requireVisitorAt(deps: ServiceDeps, memberId: number, siteId: number, field: string) {
  const serves = await memberQueries.membershipsOf(deps.db, memberId);
  if (!serves.some((m) => m.siteId === siteId && (VISITOR_ROLES as readonly string[]).includes(m.role))) {
    badInput(field, {
      en: 'The visitor must be a volunteer or staff member of the elder’s site',
      zh: '探访人须是本站点的志愿者或工作人员',
    });
  }
}

/**
 * Records a visit. With an idempotency key (a phone that recorded it offline sends it again when
 * the link is back) the visit is recorded once: a retry with the key and the same visit returns
 * it and writes nothing; the key with another visit is CONFLICT and writes nothing. When the site
 * banks visits (visit-banking), a volunteer's visit that found the elder credits its minutes and
 * points in the same transaction; a retry credits nothing again.
 */
export async function recordVisit(deps: ServiceDeps, actor: Actor | null, input: NewVisit): Promise<VisitRow> {
  const elder = await deps.cache.member.load(input.elderId);
  if (!elder || elder.siteId === null) {
    // Only platform staff learn that the id is unknown; anyone else is refused as for a foreign site.
    requireRoleAt(actor, -1, ['ADMIN']);
    fail(ErrorCode.NOT_FOUND, { en: 'No such elder at any site', zh: '找不到这位老人' }, { field: 'input.elderId' });
  }
  const recorder = requireRoleAt(actor, elder.siteId, ['COORDINATOR', 'VOLUNTEER', 'ADMIN']);
  // The member who visited: the one named, else the recorder; null when the system records one.
  const visitorId = await visitorOf(deps, recorder, elder.siteId, input.visitorId ?? null);
  const visitedAt = v.date('input.visitedAt', input.visitedAt);
  if (visitedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
    badInput('input.visitedAt', { en: 'The visit cannot be in the future', zh: '探访时间不能晚于现在' });
  }
  if (visitedAt < EARLIEST_VISIT) {
    badInput('input.visitedAt', { en: 'The visit cannot be before 2000', zh: '探访时间不能早于2000年' });
  }
  const note = v.optionalText('input.note', input.note, 1000, v.MULTILINE);
  // An elder who also volunteers (以老助老) cannot visit themself into the coverage figures.
  if (elder.id === visitorId) {
    badInput(input.visitorId == null ? 'input.elderId' : 'input.visitorId', {
      en: 'An elder cannot be their own visitor',
      zh: '老人不能自己探访自己',
    });
  }
  const followUpNeeded = input.followUpNeeded ?? false;
  const mode = input.mode ?? 'HOME';
  const elderFound = input.elderFound ?? true;
  const checks = checksOf(input.checks, elderFound);
  const minutes = visitMinutes(input.minutes);
  const site = await siteOrNotFound(deps, elder.siteId);
  requireBankable(site, elderFound, minutes, input.idempotencyKey);
  const banked = await visitBanks(deps, site, elderFound, visitorId);
  const keyed = keyedRequest('input.idempotencyKey', input.idempotencyKey, `visit:${actorTag(recorder)}`, [
    elder.id,
    visitedAt.toISOString(),
    note,
    followUpNeeded,
    // Appended only when given, so a key sent before these existed hashes as it did.
    ...(input.visitorId == null ? [] : [visitorId]),
    ...(input.mode == null && input.elderFound == null && checks === null ? [] : [mode, elderFound, checks]),
    ...(minutes === null ? [] : [{ minutes }]),
  ]);
  return deps.db.transaction(async (tx) => {
    const values = {
      siteId: elder.siteId!,
      elderId: elder.id,
      visitorId,
      visitedAt,
      note,
      followUpNeeded,
      mode,
      elderFound,
      checks,
      minutes,
      banked,
      // Read in the transaction; the setting and the rate as they are when the visit is recorded.
      pointsAwarded: banked ? await visitPoints(tx, site, minutes!) : 0,
    };
    const row = keyed
      ? await visitQueries.insertVisitOnce(tx, { ...values, idempotencyKey: keyed.key, requestHash: keyed.hash })
      : await visitQueries.insertVisit(tx, values);
    // The key is taken: a retry of this visit (its answer again), or the key reused for another.
    if (!row) return replayOf(await visitQueries.visitByKey(tx, keyed!.key), keyed!.hash);
    // A visit that found the elder closes the task of its period (the duty board moves with it).
    const task = elderFound ? await visitDutyQueries.closeTaskByVisit(tx, row) : undefined;
    if (row.banked)
      await creditVisit(tx, { site, visit: row, elderName: elder.name, recordedBy: memberIdOf(recorder) });
    await audit(tx, actor, row.siteId, 'recordVisit', 'visit', row.id, {
      elderId: elder.id,
      visitorId,
      visitedAt: visitedAt.toISOString(),
      mode,
      elderFound,
      followUpNeeded,
      ...(minutes === null ? {} : { minutes }),
      ...(row.banked ? { banked: true, points: row.pointsAwarded } : {}),
      ...(task ? { taskId: task.id } : {}),
    });
    return row;
  });
}

export async function visitCoverage(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<CoverageData> {
  requireRoleAt(actor, siteId, STAFF);
  const { year, month } = v.month('month', monthInput);
  // The site and the whole month's round in one statement: the elders due with their last
  // visits, the month's visits with their elders. From the replica when there is one
  // (deps.readDb): a report, which may trail by its lag.
  const round = await visitQueries.coverageOfSiteMonth(
    deps.readDb,
    siteId,
    `${year}-${String(month).padStart(2, '0')}-01`,
  );
  if (!round) notFound('site');
  const site = round.site;
  deps.cache.site.prime(site.id, site);
  const due = round.due.map((d) => d.elder);
  const visits = round.visits.map((x) => x.visit);
  // The members came with the round: the fields that show them need not read them again.
  for (const m of due) deps.cache.member.prime(m.id, m);
  for (const x of round.visits) deps.cache.member.prime(x.elder.id, x.elder);
  // A visit where the elder was not at home is kept but does not count.
  const visited = new Set(visits.filter((x) => x.elderFound).map((x) => x.elderId));
  const unvisited = due.filter((m) => !visited.has(m.id));
  const visitedCount = due.length - unvisited.length;
  return {
    siteId,
    month: monthInput,
    dueCount: due.length,
    visitedCount,
    rate: coverageRate(due.length, visitedCount),
    unvisited,
    visits,
    elders: eldersStatus(site, round.due, visited, year, month),
  };
}

/** Each due elder's last visit and next due date, as of the month viewed. */
function eldersStatus(
  site: SiteRow,
  due: { elder: MemberRow; lastVisit: VisitRow | null }[],
  visitedInMonth: Set<number>,
  year: number,
  month: number,
): ElderVisitData[] {
  const today = localDate(new Date(), site.timeZone);
  const monthEnd = lastDayOfMonth(year, month);
  const nextMonthEnd = lastDayOfMonth(year, month + 1);
  return due.map(({ elder, lastVisit }) => {
    const visitedThisMonth = visitedInMonth.has(elder.id);
    const dueBy = visitedThisMonth ? nextMonthEnd : monthEnd;
    return {
      elder,
      lastVisit,
      visitedThisMonth,
      dueBy,
      overdue: !visitedThisMonth && dueBy < today,
    };
  });
}
