// The site-zone date helpers: days, months and ISO offsets are computed in the site's zone.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayIn, formatDay, monthIn, splitMinutes, zonedToIso, zoneOffsetMinutes } from './time';

describe('time helpers', () => {
  it('computes the zone offset', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 10, 25), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(Date.UTC(2026, 10, 25), 'UTC')).toBe(0);
  });
  it('gives the day and month in the site zone, not UTC', () => {
    const lateUtc = Date.UTC(2026, 10, 30, 17, 0); // 01:00 on 1 December in Shanghai
    expect(dayIn(lateUtc, 'Asia/Shanghai')).toBe('2026-12-01');
    expect(monthIn(lateUtc, 'Asia/Shanghai')).toBe('2026-12');
    expect(dayIn(lateUtc, 'UTC')).toBe('2026-11-30');
  });
  it('writes wall time as ISO with offset', () => {
    expect(zonedToIso('2026-11-25', '09:30', 'Asia/Shanghai')).toBe('2026-11-25T09:30:00+08:00');
    expect(zonedToIso('2026-07-01', '08:00', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
  });
  it('adds days and months across boundaries', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
  it('says a due day as the reader does, the same day whatever the zone', () => {
    expect(formatDay('2026-12-31', 'zh-CN')).toBe('12月31日');
    expect(formatDay('2026-12-31', 'en')).toBe('Dec 31');
    expect(formatDay('2027-01-01', 'zh-CN')).toBe('1月1日');
  });

  it('splits minutes', () => {
    expect(splitMinutes(90)).toEqual({ h: 1, m: 30 });
  });
});
