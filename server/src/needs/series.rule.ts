// The calendar of a recurring need: which days a series' rule falls on, and when on the site's
// clock each occurrence starts. Pure functions over YYYY-MM-DD days, so the rule is tested
// without a database.
import { Temporal } from '@js-temporal/polyfill';

export interface SeriesRule {
  /** ISO weekdays, 1 Monday ... 7 Sunday. */
  weekdays: readonly number[];
  /** Days of the month, 1-31; a month without that day has no occurrence for it. */
  monthDays: readonly number[];
  /** The first day (YYYY-MM-DD, the site's calendar) an occurrence may fall on. */
  startsOn: string;
  /** The last such day, or null. */
  endsOn: string | null;
  /** At most this many occurrences counted from startsOn, or null. */
  occurrenceCount: number | null;
}

/** Whether the rule's weekdays or days of the month include this day (start, end and count aside). */
export function matches(rule: Pick<SeriesRule, 'weekdays' | 'monthDays'>, day: Temporal.PlainDate): boolean {
  return rule.weekdays.includes(day.dayOfWeek) || rule.monthDays.includes(day.day);
}

/** Whether the rule's weekdays or days of the month include `day` (YYYY-MM-DD). */
export function fallsOn(rule: Pick<SeriesRule, 'weekdays' | 'monthDays'>, day: string): boolean {
  return matches(rule, Temporal.PlainDate.from(day));
}

/**
 * The days in [from, to] (both YYYY-MM-DD, inclusive) the series has an occurrence on, in order.
 * The count is counted from startsOn, whatever `from` is, so a window later in the series sees
 * the same occurrences an earlier one would have.
 */
export function occurrenceDays(rule: SeriesRule, from: string, to: string): string[] {
  const start = Temporal.PlainDate.from(rule.startsOn);
  let last = Temporal.PlainDate.from(to);
  if (rule.endsOn !== null && Temporal.PlainDate.compare(Temporal.PlainDate.from(rule.endsOn), last) < 0)
    last = Temporal.PlainDate.from(rule.endsOn);
  const first = Temporal.PlainDate.from(from);
  const days: string[] = [];
  let counted = 0;
  // Without a count the days before `from` need not be walked.
  let day = rule.occurrenceCount === null && Temporal.PlainDate.compare(first, start) > 0 ? first : start;
  for (; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
    if (!matches(rule, day)) continue;
    counted += 1;
    if (rule.occurrenceCount !== null && counted > rule.occurrenceCount) break;
    if (Temporal.PlainDate.compare(day, first) >= 0) days.push(day.toString());
  }
  return days;
}

/** How many occurrences the rule has before `day` (counted from startsOn; the count aside). */
export function countBefore(rule: SeriesRule, day: string): number {
  const before = Temporal.PlainDate.from(day).subtract({ days: 1 }).toString();
  if (before < rule.startsOn) return 0;
  return occurrenceDays({ ...rule, occurrenceCount: null }, rule.startsOn, before).length;
}

/** The instant `timeOfDay` (HH:MM) on `day` is on the zone's clock (a skipped hour moves later). */
export function startOf(day: string, timeOfDay: string, timeZone: string): Date {
  const [hour, minute] = timeOfDay.split(':').map(Number);
  const z = Temporal.PlainDate.from(day)
    .toPlainDateTime({ hour: hour!, minute: minute! })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(z.epochMilliseconds);
}

/** The day (YYYY-MM-DD) and time (HH:MM) `at` is on the zone's clock. */
export function localDayAndTime(at: Date, timeZone: string): { day: string; time: string } {
  const z = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return {
    day: z.toPlainDate().toString(),
    time: `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`,
  };
}

/** Today on the zone's calendar, and the day `days` later. */
export function dayIn(timeZone: string, now: Date, days = 0): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .add({ days })
    .toString();
}

/** The day before `day`. */
export function dayBefore(day: string): string {
  return Temporal.PlainDate.from(day).subtract({ days: 1 }).toString();
}
