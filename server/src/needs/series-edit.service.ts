// Changing a recurring need, as a calendar does: "this one" changes or cancels one occurrence
// (a need of its own); "this and the following" ends the series the day before and carries the
// change on in a new series from that day. Occurrences already written from that day move to the
// new series: unclaimed ones take every change, claimed ones keep their claims and take only the
// time and the description (their volunteers are told).
import { needQueries as q, seriesQueries as sq, type NeedRow, type NeedSeriesRow, type Transaction } from '@huzhu/db';
import { memberIdOf, requireRoleAt, requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, isAppError, notFound } from '../core/errors';
import * as v from '../core/validate';
import { deliver } from '../inbox/inbox.deliver';
import { cancelNeed, forgetNeed, siteOf } from './needs.service';
import { countBefore, dayBefore, fallsOn, startOf } from './series.rule';
import { checkNeedFields, checkRule, generateIn, notFoundSeries } from './series.service';

export type Scope = 'THIS_ONE' | 'THIS_AND_FOLLOWING';

/** What may change; what is left out stays as it was. */
export interface SeriesChange {
  title?: string | null;
  description?: string | null;
  /** HH:MM on the site's clock. */
  timeOfDay?: string | null;
  estimatedMinutes?: number | null;
  slots?: number | null;
  /** "This and the following" only: new days to repeat on. */
  weekdays?: readonly number[] | null;
  monthDays?: readonly number[] | null;
}

/** The occurrence and its series, for the site's coordinator; another site's is NOT_FOUND. */
async function occurrenceFor(deps: ServiceDeps, actor: Actor | null, needId: number) {
  const need = await deps.cache.need.load(needId);
  if (!need) notFound('need');
  requireVisibleAt(actor, need.siteId, () => notFound('need'));
  requireRoleAt(actor, need.siteId, ['COORDINATOR']);
  if (need.seriesId === null || need.seriesDay === null) notFoundSeries();
  return { need, seriesId: need.seriesId, day: need.seriesDay };
}

function requireLive(need: NeedRow): void {
  if (need.status === 'CANCELLED' || need.status === 'COMPLETED') {
    fail(
      ErrorCode.CONFLICT,
      { en: `The need is already ${need.status}`, zh: '该需求已经结束，不能修改' },
      { status: need.status },
    );
  }
}

/** Whether anyone holds (or is working towards) a slot of the need. */
async function isClaimed(tx: Transaction, needId: number): Promise<boolean> {
  return (await q.claimsByNeedIds(tx, [needId])).some(q.holdsSlot);
}

/**
 * Applies a change to one occurrence: all of it when nobody has claimed it; once claimed only the
 * time and the description (`strict`: anything else is CONFLICT; else it is left out), and the
 * claimants are told in their inbox.
 */
async function changeOccurrence(
  tx: Transaction,
  need: NeedRow,
  change: { title?: string; description?: string | null; startsAt?: Date; estimatedMinutes?: number; slots?: number },
  strict: boolean,
  seriesId?: number,
): Promise<NeedRow> {
  const claims = (await q.claimsByNeedIds(tx, [need.id])).filter(q.holdsSlot);
  let patch: typeof change = change;
  if (claims.length > 0) {
    const { startsAt, description, ...rest } = change;
    const others = Object.entries(rest).filter(([k, val]) => val !== undefined && val !== need[k as keyof NeedRow]);
    if (strict && others.length > 0) {
      fail(ErrorCode.CONFLICT, {
        en: 'Volunteers have claimed it: only the time and the description can change',
        zh: '已有志愿者认领，只能修改时间和说明',
      });
    }
    patch = { startsAt, description };
  }
  const changes = Object.fromEntries(
    Object.entries({ ...patch, seriesId }).filter(([, value]) => value !== undefined),
  ) as typeof patch & { seriesId?: number };
  // Nothing to write (a claimed day, and only its title changed): it stays as it is.
  if (Object.keys(changes).length === 0) return need;
  const row = await sq.updateOccurrence(tx, need.id, changes);
  const moved = row.startsAt.getTime() !== need.startsAt.getTime();
  const described = row.description !== need.description;
  if (claims.length > 0 && (moved || described)) {
    await deliver(
      tx,
      claims.map((c) => ({
        memberId: c.volunteerId,
        siteId: need.siteId,
        kind: 'NEED_CHANGED' as const,
        subject: `need:${need.id}`,
        detail: {
          title: row.title,
          startsAt: row.startsAt.toISOString(),
          previousStartsAt: need.startsAt.toISOString(),
          changed: [...(moved ? ['startsAt'] : []), ...(described ? ['description'] : [])],
        },
      })),
    );
  }
  return row;
}

function startsAtFor(need: NeedRow, timeOfDay: string | undefined, timeZone: string): Date | undefined {
  return timeOfDay === undefined ? undefined : startOf(need.seriesDay!, timeOfDay, timeZone);
}

/** "Only this one": changes the occurrence; the series' rule and its other days stay. */
export async function editOccurrence(
  deps: ServiceDeps,
  actor: Actor | null,
  needId: number,
  input: SeriesChange,
): Promise<NeedRow> {
  const { need } = await occurrenceFor(deps, actor, needId);
  const change = checkChange(input);
  if (change.weekdays || change.monthDays)
    badInput('input.weekdays', {
      en: 'Days can change for this and the following only',
      zh: '只能对“这次及以后”改重复日期',
    });
  const site = await siteOf(deps, need.siteId);
  const row = await deps.db.transaction(async (tx) => {
    const locked = (await q.needById(tx, needId, true))!;
    requireLive(locked);
    const updated = await changeOccurrence(
      tx,
      locked,
      { ...change.fields, startsAt: startsAtFor(locked, change.timeOfDay, site.timeZone) },
      true,
    );
    await audit(tx, actor, need.siteId, 'editOccurrence', 'need', needId, { ...input });
    return updated;
  });
  forgetNeed(deps, needId);
  return row;
}

function checkChange(input: SeriesChange) {
  const timeOfDay = input.timeOfDay ?? undefined;
  if (timeOfDay !== undefined && !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(timeOfDay))
    badInput('input.timeOfDay', { en: 'The time must be like 09:30', zh: '时间格式应如 09:30' });
  const fields: { title?: string; description?: string | null; estimatedMinutes?: number; slots?: number } = {};
  if (input.title != null) fields.title = v.text('input.title', input.title, 60);
  if (input.description !== undefined)
    fields.description = v.optionalText('input.description', input.description, 1000, v.MULTILINE);
  if (input.estimatedMinutes != null)
    fields.estimatedMinutes = v.int('input.estimatedMinutes', input.estimatedMinutes, 1, 1440);
  if (input.slots != null) fields.slots = v.int('input.slots', input.slots, 1, 50);
  return { fields, timeOfDay, weekdays: input.weekdays ?? undefined, monthDays: input.monthDays ?? undefined };
}

/**
 * "This and the following": the series ends the day before this occurrence's day and a new one
 * with the change runs from it (or, from the series' first occurrence, the series itself changes).
 * Occurrences from that day on the new rule's days move to the new series; unclaimed ones on days
 * it no longer has are cancelled, claimed ones there are kept as they are.
 */
export async function editSeriesFrom(
  deps: ServiceDeps,
  actor: Actor | null,
  needId: number,
  input: SeriesChange,
  now: Date = new Date(),
): Promise<{ series: NeedSeriesRow; occurrences: NeedRow[] }> {
  const { need, seriesId, day } = await occurrenceFor(deps, actor, needId);
  const change = checkChange(input);
  const site = await siteOf(deps, need.siteId);
  const result = await deps.db.transaction(async (tx) => {
    const old = (await sq.seriesById(tx, seriesId, true))!;
    const fields = checkNeedFields({ ...old, ...change.fields });
    const rule = checkRule(
      {
        ...old,
        weekdays: change.weekdays ?? old.weekdays,
        monthDays: change.monthDays ?? old.monthDays,
        timeOfDay: change.timeOfDay ?? old.timeOfDay,
        startsOn: day > old.startsOn ? day : old.startsOn,
        // A count carries on with what is left of it.
        occurrenceCount: old.occurrenceCount === null ? null : old.occurrenceCount - countBefore(old, day),
      },
      'input',
      true,
    );
    let next: NeedSeriesRow;
    // From the first occurrence the series itself changes, even when its first day is not one of
    // its days (a weekday round posted on a Saturday): there is nothing before it to keep.
    if (day <= old.startsOn || countBefore(old, day) === 0) {
      next = await sq.updateSeries(tx, old.id, { ...fields, ...rule });
    } else {
      await sq.updateSeries(tx, old.id, { endsOn: dayBefore(day) });
      const { id: _id, createdAt: _at, ...copy } = old;
      next = await sq.insertSeries(tx, {
        ...copy,
        ...fields,
        ...rule,
        splitFrom: old.id,
        createdBy: memberIdOf(actor) ?? old.createdBy,
      });
    }
    const updated: NeedRow[] = [];
    let cancelled = 0;
    for (const occ of await sq.occurrencesFrom(tx, old.id, day)) {
      const live = occ.status === 'OPEN' || occ.status === 'FILLED';
      if (!fallsOn(next, occ.seriesDay!)) {
        // A day the new rule no longer has: unclaimed, it is called off; claimed, it stays.
        if (live && !(await isClaimed(tx, occ.id))) {
          await q.setNeedStatus(tx, occ.id, 'CANCELLED', { cancelledAt: new Date(), cancelReason: '重复规则已更改' });
          cancelled += 1;
        }
        continue;
      }
      if (!live) {
        // Kept on its day (a cancelled day stays cancelled): the new series must not write it again.
        if (next.id !== old.id) await sq.updateOccurrence(tx, occ.id, { seriesId: next.id });
        continue;
      }
      const startsAt = startsAtFor(occ, change.timeOfDay, site.timeZone);
      updated.push(
        await changeOccurrence(
          tx,
          occ,
          { ...change.fields, startsAt },
          false,
          next.id === old.id ? undefined : next.id,
        ),
      );
    }
    await audit(tx, actor, need.siteId, 'editSeriesFrom', 'need_series', next.id, {
      from: day,
      previous: old.id,
      change: { ...input },
      updated: updated.length,
      cancelled,
    });
    const created = await generateIn(tx, deps.events, actor, next, site, now);
    return { series: next, occurrences: [...updated, ...created], created };
  });
  for (const n of result.occurrences) forgetNeed(deps, n.id);
  return { series: result.series, occurrences: result.occurrences };
}

/**
 * "This and the following" cancelled: the series ends the day before, and each of its occurrences
 * from that day still to be served is cancelled as cancelNeed cancels a need (claims withdrawn).
 * One whose service was already reported is kept (the coordinator settles it first) and counted.
 */
export async function cancelSeriesFrom(
  deps: ServiceDeps,
  actor: Actor | null,
  needId: number,
  reasonInput: string,
): Promise<{ series: NeedSeriesRow; cancelled: NeedRow[]; kept: number }> {
  const reason = v.text('reason', reasonInput, 500, 1, v.MULTILINE);
  const { need, seriesId, day } = await occurrenceFor(deps, actor, needId);
  const { series, due } = await deps.db.transaction(async (tx) => {
    const old = (await sq.seriesById(tx, seriesId, true))!;
    const ended = await sq.updateSeries(tx, old.id, {
      endsOn: old.endsOn !== null && old.endsOn < day ? old.endsOn : dayBefore(day),
    });
    const left = (await sq.occurrencesFrom(tx, old.id, day)).filter(
      (n) => n.status === 'OPEN' || n.status === 'FILLED',
    );
    await audit(tx, actor, need.siteId, 'cancelSeriesFrom', 'need_series', old.id, {
      from: day,
      reason,
      occurrences: left.length,
    });
    return { series: ended, due: left };
  });
  const cancelled: NeedRow[] = [];
  let kept = 0;
  for (const n of due) {
    try {
      cancelled.push(await cancelNeed(deps, actor, n.id, reason));
    } catch (error) {
      if (!isAppError(error, ErrorCode.CONFLICT)) throw error;
      kept += 1;
    }
  }
  return { series, cancelled, kept };
}

/** Either scope of an edit, as the client asks for it. */
export async function editSeriesNeed(
  deps: ServiceDeps,
  actor: Actor | null,
  needId: number,
  input: SeriesChange,
  scope: Scope,
): Promise<NeedRow> {
  if (scope === 'THIS_ONE') return editOccurrence(deps, actor, needId, input);
  await editSeriesFrom(deps, actor, needId, input);
  forgetNeed(deps, needId);
  return (await deps.cache.need.load(needId))!;
}

/** Either scope of a cancellation: this one is cancelNeed itself. */
export async function cancelSeriesNeed(
  deps: ServiceDeps,
  actor: Actor | null,
  needId: number,
  reason: string,
  scope: Scope,
): Promise<NeedRow> {
  if (scope === 'THIS_ONE') {
    await occurrenceFor(deps, actor, needId);
    return cancelNeed(deps, actor, needId, reason);
  }
  await cancelSeriesFrom(deps, actor, needId, reason);
  forgetNeed(deps, needId);
  return (await deps.cache.need.load(needId))!;
}
