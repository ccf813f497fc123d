// The input rules on their own: text that is stored as one spelling with nothing invisible in it,
// and dates that are real days in a sane window. (test/security/input-rules.test.ts sends the
// same inputs over HTTP.)
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import * as v from './validate';

/** The BAD_USER_INPUT a rule throws, with the field it names. */
function refusal(run: () => unknown): { code: string; field: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    return { code: e.code, field: e.extensions.field };
  }
  throw new Error('expected a refusal');
}

describe('text', () => {
  it('stores NFC, trimmed', () => {
    // "é" as e + combining acute (NFD) and as one code point (NFC) are one name.
    expect(v.text('name', '  Jose\u0301 ', 40)).toBe('Jos\u00e9');
    expect(v.text('name', '张建国', 40)).toBe('张建国');
  });

  it.each([
    ['zero-width space', '张\u200b建国'],
    ['zero-width joiner', '张\u200d建国'],
    ['right-to-left override', '张建国\u202e'],
    ['first-strong isolate', '\u2068张建国'],
    ['byte order mark', '\ufeff张建国'],
    ['soft hyphen', '张\u00ad建国'],
    ['lone high surrogate', '张\ud800建国'],
    ['lone low surrogate', '张建国\udc00'],
    ['NUL', '张\u0000建国'],
    ['DEL', '张\u007f建国'],
    ['C1 control', '张\u0085建国'],
    ['tab', '张\t建国'],
    ['line feed', '张\n建国'],
    ['carriage return', '张\r建国'],
    ['line separator', '张\u2028建国'],
  ])('refuses a %s in a one-line field, naming it', (_what, value) => {
    expect(refusal(() => v.text('input.name', value, 40))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('keeps line breaks in a multi-line field, as \\n, and nothing else invisible', () => {
    expect(v.text('note', '第一行\r\n第二行\r第三行\n', 500, 1, v.MULTILINE)).toBe('第一行\n第二行\n第三行');
    expect(v.optionalText('note', '一\n二', 500, v.MULTILINE)).toBe('一\n二');
    for (const bad of ['一\u200b二', '一\t二', '一\u202e二', '一\ud800二', '一\u2029二']) {
      expect(refusal(() => v.optionalText('note', bad, 500, v.MULTILINE))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'note',
      });
    }
  });

  it('counts characters, not UTF-16 units, against the length', () => {
    expect(v.text('name', '𠀀'.repeat(40), 40)).toHaveLength(80);
    expect(refusal(() => v.text('name', '𠀀'.repeat(41), 40)).field).toBe('name');
  });
});

describe('days and months', () => {
  it('takes real days from 2000 to 2100', () => {
    expect(v.day('day', '2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(v.day('day', '2000-01-01')).toEqual({ year: 2000, month: 1, day: 1 });
    expect(v.day('day', '2100-12-31')).toEqual({ year: 2100, month: 12, day: 31 });
    expect(v.month('month', '2026-11')).toEqual({ year: 2026, month: 11 });
  });

  it.each(['2026-02-30', '2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'])(
    'refuses the impossible day %s',
    (value) => {
      expect(refusal(() => v.day('day', value))).toEqual({ code: 'BAD_USER_INPUT', field: 'day' });
    },
  );

  it.each(['0000-01-01', '0001-01-01', '1999-12-31', '2101-01-01', '9999-12-31', '26-01-01', '2026-1-1'])(
    'refuses the day %s outside 2000-2100 or out of shape',
    (value) => {
      expect(refusal(() => v.day('day', value)).field).toBe('day');
    },
  );

  it.each(['0001-01', '1999-12', '2101-01', '9999-12', '2026-13'])('refuses the month %s', (value) => {
    expect(refusal(() => v.month('month', value))).toEqual({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});

describe('date-times', () => {
  it('reads real instants with their offsets', () => {
    expect(v.parseDateTime('2026-11-25T09:30:00+08:00')?.toISOString()).toBe('2026-11-25T01:30:00.000Z');
    expect(v.parseDateTime('2028-02-29T23:59:59.999Z')?.toISOString()).toBe('2028-02-29T23:59:59.999Z');
    expect(v.parseDateTime('2026-03-01T00:00-14:00')?.toISOString()).toBe('2026-03-01T14:00:00.000Z');
  });

  it.each([
    '2026-02-30T09:00:00+08:00', // JavaScript: 2 March
    '2026-02-29T09:00:00Z',
    '2026-04-31T09:00:00Z',
    '2026-11-25T24:00:00+08:00', // JavaScript: the next day
    '2026-11-25T23:60:00Z',
    '2026-11-25T23:59:60Z',
    '2026-11-25T09:00:00+15:00',
    '2026-11-25T09:00:00+08:60',
  ])('finds no instant in %s', (value) => {
    expect(v.parseDateTime(value)).toBeUndefined();
  });

  it('refuses, naming the field, an invalid date or one outside 2000-2100', () => {
    const at = (s: string) => v.date('input.startsAt', new Date(s));
    expect(at('2000-01-01T00:30:00+08:00').toISOString()).toBe('1999-12-31T16:30:00.000Z');
    expect(at('2100-12-31T23:59:00+08:00')).toBeInstanceOf(Date);
    for (const bad of [
      '9999-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '1999-06-01T00:00:00Z',
      '2101-06-01T00:00:00Z',
    ]) {
      expect(refusal(() => at(bad))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
    }
    expect(refusal(() => v.date('input.startsAt', new Date(Number.NaN))).field).toBe('input.startsAt');
  });
});
