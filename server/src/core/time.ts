// Months and days in a site's time zone, as UTC instants for queries: "November in Shanghai"
// starts at 2026-10-31T16:00Z.
import { Temporal } from '@js-temporal/polyfill';

// The default lives beside the sites table, whose column default it is (db cannot import the server).
export { DEFAULT_SITE_ZONE } from '@huzhu/db';

export function monthRange(year: number, month: number, timeZone: string): { from: Date; to: Date } {
  const start = Temporal.PlainDate.from({ year, month, day: 1 }, { overflow: 'reject' });
  return {
    from: new Date(start.toZonedDateTime({ timeZone }).epochMilliseconds),
    to: new Date(start.add({ months: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds),
  };
}

export function dayRange(year: number, month: number, day: number, timeZone: string): { from: Date; to: Date } {
  const start = Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  return {
    from: new Date(start.toZonedDateTime({ timeZone }).epochMilliseconds),
    to: new Date(start.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds),
  };
}

/** The current month, YYYY-MM, in the zone. */
export function currentMonth(timeZone: string, now: Date = new Date()): string {
  const z = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  return `${z.year}-${String(z.month).padStart(2, '0')}`;
}

/** "2026-11-25 09:30": the minute of `at` on the clock of the zone, as a message names a time. */
export function localMinute(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' })
    .replace('T', ' ');
}

/** "2026-11-25": the day of `at` on the clock of the zone. */
export function localDate(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** "2026-02-28": the month's last day; month 1-12 (13 is next year's January, for "next month"). */
export function lastDayOfMonth(year: number, month: number): string {
  const ym = Temporal.PlainYearMonth.from({ year, month: 1 }).add({ months: month - 1 });
  return ym.toPlainDate({ day: ym.daysInMonth }).toString();
}

/** The last minute of a calendar day on the zone's clock, as epoch milliseconds (a due day's end). */
export function endOfLocalDay(day: string, timeZone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone, plainTime: '23:59' }).epochMilliseconds;
}

/** The weekday (ISO, 1 = Monday) and hour of `at` on the clock of the zone. */
export function zoned(at: Date, timeZone: string): { dayOfWeek: number; hour: number } {
  const z = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return { dayOfWeek: z.dayOfWeek, hour: z.hour };
}
