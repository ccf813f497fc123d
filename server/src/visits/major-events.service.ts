// Major events (重大变故): a fall, a discharge from hospital or a bereavement reported for an elder
// by a coordinator of their site or by their visitor. The elder is tier A for the 24 hours after
// the report, and a visit task due within that window is generated at once (once per event: the
// generation job finding the same window makes no second task).
import {
  visitDutyQueries as q,
  visitRuleQueries as rq,
  type MajorEventKind,
  type MemberRow,
  type VisitMajorEventRow,
  type VisitTaskRow,
} from '@huzhu/db';
import { hasRoleAt, memberIdOf, requireActor, requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { localDate } from '../core/time';
import * as v from '../core/validate';
import { generateForSite } from './visit-duty.service';
import { siteOrNotFound } from './visits.service';

/** How far back an event may have happened to be reported (days). */
const REPORT_WITHIN_DAYS = 7;

export interface MajorEventInput {
  elderId: number;
  kind: MajorEventKind;
  /** YYYY-MM-DD, the day it happened on the site's calendar. */
  happenedOn: string;
  note?: string | null;
}

export interface MajorEventReportData {
  event: VisitMajorEventRow;
  /** The visit task due within the 24 hours. */
  task: VisitTaskRow;
}

/** Whether the actor visits the elder: their paired visitor or backup, or holds an open task for them. */
async function visitsElder(deps: ServiceDeps, actor: Actor, elder: MemberRow): Promise<boolean> {
  const me = memberIdOf(actor);
  if (me === null) return false;
  const pair = await q.pairOf(deps.db, elder.id);
  if (pair && (pair.visitorId === me || pair.backupId === me)) return true;
  return (await q.openTasksOf(deps.db, me)).some((t) => t.elderId === elder.id);
}

/** Reports a major event for an elder (COORDINATOR of the elder's site, or the elder's visitor). */
export async function reportMajorEvent(
  deps: ServiceDeps,
  actor: Actor | null,
  input: MajorEventInput,
  now = new Date(),
): Promise<MajorEventReportData> {
  const a = requireActor(actor);
  const elder = await deps.cache.member.load(input.elderId);
  if (!elder || elder.siteId === null) notFound('member');
  const siteId = elder.siteId;
  requireVisibleAt(a, siteId, () => notFound('member'));
  if (!hasRoleAt(a, siteId, ['COORDINATOR']) && !(await visitsElder(deps, a, elder))) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only a coordinator of the site or the elder’s visitor can report an event',
      zh: '只有本站协调员或这位老人的探访人可以报告重大变故',
    });
  }
  const site = await siteOrNotFound(deps, siteId);
  const d = v.day('input.happenedOn', input.happenedOn);
  const happenedOn = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const today = localDate(now, site.timeZone);
  const earliest = localDate(new Date(now.getTime() - REPORT_WITHIN_DAYS * 86_400_000), site.timeZone);
  if (happenedOn > today || happenedOn < earliest) {
    badInput('input.happenedOn', {
      en: `The day must be today or within the last ${REPORT_WITHIN_DAYS} days`,
      zh: `日期须是今天或最近 ${REPORT_WITHIN_DAYS} 天内`,
    });
  }
  const note = v.optionalText('input.note', input.note, 200);
  const listed = (await q.eldersOfSite(deps.db, siteId)).some((e) => e.id === elder.id);
  if (!listed) {
    badInput('input.elderId', {
      en: 'This member is not on the site’s visit list (no elder role or care category)',
      zh: '这位成员不在本站探访名单上（不是老人，也没有关爱类别）',
    });
  }
  const report = await deps.db.transaction(async (tx) => {
    const event = await rq.insertEvent(tx, {
      elderId: elder.id,
      siteId,
      kind: input.kind,
      happenedOn,
      note,
      reportedBy: memberIdOf(a),
      reportedAt: now,
    });
    const [task] = await generateForSite(tx, site, [elder], now);
    if (!task || task.eventId !== event.id) throw new Error(`no task generated for event ${event.id}`);
    await audit(tx, actor, siteId, 'reportMajorEvent', 'member', elder.id, {
      eventId: event.id,
      kind: input.kind,
      happenedOn,
      taskId: task.id,
    });
    return { event, task };
  });
  deps.cache.member.clear(elder.id);
  return report;
}

/** The events of the tasks raised by one (a duty board shows what raised them). */
export async function eventOfTask(deps: ServiceDeps, task: VisitTaskRow): Promise<VisitMajorEventRow | null> {
  if (task.eventId === null) return null;
  return (await rq.eventById(deps.db, task.eventId)) ?? null;
}
