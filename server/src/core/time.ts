// Months and days in a site's time zone, as UTC instants for queries: "November in Shanghai"
// starts at 2026-10-31T16:00Z.
//
// Reading an instant on a zone's clock (a day, a month, a minute) goes through one Intl formatter
// kept per zone: the Temporal polyfill took 50-100 µs a call for the same answer, and a visit
// round's page spent 6% of its server time in two of them (docs/perf.md). Going the other way (a
// zone's day to an instant, where a DST gap or overlap must be resolved) stays Temporal's.
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

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The formatter that reads an instant on the zone's clock (a RangeError for an unknown zone, as Temporal's). */
function clockOf(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const two = (n: number) => String(n).padStart(2, '0');

interface ZoneClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO: 1 = Monday. */
  dayOfWeek: number;
}

/** What the zone's clock showed at `at`. */
function onClock(at: Date, timeZone: string): ZoneClock {
  const clock: ZoneClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, dayOfWeek: 0 };
  for (const part of clockOf(timeZone).formatToParts(at)) {
    if (part.type === 'weekday') clock.dayOfWeek = WEEKDAYS[part.value] ?? 0;
    else if (part.type in clock) clock[part.type as keyof ZoneClock] = Number(part.value);
  }
  return clock;
}

const ymd = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;

/** The current month, YYYY-MM, in the zone. */
export function currentMonth(timeZone: string, now: Date = new Date()): string {
  const z = onClock(now, timeZone);
  return `${String(z.year).padStart(4, '0')}-${two(z.month)}`;
}

/** "2026-11-25 09:30": the minute of `at` on the clock of the zone, as a message names a time. */
export function localMinute(at: Date, timeZone: string): string {
  const z = onClock(at, timeZone);
  return `${ymd(z.year, z.month, z.day)} ${two(z.hour)}:${two(z.minute)}`;
}

/** "2026-11-25": the day of `at` on the clock of the zone. */
export function localDate(at: Date, timeZone: string): string {
  const z = onClock(at, timeZone);
  return ymd(z.year, z.month, z.day);
}

/** "2026-02-28": the month's last day; month 1-12 (13 is next year's January, for "next month"). */
export function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the month after is the month's last day; month 13 carries into the next year.
  // (setUTCFullYear, not Date.UTC, which would read the years 0-99 as 1900-1999.)
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return ymd(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate());
}

/** The last minute of a calendar day on the zone's clock, as epoch milliseconds (a due day's end). */
export function endOfLocalDay(day: string, timeZone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone, plainTime: '23:59' }).epochMilliseconds;
}

/** The weekday (ISO, 1 = Monday) and hour of `at` on the clock of the zone. */
export function zoned(at: Date, timeZone: string): { dayOfWeek: number; hour: number } {
  const z = onClock(at, timeZone);
  return { dayOfWeek: z.dayOfWeek, hour: z.hour };
}
