// The clock readings (a visit's day, a message's minute, the month a confirmation counts in) agree
// with Temporal's, in zones with and without summer time, at the instants where they are easy to
// get wrong: around midnight, at a month's and a year's turn, and across DST changes.
import { Temporal } from '@js-temporal/polyfill';
import { describe, expect, it } from 'vitest';
import { currentMonth, lastDayOfMonth, localDate, localMinute, zoned } from './time';

const ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'UTC',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Pacific/Chatham',
];

function instants(): Date[] {
  const out: Date[] = [];
  // Every 37 minutes across two DST changes (March, November) and a year's turn, plus a leap day.
  for (const [from, to] of [
    ['2026-03-07T00:00Z', '2026-03-09T12:00Z'],
    ['2026-10-31T00:00Z', '2026-11-02T12:00Z'],
    ['2026-12-30T12:00Z', '2027-01-01T20:00Z'],
    ['2028-02-28T10:00Z', '2028-03-01T02:00Z'],
  ]) {
    for (let t = Date.parse(from!); t < Date.parse(to!); t += 37 * 60_000 + 1_234) out.push(new Date(t));
  }
  return out;
}

const onTemporal = (at: Date, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);

describe('reading an instant on a zone clock', () => {
  it('gives the day, the minute, the month, the weekday and the hour Temporal gives, in every zone', () => {
    let compared = 0;
    for (const zone of ZONES) {
      for (const at of instants()) {
        const z = onTemporal(at, zone);
        expect(localDate(at, zone)).toBe(z.toPlainDate().toString());
        expect(localMinute(at, zone)).toBe(z.toPlainDateTime().toString({ smallestUnit: 'minute' }).replace('T', ' '));
        expect(currentMonth(zone, at)).toBe(`${z.year}-${String(z.month).padStart(2, '0')}`);
        expect(zoned(at, zone)).toEqual({ dayOfWeek: z.dayOfWeek, hour: z.hour });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('puts a visit late in the evening in Shanghai on that evening’s day and month, not UTC’s', () => {
    // 23:30 on 30 November in Shanghai is 15:30 UTC the same day; 00:30 on 1 December is 16:30 UTC on the 30th.
    expect(localDate(new Date('2026-11-30T15:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localDate(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(currentMonth('Asia/Shanghai', new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(localMinute(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-01 00:30');
  });

  it('refuses a zone that does not exist', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('lastDayOfMonth', () => {
  it('knows leap years, and reads month 13 as next January', () => {
    expect(lastDayOfMonth(2028, 2)).toBe('2028-02-29');
    expect(lastDayOfMonth(2026, 2)).toBe('2026-02-28');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2026, 13)).toBe('2027-01-31');
    for (let year = 2024; year <= 2030; year++) {
      for (let month = 1; month <= 13; month++) {
        const ym = Temporal.PlainYearMonth.from({ year, month: 1 }).add({ months: month - 1 });
        expect(lastDayOfMonth(year, month)).toBe(ym.toPlainDate({ day: ym.daysInMonth }).toString());
      }
    }
  });
});
