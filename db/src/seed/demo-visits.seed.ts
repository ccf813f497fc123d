// The demo village's visit duty (探访关爱) in the middle of its month, on the site's calendar of the
// day the seed runs: elders of each tier (one raised by the coordinator's override), paired
// visitors with backups and one elder not yet paired, this period's tasks open and done, last
// week's task overdue (its due day passed, the morning's escalation not yet run), last month's
// missed, a not-found visit, a follow-up open and one closed, and the inbox's reminders of each
// stage. Written through the queries the visit services use, so every row obeys their rules.
import type { Transaction } from '../open';
import { insertInboxItems, type NewInboxItem } from '../queries/inbox.queries';
import { closeFollowUp, insertVisit } from '../queries/visits.queries';
import {
  closeTaskByVisit,
  insertTasks,
  markMissed,
  upsertOverride,
  upsertPair,
  type NewVisitTask,
} from '../queries/visit-duty.queries';
import type { VisitTier } from '../schema/enums.schema';

/** Who visits whom: visitor and backup by name; 赵玉梅 is left for the coordinator to pair. */
const PAIRS: { elder: string; visitor: string; backup: string | null }[] = [
  { elder: '孙德福', visitor: '张建国', backup: '刘桂兰' },
  { elder: '周桂香', visitor: '刘桂兰', backup: '陈志明' },
  { elder: '吴长庚', visitor: '陈志明', backup: '张建国' },
  { elder: '黄淑珍', visitor: '陈志明', backup: '刘桂兰' },
  { elder: '郑秀兰', visitor: '张建国', backup: null },
];

/**
 * Each paired elder's tier this period, as the server's rules (server/src/visits/tiers.ts) give
 * it from their facts: 80+ and living alone or empty-nest A, another care category B, none C;
 * 吴长庚 (left behind, B by his facts) is raised to A by the coordinator's override below. The
 * server's demo test checks that generation agrees (it adds no second task for these elders).
 */
const TIERS: Record<string, VisitTier> = { 孙德福: 'A', 周桂香: 'A', 吴长庚: 'A', 黄淑珍: 'B', 郑秀兰: 'C' };

export interface DemoVisitsInput {
  siteId: number;
  timeZone: string;
  /** Member ids by name (the demo's people). */
  ids: Map<string, number>;
  coordinator: number;
  now: Date;
}

export async function seedDemoVisits(tx: Transaction, input: DemoVisitsInput): Promise<void> {
  const { siteId, timeZone, ids, coordinator, now } = input;
  const id = (name: string) => ids.get(name)!;
  const at = (day: string, hour: number) => localInstant(day, hour, timeZone);
  const today = localDay(now, timeZone);
  // A visit "today": three hours ago, or the day's first minute when the seed runs before 3 am.
  const todayVisit = new Date(Math.max(now.getTime() - 3 * 3600_000, at(today, 0).getTime()));

  for (const p of PAIRS) {
    await upsertPair(tx, {
      elderId: id(p.elder),
      siteId,
      visitorId: id(p.visitor),
      backupId: p.backup ? id(p.backup) : null,
    });
  }
  await upsertOverride(tx, {
    elderId: id('吴长庚'),
    tier: 'A',
    reason: '上个月没探访到，儿子在外打工，老人前几天在院里摔了一跤',
    until: addDays(today, 27),
    setBy: coordinator,
  });

  const week = periodOf('A', today);
  const lastWeek = periodOf('A', addDays(week.start, -1));
  const lastMonth = periodOf('B', addDays(periodOf('B', today).start, -1));
  const task = (elder: string, tier: VisitTier, period: { start: string; end: string }): NewVisitTask => ({
    siteId,
    elderId: id(elder),
    tier,
    periodStart: period.start,
    dueBy: period.end,
    visitorId: id(PAIRS.find((p) => p.elder === elder)!.visitor),
  });
  const tasks = await insertTasks(tx, [
    // This period's, open until a visit closes them (孙德福's and 郑秀兰's are closed below).
    ...Object.entries(TIERS).map(([elder, tier]) => task(elder, tier, periodOf(tier, today))),
    task('孙德福', 'A', lastWeek),
    // Overdue: its due day is past and nobody went; the escalation marks it missed.
    task('周桂香', 'A', lastWeek),
    // 吴长庚 was monthly (B) last month, and was missed: hence the override.
    task('吴长庚', 'B', lastMonth),
  ]);
  const taskOf = (elder: string, start: string) =>
    tasks.find((t) => t.elderId === id(elder) && t.periodStart === start)!;

  // Visits: each one found at home closes its period's task, as recording a visit does.
  const visit = async (v: {
    elder: string;
    visitor: string;
    visitedAt: Date;
    note: string;
    found?: boolean;
    followUp?: boolean;
  }) => {
    const row = await insertVisit(tx, {
      siteId,
      elderId: id(v.elder),
      visitorId: id(v.visitor),
      visitedAt: v.visitedAt,
      note: v.note,
      mode: 'HOME',
      elderFound: v.found ?? true,
      followUpNeeded: v.followUp ?? false,
      checks: v.found === false ? null : { health: 'OK', mood: 'OK', safety: v.followUp ? 'CONCERN' : 'OK' },
    });
    if (row.elderFound) await closeTaskByVisit(tx, row);
    return row;
  };
  await visit({
    elder: '孙德福',
    visitor: '张建国',
    visitedAt: at(addDays(lastWeek.start, 2), 10),
    note: '血压正常，腿脚还行',
  });
  // This week's: done, and the roof needs mending (a follow-up still open).
  await visit({
    elder: '孙德福',
    visitor: '张建国',
    visitedAt: todayVisit,
    note: '堂屋屋顶漏雨，墙角发霉，要找人修',
    followUp: true,
  });
  const blanket = await visit({
    elder: '郑秀兰',
    visitor: '张建国',
    visitedAt: todayVisit,
    note: '电热毯线头裸露，怕漏电',
    followUp: true,
  });
  await closeFollowUp(tx, blanket.id, coordinator, '已换新电热毯，村电工检查了线路');
  // Not at home: recorded, closes nothing.
  await visit({
    elder: '吴长庚',
    visitor: '陈志明',
    visitedAt: todayVisit,
    note: '家里没人，邻居说去镇上赶集了',
    found: false,
  });
  await markMissed(tx, [taskOf('吴长庚', lastMonth.start).id]);

  // The escalation's messages so far (08:00 on the site's clock, as its job runs): the visitor
  // reminded before the due day, the coordinator on it, and the day after for the missed one.
  const message = (
    elder: string,
    t: { id: number; dueBy: string },
    memberId: number,
    kind: 'VISIT_REMINDER' | 'VISIT_DUE' | 'VISIT_OVERDUE',
    day: string,
  ): NewInboxItem => ({
    memberId,
    siteId,
    kind,
    subject: `visit-task:${t.id}`,
    detail: { personName: elder, at: new Date(at(addDays(t.dueBy, 1), 0).getTime() - 60_000).toISOString() },
    dedupeKey: `visit-task:${t.id}:${kind.slice('VISIT_'.length)}`,
    createdAt: new Date(Math.min(at(day, 8).getTime(), now.getTime())),
  });
  const overdue = taskOf('周桂香', lastWeek.start);
  const missed = taskOf('吴长庚', lastMonth.start);
  await insertInboxItems(tx, [
    message('吴长庚', missed, id('陈志明'), 'VISIT_REMINDER', addDays(missed.dueBy, -3)),
    message('吴长庚', missed, coordinator, 'VISIT_DUE', missed.dueBy),
    message('吴长庚', missed, coordinator, 'VISIT_OVERDUE', addDays(missed.dueBy, 1)),
    message('周桂香', overdue, id('刘桂兰'), 'VISIT_REMINDER', addDays(overdue.dueBy, -2)),
    message('周桂香', overdue, coordinator, 'VISIT_DUE', overdue.dueBy),
  ]);
}

/** YYYY-MM-DD on the zone's calendar. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The instant of `hour`:00 on `day` in the zone. */
function localInstant(day: string, hour: number, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const offset = (ms: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  return new Date(asUtc - offset(asUtc - offset(asUtc)));
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The tier's period holding the day: Monday to Sunday (A), the month (B), the quarter (C). */
function periodOf(tier: VisitTier, day: string): { start: string; end: string } {
  const d = new Date(`${day}T00:00:00Z`);
  if (tier === 'A') {
    const start = addDays(day, -((d.getUTCDay() + 6) % 7));
    return { start, end: addDays(start, 6) };
  }
  const months = tier === 'B' ? 1 : 3;
  const first = tier === 'B' ? d.getUTCMonth() : d.getUTCMonth() - (d.getUTCMonth() % 3);
  const start = new Date(Date.UTC(d.getUTCFullYear(), first, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), first + months, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
