// Recurring needs: a coordinator posts a series once (every weekday at 11:00, every Saturday at
// 15:00) and each occurrence becomes an ordinary need of its own, generated two weeks ahead: at
// once when the series is posted (in the same transaction) and then nightly by needs.series.
// Editing and cancelling occurrences is series-edit.service.ts.
import {
  seriesQueries as sq,
  type NeedRow,
  type NeedSeriesRow,
  type Payer,
  type ServiceCategory,
  type SiteRow,
  type Transaction,
} from '@huzhu/db';
import { canSeeSite, isPlatformAdmin, memberIdOf, requireActor, requireRoleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import type { Events } from '../events/events';
import { RowLoader } from '../core/loaders';
import { badInput, ErrorCode, fail } from '../core/errors';
import * as v from '../core/validate';
import { requireWithdrawAge } from '../ledger/hours-policy.service';
import { siteOf } from './needs.service';
import { dayIn, occurrenceDays, startOf } from './series.rule';

/** How far ahead occurrences exist: today and the 13 days after, on the site's calendar. */
export const AHEAD_DAYS = 14;

/** When a series repeats, as a coordinator gives it. */
export interface RuleInput {
  /** ISO weekdays, 1 Monday ... 7 Sunday. */
  weekdays?: readonly number[] | null;
  /** Days of the month, 1-31. */
  monthDays?: readonly number[] | null;
  /** HH:MM on the site's clock. */
  timeOfDay: string;
  /** YYYY-MM-DD, the site's calendar. */
  startsOn: string;
  /** The last day, or none (then the count, or on until ended). */
  endsOn?: string | null;
  occurrenceCount?: number | null;
}

/** A series as its coordinator posts it: what each occurrence needs, and when it repeats. */
export interface NewSeries extends RuleInput {
  siteId: number;
  beneficiaryId: number;
  title: string;
  description?: string | null;
  category: ServiceCategory;
  estimatedMinutes: number;
  /** 1 when omitted. */
  slots?: number | null;
  /** SITE when omitted. */
  payer?: Payer | null;
}

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function dayList(field: string, values: readonly number[] | null | undefined, max: number): number[] {
  const list = [...new Set(values ?? [])].sort((a, b) => a - b);
  for (const d of list) v.int(field, d, 1, max);
  return list;
}

/** The rule checked: days to repeat on, a real time and days, at most one kind of end. */
export function checkRule(
  input: RuleInput,
  field = 'input',
  /** A split series carries on its old end and what is left of its count together. */
  bothEnds = false,
): {
  weekdays: number[];
  monthDays: number[];
  timeOfDay: string;
  startsOn: string;
  endsOn: string | null;
  occurrenceCount: number | null;
} {
  const weekdays = dayList(`${field}.weekdays`, input.weekdays, 7);
  const monthDays = dayList(`${field}.monthDays`, input.monthDays, 31);
  if (weekdays.length === 0 && monthDays.length === 0) {
    badInput(`${field}.weekdays`, {
      en: 'Choose the weekdays or the days of the month it repeats on',
      zh: '请选择每周哪几天或每月哪几号重复',
    });
  }
  if (!TIME_OF_DAY.test(input.timeOfDay)) {
    badInput(`${field}.timeOfDay`, { en: 'The time must be like 09:30', zh: '时间格式应如 09:30' });
  }
  v.day(`${field}.startsOn`, input.startsOn);
  const endsOn = input.endsOn ?? null;
  const occurrenceCount = input.occurrenceCount ?? null;
  if (endsOn !== null) {
    v.day(`${field}.endsOn`, endsOn);
    if (endsOn < input.startsOn)
      badInput(`${field}.endsOn`, { en: 'The end is before the start', zh: '结束日期早于开始日期' });
  }
  if (occurrenceCount !== null) v.int(`${field}.occurrenceCount`, occurrenceCount, 1, 1000);
  if (endsOn !== null && occurrenceCount !== null && !bothEnds) {
    badInput(`${field}.occurrenceCount`, {
      en: 'Give an end date or a number of times, not both',
      zh: '结束日期和次数只填一个',
    });
  }
  return { weekdays, monthDays, timeOfDay: input.timeOfDay, startsOn: input.startsOn, endsOn, occurrenceCount };
}

/** The need fields of a series, checked as postNeed checks a need's. */
export function checkNeedFields(input: Pick<NewSeries, 'title' | 'description' | 'estimatedMinutes' | 'slots'>) {
  return {
    title: v.text('input.title', input.title, 60),
    description: v.optionalText('input.description', input.description, 1000, v.MULTILINE),
    estimatedMinutes: v.int('input.estimatedMinutes', input.estimatedMinutes, 1, 1440),
    slots: v.int('input.slots', input.slots ?? 1, 1, 50),
  };
}

export async function requireBeneficiaryAt(deps: ServiceDeps, siteId: number, beneficiaryId: number) {
  const beneficiary = await deps.cache.member.load(beneficiaryId);
  if (!beneficiary || beneficiary.siteId !== siteId) {
    badInput('input.beneficiaryId', {
      en: 'The beneficiary must be a member of this site',
      zh: '服务对象必须是本站点的成员',
    });
  }
}

/** Posts a series and its occurrences of the next two weeks, in one transaction. */
export async function postSeries(
  deps: ServiceDeps,
  actor: Actor | null,
  input: NewSeries,
  now: Date = new Date(),
): Promise<{ series: NeedSeriesRow; occurrences: NeedRow[] }> {
  const { siteId, beneficiaryId } = input;
  requireRoleAt(actor, siteId, ['COORDINATOR']);
  const fields = checkNeedFields(input);
  const rule = checkRule(input);
  if (input.payer === 'RELATIVE' || input.payer === 'CARE_POOL') {
    // A relative consents need by need, and the care pool is chosen need by need: not for a series.
    badInput('input.payer', {
      en: 'A series is paid by the site or the beneficiary; post single needs for a relative or the care pool',
      zh: '周期需求只能由站点或服务对象支付；亲属或爱心池支付请单独发布',
    });
  }
  const site = await siteOf(deps, siteId);
  await requireBeneficiaryAt(deps, siteId, beneficiaryId);
  if (input.payer === 'BENEFICIARY') {
    const beneficiary = await deps.cache.member.load(beneficiaryId);
    if (beneficiary) await requireWithdrawAge(deps.db, siteId, beneficiary);
  }
  const result = await deps.db.transaction(async (tx) => {
    const series = await sq.insertSeries(tx, {
      siteId,
      beneficiaryId,
      ...fields,
      category: input.category,
      payer: input.payer ?? 'SITE',
      ...rule,
      createdBy: memberIdOf(actor),
    });
    await audit(tx, actor, siteId, 'postSeries', 'need_series', series.id, {
      title: series.title,
      weekdays: series.weekdays,
      monthDays: series.monthDays,
      timeOfDay: series.timeOfDay,
      startsOn: series.startsOn,
      endsOn: series.endsOn,
      occurrenceCount: series.occurrenceCount,
    });
    const occurrences = await generateIn(tx, deps.events, actor, series, site, now);
    return { series, occurrences };
  });
  return result;
}

/**
 * Writes the series' occurrences due in the two weeks from `now` that it does not have yet (each
 * once: ON CONFLICT on its day), never one whose start has passed, and tells the site's boards of
 * them at commit (needPosted, as postNeed). The caller holds the series row (FOR UPDATE) or has
 * just written it.
 */
export async function generateIn(
  tx: Transaction,
  events: Events,
  actor: Actor | null,
  series: NeedSeriesRow,
  site: Pick<SiteRow, 'timeZone'>,
  now: Date,
): Promise<NeedRow[]> {
  const today = dayIn(site.timeZone, now);
  const from = series.startsOn > today ? series.startsOn : today;
  const days = occurrenceDays(series, from, dayIn(site.timeZone, now, AHEAD_DAYS - 1));
  const created: NeedRow[] = [];
  for (const day of days) {
    const startsAt = startOf(day, series.timeOfDay, site.timeZone);
    if (startsAt <= now) continue;
    const need = await sq.insertOccurrence(tx, {
      siteId: series.siteId,
      title: series.title,
      description: series.description,
      category: series.category,
      beneficiaryId: series.beneficiaryId,
      startsAt,
      estimatedMinutes: series.estimatedMinutes,
      slots: series.slots,
      payer: series.payer,
      createdBy: series.createdBy,
      seriesId: series.id,
      seriesDay: day,
    });
    if (!need) continue;
    await audit(tx, actor, series.siteId, 'postNeed', 'need', need.id, {
      title: need.title,
      category: need.category,
      slots: need.slots,
      payer: need.payer,
      seriesId: series.id,
      seriesDay: day,
    });
    created.push(need);
  }
  await events.announce(
    tx,
    created.map((n) => ({ topic: 'needPosted' as const, siteId: n.siteId, id: n.id })),
  );
  return created;
}

/** Generates one series' due occurrences (the job, and a coordinator's "fill in now"). */
export async function generateSeries(
  deps: ServiceDeps,
  actor: Actor | null,
  seriesId: number,
  now: Date = new Date(),
): Promise<NeedRow[]> {
  requireActor(actor);
  const found = await sq.seriesById(deps.db, seriesId);
  if (!found || !canSeeSite(actor, found.siteId)) notFoundSeries();
  requireRoleAt(actor, found.siteId, ['COORDINATOR', 'ADMIN']);
  const site = await siteOf(deps, found.siteId);
  const created = await deps.db.transaction(async (tx) => {
    const series = (await sq.seriesById(tx, seriesId, true))!;
    return generateIn(tx, deps.events, actor, series, site, now);
  });
  return created;
}

/**
 * Every running series, each in its own transaction: the nightly job, for platform staff or the
 * system. A series that fails is left for the next run and named in the answer; the others go on.
 */
export async function generateDue(
  deps: ServiceDeps,
  actor: Actor | null,
  now: Date = new Date(),
  /** Only the series of sites in this zone (the nightly run of that zone); all when omitted. */
  timeZone?: string,
): Promise<{ created: number; failed: number[] }> {
  if (!isPlatformAdmin(requireActor(actor)))
    fail(ErrorCode.FORBIDDEN, { en: 'Only the platform runs every series', zh: '只有平台可以生成全部系列' });
  // A day before today in UTC is before today in every zone.
  const running = await sq.runningSeries(deps.db, dayIn('UTC', now, -1));
  let created = 0;
  const failed: number[] = [];
  for (const { series, site } of running) {
    if (timeZone !== undefined && site.timeZone !== timeZone) continue;
    try {
      created += (await generateSeries(deps, actor, series.id, now)).length;
    } catch {
      failed.push(series.id);
    }
  }
  return { created, failed };
}

export function notFoundSeries(): never {
  fail(ErrorCode.NOT_FOUND, { en: 'Series not found', zh: '找不到这个重复需求' });
}

/**
 * Each unit of work's series by id, so a board of needs reads their series in one query. Kept
 * beside the unit's own read cache (and gone with it), as that cache knows no series.
 */
const seriesLoaders = new WeakMap<ServiceDeps['cache'], RowLoader<NeedSeriesRow>>();

/** The series a need is an occurrence of, for who may see the need. */
export async function seriesOf(deps: ServiceDeps, need: NeedRow): Promise<NeedSeriesRow | null> {
  if (need.seriesId === null) return null;
  let loader = seriesLoaders.get(deps.cache);
  if (!loader) seriesLoaders.set(deps.cache, (loader = new RowLoader((ids) => sq.seriesByIds(deps.db, ids))));
  return (await loader.get(need.seriesId)) ?? null;
}
