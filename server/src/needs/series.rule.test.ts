// The series calendar: which days a weekday or monthly rule falls on across a month's end, and
// what instant the site's 11:00 is, so a coordinator's "every weekday at 11" lands where they meant.
import { describe, expect, it } from 'vitest';
import { countBefore, dayIn, localDayAndTime, occurrenceDays, startOf, type SeriesRule } from './series.rule';

const weekdays: SeriesRule = {
  weekdays: [1, 2, 3, 4, 5],
  monthDays: [],
  startsOn: '2026-11-26',
  endsOn: null,
  occurrenceCount: null,
};

describe('the days a series falls on', () => {
  it('every weekday runs over the end of November into December, skipping the weekend', () => {
    // 2026-11-26 is a Thursday; 28-29 November and 5-6 December are a weekend.
    expect(occurrenceDays(weekdays, '2026-11-26', '2026-12-07')).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-07',
    ]);
  });

  it('days of the month skip a month that lacks the day, and run into the next year', () => {
    const monthly: SeriesRule = { ...weekdays, weekdays: [], monthDays: [1, 31], startsOn: '2026-10-15' };
    expect(occurrenceDays(monthly, '2026-10-15', '2027-02-10')).toEqual([
      '2026-10-31',
      '2026-11-01',
      '2026-12-01',
      '2026-12-31',
      '2027-01-01',
      '2027-01-31',
      '2027-02-01',
    ]);
  });

  it('weekdays and days of the month together give each day once', () => {
    // Saturdays and the 1st: 1 May 2027 is a Saturday, counted once.
    const both: SeriesRule = { ...weekdays, weekdays: [6], monthDays: [1], startsOn: '2027-04-25' };
    expect(occurrenceDays(both, '2027-04-25', '2027-05-08')).toEqual(['2027-05-01', '2027-05-08']);
  });

  it('a count is counted from the first day, whatever window is asked for', () => {
    const five = { ...weekdays, occurrenceCount: 5 };
    expect(occurrenceDays(five, '2026-11-01', '2026-12-31')).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(occurrenceDays(five, '2026-12-01', '2026-12-31')).toEqual(['2026-12-01', '2026-12-02']);
    expect(countBefore(five, '2026-12-01')).toBe(3);
  });

  it('an end day is the last day, and an end before the start has none', () => {
    expect(occurrenceDays({ ...weekdays, endsOn: '2026-11-30' }, '2026-11-01', '2026-12-31')).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
    ]);
    expect(occurrenceDays({ ...weekdays, endsOn: '2026-11-25' }, '2026-11-01', '2026-12-31')).toEqual([]);
  });
});

describe('the site clock', () => {
  it("11:00 in Shanghai is 03:00 UTC, on the site's day even when UTC is still on the day before", () => {
    expect(startOf('2026-12-01', '11:00', 'Asia/Shanghai').toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(startOf('2026-12-01', '07:30', 'Asia/Shanghai').toISOString()).toBe('2026-11-30T23:30:00.000Z');
    // 23:30 UTC on 30 November is already 1 December in Shanghai.
    expect(dayIn('Asia/Shanghai', new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(dayIn('Asia/Shanghai', new Date('2026-11-30T23:30:00Z'), 14)).toBe('2026-12-15');
    expect(localDayAndTime(new Date('2026-11-30T23:30:00Z'), 'Asia/Shanghai')).toEqual({
      day: '2026-12-01',
      time: '07:30',
    });
  });

  it('a zone with summer time keeps the local hour on both sides of the change', () => {
    // Berlin leaves summer time on 25 October 2026.
    expect(startOf('2026-10-24', '11:00', 'Europe/Berlin').toISOString()).toBe('2026-10-24T09:00:00.000Z');
    expect(startOf('2026-10-26', '11:00', 'Europe/Berlin').toISOString()).toBe('2026-10-26T10:00:00.000Z');
  });
});
