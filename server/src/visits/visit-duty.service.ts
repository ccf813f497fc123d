// The visit duty (探访关爱): pairing each elder with a visitor and a backup (结对), tier overrides,
// the visit tasks generated for each elder and period (once, however often the job runs), the
// visitor's own list, the coordinator's board, reassigning, and the escalation of work not done:
// a reminder to the visitor before the due day, the coordinators on it, and the coordinators and
// the township's officers (the county's, when the township has none) when the period ends
// unvisited (the task is then missed). Each reminder once per member and stage.
import {
  memberQueries,
  regionStaffQueries,
  visitDutyQueries as q,
  visitQueries,
  type VisitRow,
  type MemberRow,
  type SiteRow,
  type VisitTaskRow,
  type VisitTier,
} from '@huzhu/db';
import {
  hasRoleAt,
  memberIdOf,
  requireActor,
  requireRoleAt,
  requireViewer,
  requireVisibleAt,
  STAFF,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { endOfLocalDay, lastDayOfMonth, localDate } from '../core/time';
import * as v from '../core/validate';
import { deliver, type InboxMessage } from '../inbox/inbox.deliver';
import { refreshKeptTiers, type ElderPlan } from './tier-plan';
import { requireVisitorAt, siteOrNotFound } from './visits.service';
import type { Transaction } from '@huzhu/db';

/** Days before the due day the visitor is reminded: two for a week's task, three otherwise. */
const REMIND_DAYS: Record<VisitTier, number> = { A: 2, B: 3, C: 3 };

async function elderAtSite(
  deps: ServiceDeps,
  actor: Actor | null,
  elderId: number,
): Promise<MemberRow & { siteId: number }> {
  requireActor(actor);
  const elder = await deps.cache.member.load(elderId);
  if (!elder || elder.siteId === null) notFound('member');
  requireVisibleAt(actor, elder.siteId, () => notFound('member'));
  return elder as MemberRow & { siteId: number };
}

/** Pairs an elder with a visitor and an optional backup (COORDINATOR of the elder's site). */
export async function setVisitPair(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { elderId: number; visitorId: number; backupId?: number | null },
) {
  const elder = await elderAtSite(deps, actor, input.elderId);
  requireRoleAt(actor, elder.siteId, ['COORDINATOR']);
  const backupId = input.backupId ?? null;
  if (input.visitorId === elder.id || backupId === elder.id) {
    badInput('input.visitorId', { en: 'An elder cannot be their own visitor', zh: '老人不能自己探访自己' });
  }
  if (backupId !== null && backupId === input.visitorId) {
    badInput('input.backupId', { en: 'The backup must be someone else', zh: '备用探访人须是另一个人' });
  }
  await requireVisitorAt(deps, input.visitorId, elder.siteId, 'input.visitorId');
  if (backupId !== null) await requireVisitorAt(deps, backupId, elder.siteId, 'input.backupId');
  const site = await siteOrNotFound(deps, elder.siteId);
  return deps.db.transaction(async (tx) => {
    const pair = await q.upsertPair(tx, {
      elderId: elder.id,
      siteId: elder.siteId,
      visitorId: input.visitorId,
      backupId,
    });
    // Open work follows the pairing; a first pairing gets this period's task at once.
    const moved = await q.moveOpenTasks(tx, elder.id, input.visitorId);
    const created = await generateForSite(tx, site, [elder], new Date());
    await audit(tx, actor, elder.siteId, 'setVisitPair', 'member', elder.id, {
      visitorId: input.visitorId,
      backupId,
      movedTasks: moved,
      createdTasks: created.length,
    });
    return pair;
  });
}

/** Overrides an elder's computed tier until a day, with a reason (COORDINATOR of the site). */
export async function setTierOverride(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { elderId: number; tier: VisitTier; reason: string; until: string },
) {
  const elder = await elderAtSite(deps, actor, input.elderId);
  const coordinator = requireRoleAt(actor, elder.siteId, ['COORDINATOR']);
  const reason = v.text('input.reason', input.reason, 200);
  const until = v.day('input.until', input.until);
  const untilDay = `${until.year}-${String(until.month).padStart(2, '0')}-${String(until.day).padStart(2, '0')}`;
  const site = await siteOrNotFound(deps, elder.siteId);
  if (untilDay < localDate(new Date(), site.timeZone)) {
    badInput('input.until', { en: 'The override must hold until today or later', zh: '有效期不能早于今天' });
  }
  return deps.db.transaction(async (tx) => {
    const row = await q.upsertOverride(tx, {
      elderId: elder.id,
      tier: input.tier,
      reason,
      until: untilDay,
      setBy: memberIdOf(coordinator),
    });
    await audit(tx, actor, elder.siteId, 'setTierOverride', 'member', elder.id, {
      tier: input.tier,
      reason,
      until: untilDay,
    });
    // The kept tier (the monthly rate's count) follows the override at once.
    await refreshKeptTiers(tx, site, new Date(), [elder.id]);
    deps.cache.member.clear(elder.id);
    return row;
  });
}

/** Hands a task to another visitor of the site, or to no one (COORDINATOR of the site). */
export async function reassignVisitTask(
  deps: ServiceDeps,
  actor: Actor | null,
  taskId: number,
  visitorId: number | null,
) {
  requireActor(actor);
  const task = await q.taskById(deps.db, taskId);
  if (!task) notFound('visitTask');
  requireVisibleAt(actor, task.siteId, () => notFound('visitTask'));
  requireRoleAt(actor, task.siteId, ['COORDINATOR']);
  if (task.status !== 'OPEN') {
    fail(ErrorCode.CONFLICT, { en: 'Only an open visit task can be reassigned', zh: '这项探访已经结束，不能再改派' });
  }
  if (visitorId !== null) {
    if (visitorId === task.elderId)
      badInput('visitorId', { en: 'An elder cannot be their own visitor', zh: '老人不能自己探访自己' });
    await requireVisitorAt(deps, visitorId, task.siteId, 'visitorId');
  }
  return deps.db.transaction(async (tx) => {
    const row = await q.setTaskVisitor(tx, task.id, visitorId);
    await audit(tx, actor, task.siteId, 'reassignVisitTask', 'visitTask', task.id, {
      from: task.visitorId,
      to: visitorId,
    });
    return row;
  });
}

/** The viewer's own open visit tasks, the soonest due first. */
export async function myVisitTasks(deps: ServiceDeps, actor: Actor | null): Promise<VisitTaskRow[]> {
  const viewer = requireViewer(actor);
  return q.openTasksOf(deps.db, viewer.id);
}

/**
 * A visit task as GraphQL shows it; on a duty board also the last time in its period the visitor
 * went and did not find the elder (the task still undone).
 */
export type TaskData = VisitTaskRow & { notFoundAt?: Date | null };

export interface TierCounts {
  tier: VisitTier;
  due: number;
  done: number;
  /** Open and not yet past its due day. */
  open: number;
  /** Open and past its due day (the escalation marks it missed when its period ends). */
  overdue: number;
  missed: number;
  /** Not done, with a visit that did not find the elder in its period. */
  notFound: number;
}

export interface DutyBoard {
  site: SiteRow;
  month: string;
  tasks: TaskData[];
  counts: TierCounts[];
}

/** The site's visit tasks whose period touches the month (site staff). */
export async function visitDuty(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<DutyBoard> {
  requireRoleAt(actor, siteId, STAFF);
  const { year, month } = v.month('month', monthInput);
  const site = await siteOrNotFound(deps, siteId);
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = lastDayOfMonth(year, month);
  const rows = await q.tasksOfSite(deps.db, siteId, first, last);
  const today = localDate(new Date(), site.timeZone);
  // The attempts that found nobody at home, in the span of the board's periods, by elder.
  const from = rows.reduce((m, t) => (t.periodStart < m ? t.periodStart : m), first);
  const to = rows.reduce((m, t) => (t.dueBy > m ? t.dueBy : m), last);
  const attempts = await q.notFoundAttempts(deps.db, siteId, from, to, site.timeZone);
  const tasks: TaskData[] = rows.map((t) => {
    if (t.status === 'DONE') return t;
    const mine = attempts.filter((a) => a.elderId === t.elderId && a.day >= t.periodStart && a.day <= t.dueBy);
    return { ...t, notFoundAt: mine.at(-1)?.visitedAt ?? null };
  });
  const counts = (['A', 'B', 'C'] as const).map((tier): TierCounts => {
    const of = tasks.filter((t) => t.tier === tier);
    const n = (f: (t: TaskData) => boolean) => of.filter(f).length;
    return {
      tier,
      due: of.length,
      done: n((t) => t.status === 'DONE'),
      open: n((t) => t.status === 'OPEN' && t.dueBy >= today),
      overdue: n((t) => t.status === 'OPEN' && t.dueBy < today),
      missed: n((t) => t.status === 'MISSED'),
      notFound: n((t) => !!t.notFoundAt),
    };
  });
  return { site, month: monthInput, tasks, counts };
}

/** The site's pairings (site staff). */
export async function visitPairs(deps: ServiceDeps, actor: Actor | null, siteId: number) {
  requireRoleAt(actor, siteId, STAFF);
  await siteOrNotFound(deps, siteId);
  return q.pairsOfSite(deps.db, siteId);
}

/** The visit that closed a task (whoever may see the task may see it). */
export async function taskVisit(deps: ServiceDeps, task: VisitTaskRow): Promise<VisitRow | null> {
  return task.visitId === null ? null : ((await visitQueries.visitById(deps.db, task.visitId)) ?? null);
}

/**
 * Whether the actor may read the elder's address and whole phone number through the task: its
 * visitor while it is open (they are going there), and the site's staff.
 */
export function mayContact(actor: Actor | null, task: VisitTaskRow): boolean {
  if (actor === null) return false;
  if (task.status === 'OPEN' && memberIdOf(actor) === task.visitorId) return true;
  return hasRoleAt(actor, task.siteId, STAFF);
}

/**
 * This period's task for each of the elders (the period of their plan holding today on the site's
 * calendar: the tier's, a raise's, or a major event's window), assigned to their paired visitor;
 * tasks that exist are left as they are, and a new task whose elder was visited already in its
 * period is closed by that visit at once. The elders' kept tiers are brought up to date on the way.
 */
export async function generateForSite(
  tx: Transaction,
  site: SiteRow,
  elders: MemberRow[],
  now: Date,
): Promise<VisitTaskRow[]> {
  if (elders.length === 0) return [];
  const plans = await refreshKeptTiers(
    tx,
    site,
    now,
    elders.map((e) => e.id),
  );
  return tasksOfPlans(tx, site, plans);
}

async function tasksOfPlans(tx: Transaction, site: SiteRow, plans: ElderPlan[]): Promise<VisitTaskRow[]> {
  if (plans.length === 0) return [];
  const pairs = new Map((await q.pairsOfSite(tx, site.id)).map((p) => [p.elderId, p]));
  const tasks = plans.map(({ elder, tier, period, eventId }) => ({
    siteId: site.id,
    elderId: elder.id,
    tier,
    periodStart: period.start,
    dueBy: period.end,
    eventId,
    visitorId: pairs.get(elder.id)?.visitorId ?? null,
  }));
  const created = await q.insertTasks(tx, tasks);
  const closed = new Map(
    (
      await q.closeTasksVisitedAlready(
        tx,
        created.map((t) => t.id),
      )
    ).map((t) => [t.id, t]),
  );
  return created.map((t) => closed.get(t.id) ?? t);
}

/** The generation job's pass over one time zone's sites; returns how many tasks it created. */
export async function generateVisitTasks(
  deps: ServiceDeps,
  actor: Actor,
  timeZone: string,
  now = new Date(),
): Promise<number> {
  requireRoleAt(actor, -1, ['ADMIN']);
  let created = 0;
  for (const site of await q.sitesInZone(deps.db, timeZone)) {
    created += await deps.db.transaction(async (tx) => {
      // Every kept tier of the site (birthdays, expired overrides and events, members who left
      // the list), then the tasks of the plans.
      const rows = await tasksOfPlans(tx, site, await refreshKeptTiers(tx, site, now));
      if (rows.length > 0)
        await audit(tx, actor, site.id, 'generateVisitTasks', 'site', site.id, { created: rows.length });
      return rows.length;
    });
  }
  return created;
}

/**
 * The escalation pass over one zone's open tasks: the visitor reminded some days before the due
 * day, the coordinators told on the due day, and when the period is over the task is missed and
 * the coordinators told again. The inbox drops a stage delivered before (its dedupe key), so a
 * pass run twice tells no one twice.
 */
export async function escalateVisitTasks(deps: ServiceDeps, actor: Actor, timeZone: string): Promise<number> {
  requireRoleAt(actor, -1, ['ADMIN']);
  return deps.db.transaction(async (tx) => {
    const open = await q.openTasksNearDue(tx, timeZone, Math.max(...Object.values(REMIND_DAYS)));
    const coordinators = new Map<number, number[]>();
    const coordinatorsOf = async (siteId: number) => {
      if (!coordinators.has(siteId)) coordinators.set(siteId, await q.holdersOf(tx, siteId, 'COORDINATOR'));
      return coordinators.get(siteId)!;
    };
    // The officers to tell of a site's missed visits: its township's, or the county's if none.
    const township = new Map<number, number[]>();
    const townshipStaffOf = async (siteId: number) => {
      if (!township.has(siteId)) township.set(siteId, await regionOfficersFor(tx, siteId));
      return township.get(siteId)!;
    };
    const messages: InboxMessage[] = [];
    const missed: number[] = [];
    const names = new Map(
      (await memberQueries.membersByIds(tx, [...new Set(open.map((t) => t.elderId))])).map((m) => [m.id, m.name]),
    );
    for (const task of open) {
      const about = { subject: `visit-task:${task.id}`, siteId: task.siteId };
      // The facts the inbox words: whom to visit, and the end of the due day on the site's clock.
      const detail = { personName: names.get(task.elderId) ?? '', at: endOfDay(task.dueBy, timeZone) };
      if (task.dueBy < task.today) {
        missed.push(task.id);
        // An officer who is also the site's coordinator is told once (one key per member).
        const told = new Set([...(await coordinatorsOf(task.siteId)), ...(await townshipStaffOf(task.siteId))]);
        for (const memberId of told)
          messages.push({ ...about, memberId, kind: 'VISIT_OVERDUE', detail, dedupeKey: `${about.subject}:OVERDUE` });
        continue;
      }
      if (task.dueBy === task.today) {
        for (const memberId of await coordinatorsOf(task.siteId))
          messages.push({ ...about, memberId, kind: 'VISIT_DUE', detail, dedupeKey: `${about.subject}:DUE` });
      }
      if (task.visitorId !== null && daysBetween(task.today, task.dueBy) <= REMIND_DAYS[task.tier]) {
        messages.push({
          ...about,
          memberId: task.visitorId,
          kind: 'VISIT_REMINDER',
          detail,
          dedupeKey: `${about.subject}:REMINDER`,
        });
      }
    }
    await q.markMissed(tx, missed);
    return (await deliver(tx, messages)).length;
  });
}

/** The officers of the site's nearest township; when it has none, of its county's. */
async function regionOfficersFor(tx: Transaction, siteId: number): Promise<number[]> {
  const above = await regionStaffQueries.regionsAboveSite(tx, siteId);
  for (const level of ['TOWNSHIP', 'COUNTY'] as const) {
    const region = above.find((r) => r.level === level);
    if (!region) continue;
    const officers = await regionStaffQueries.officersOf(tx, [region.id]);
    if (officers.length > 0) return officers.map((o) => o.member.id);
  }
  return [];
}

function endOfDay(day: string, timeZone: string): string {
  return new Date(endOfLocalDay(day, timeZone)).toISOString();
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
